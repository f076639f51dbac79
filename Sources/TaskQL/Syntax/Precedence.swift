// Operator precedence as data, loosest first. The expression rules of the
// parser read their operators from this table, `Grammar/README.md` prints
// it, and `GrammarSyncTests` checks that the two and the EBNF agree.

/// One level of operator precedence.
package struct PrecedenceLevel: Sendable, Hashable {
    /// How operators of one level combine.
    package enum Associativity: String, Sendable, Hashable {
        /// `a - b - c` is `(a - b) - c`.
        case left
        /// `a or b or c`: every grouping means the same, so the parser builds
        /// a balanced tree (a long chain is shallow) and the formatter writes
        /// chains flat.
        case associative
        /// A prefix operator, which may repeat (`not not x`, `- -x`).
        case prefix
        /// At most one per operand (`a < b < c` is an error).
        case none
    }

    /// The EBNF rule that parses this level (`or_expression`).
    package let rule: String
    /// The operators as written (`not in`, `is not null`).
    package let operators: [String]
    /// How they combine.
    package let associativity: Associativity

    /// Creates a level.
    package init(rule: String, operators: [String], associativity: Associativity) {
        self.rule = rule
        self.operators = operators
        self.associativity = associativity
    }
}

extension Parser {
    /// Operator precedence, loosest first.
    package static let precedenceTable: [PrecedenceLevel] = [
        PrecedenceLevel(rule: "or_expression", operators: ["or"], associativity: .associative),
        PrecedenceLevel(rule: "and_expression", operators: ["and"], associativity: .associative),
        PrecedenceLevel(rule: "not_expression", operators: ["not"], associativity: .prefix),
        PrecedenceLevel(
            rule: "comparison",
            operators: [
                "==", "!=", "<", "<=", ">", ">=", "in", "not in", "contains", "startswith",
                "endswith", "matches", "has", "is null", "is not null",
            ], associativity: .none),
        PrecedenceLevel(rule: "additive", operators: ["+", "-"], associativity: .left),
        PrecedenceLevel(rule: "multiplicative", operators: ["*", "/"], associativity: .left),
        PrecedenceLevel(rule: "unary", operators: ["-"], associativity: .prefix),
    ]

    /// The binary operators of the level parsed by `rule`.
    static func binaryOperators(of rule: String) -> [BinaryOperator] {
        let level = precedenceTable.first { $0.rule == rule }
        return (level?.operators ?? []).compactMap(BinaryOperator.init(rawValue:))
    }
}
