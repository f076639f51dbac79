// The formatter decides where parentheses go from the same precedence
// table the parser reads its operators from, so the two cannot disagree.

/// The precedence of expressions, read from ``Parser/precedenceTable``:
/// 1 is the loosest level (`or`), higher binds tighter; operands
/// (literals, names, calls, lists) bind tightest of all.
enum ExpressionPrecedence {
    static let levels = Parser.precedenceTable

    /// The level (1-based) parsed by `rule`.
    static func level(ofRule rule: String) -> Int {
        (levels.firstIndex { $0.rule == rule } ?? levels.count) + 1
    }

    static let not = level(ofRule: "not_expression")
    static let comparison = level(ofRule: "comparison")
    static let negation = level(ofRule: "unary")
    /// Literals, names, parameters, calls and lists.
    static let operand = levels.count + 1

    /// The level of a binary operator.
    static func level(of op: BinaryOperator) -> Int {
        (levels.firstIndex { $0.operators.contains(op.rawValue) } ?? levels.count) + 1
    }

    /// Whether the parser makes a chain of the operator into a balanced
    /// tree of its operands rather than a left-leaning one
    /// (`ScriptParser.associativeChain`: `and` and `or`, which are
    /// associative).
    static func isBalanced(_ op: BinaryOperator) -> Bool {
        levels[level(of: op) - 1].associativity == .associative
    }

    /// Whether operators of the level chain (`a - b - c`, `a or b or c`),
    /// rather than allowing one operator only (comparisons).
    static func isLeftAssociative(_ level: Int) -> Bool {
        [.left, .associative].contains(levels[level - 1].associativity)
    }

    /// The level of an expression: that of its outermost operator.
    static func level(of expr: Expr) -> Int {
        switch expr.kind {
        case .binary(let op, _, _): level(of: op)
        case .unary(.not, _): not
        case .unary(.negate, _): negation
        case .isNull: comparison
        case .literal, .field, .parameter, .list, .call: operand
        }
    }
}
