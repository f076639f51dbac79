// Expressions, one method per precedence level. The binary levels take
// their operators from `Parser.precedenceTable`.

extension ScriptParser {
    /// Grammar: expression = or_expression ;
    func expression() throws(ParseFailure) -> Expr {
        try orExpression()
    }

    /// Grammar: or_expression = and_expression { "or" and_expression } ;
    func orExpression() throws(ParseFailure) -> Expr {
        try associativeChain("or_expression", operand: andExpression)
    }

    /// Grammar: and_expression = not_expression { "and" not_expression } ;
    func andExpression() throws(ParseFailure) -> Expr {
        try associativeChain("and_expression", operand: notExpression)
    }

    /// Grammar: not_expression = "not" not_expression | comparison ;
    func notExpression() throws(ParseFailure) -> Expr {
        guard check(.not) else { return try comparison() }
        let start = advance().span
        return try nested { () throws(ParseFailure) in
            let operand = try notExpression()
            return Expr(.unary(.not, operand), span: start.union(operand.span))
        }
    }

    /// Grammar: comparison = additive [ comparison_operator additive | "is" [ "not" ] "null" ] ;
    func comparison() throws(ParseFailure) -> Expr {
        let left = try additive()
        var result = left
        if match(.is) {
            let negated = match(.not)
            try consume(.null, expected: negated ? "'null' after 'is not'" : "'null' or 'not null' after 'is'")
            result = Expr(.isNull(left, negated: negated), span: left.span.union(previous.span))
        } else if let (op, negated) = try comparisonOperator() {
            let right = try additive()
            let span = left.span.union(right.span)
            result = Expr(.binary(op, left, right), span: span)
            if negated { result = Expr(.unary(.not, result), span: span) }
        }
        if startsComparison {
            throw unexpected(
                "'and', 'or' or the end of the expression",
                help: "comparisons do not chain; combine them with 'and', e.g. a < b and b < c")
        }
        return result
    }

    /// Grammar: comparison_operator = "==" | "!=" | "<" | "<=" | ">" | ">=" | [ "not" ] ( "in" | "contains" | "startswith" | "endswith" | "matches" | "has" ) ;
    ///
    /// Returns the operator and whether it was negated (`not contains` is
    /// `not (a contains b)`; `not in` has its own operator).
    func comparisonOperator() throws(ParseFailure) -> (BinaryOperator, negated: Bool)? {
        if case .symbol(let symbol) = peek.kind, let op = BinaryOperator(rawValue: symbol.rawValue),
            Parser.binaryOperators(of: "comparison").contains(op)
        {
            advance()
            return (op, false)
        }
        let negated = match(.not)
        guard case .keyword(let word) = peek.kind, let op = BinaryOperator(rawValue: word.rawValue),
            Parser.binaryOperators(of: "comparison").contains(op)
        else {
            if negated {
                throw unexpected("'in', 'contains', 'startswith', 'endswith', 'matches' or 'has' after 'not'")
            }
            return nil
        }
        advance()
        if negated && op == .in { return (.notIn, false) }
        return (op, negated)
    }

    /// Whether the next token would start another comparison.
    var startsComparison: Bool {
        switch peek.kind {
        case .symbol(let s): [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual].contains(s)
        case .keyword(let k): [.in, .is, .contains, .startswith, .endswith, .matches, .has].contains(k)
        default: false
        }
    }

    /// Grammar: additive = multiplicative { ( "+" | "-" ) multiplicative } ;
    func additive() throws(ParseFailure) -> Expr {
        try leftAssociative("additive", operand: multiplicative)
    }

    /// Grammar: multiplicative = unary { ( "*" | "/" ) unary } ;
    func multiplicative() throws(ParseFailure) -> Expr {
        try leftAssociative("multiplicative", operand: unary)
    }

    /// Grammar: unary = "-" unary | primary ;
    func unary() throws(ParseFailure) -> Expr {
        guard check(.minus) else { return try primary() }
        let start = advance().span
        return try nested { () throws(ParseFailure) in
            let operand = try unary()
            return Expr(.unary(.negate, operand), span: start.union(operand.span))
        }
    }

    /// One left-associative level: `operand { op operand }` with the
    /// operators the precedence table gives `rule`. Each operator deepens
    /// the tree, so long chains count towards the nesting limit.
    /// `a or b or c …` (and `and`): the operators are associative, also in
    /// three-valued logic and left-to-right evaluation, so a chain becomes a
    /// balanced tree. A flat chain of 100,000 conditions is then 17 levels
    /// deep, not 100,000: no nesting limit to hit and no recursion to
    /// overflow. Two and three operands group from the left as before. A
    /// parenthesised chain of the same operator joins the chain
    /// (`a or (b or c)` is `a or b or c`), so the tree depends only on the
    /// operands, and the formatter can print any such chain flat.
    func associativeChain(_ rule: String, operand: () throws(ParseFailure) -> Expr) throws(ParseFailure) -> Expr {
        let operators = Parser.binaryOperators(of: rule)
        var operands = [try operand()]
        var chained: BinaryOperator?
        while let op = matchBinary(operators) {
            chained = op
            operands.append(try operand())
        }
        guard let chained else { return operands[0] }
        var flat: [Expr] = []
        for e in operands { Self.appendOperands(of: e, joinedBy: chained, to: &flat) }
        return Self.balanced(chained, flat[...])
    }

    /// The operands of a (balanced, so shallow) chain of `op`, in order.
    static func appendOperands(of e: Expr, joinedBy op: BinaryOperator, to operands: inout [Expr]) {
        guard case .binary(op, let left, let right) = e.kind else {
            operands.append(e)
            return
        }
        appendOperands(of: left, joinedBy: op, to: &operands)
        appendOperands(of: right, joinedBy: op, to: &operands)
    }

    /// `operands` joined by `op`: the first power-of-two share on the left.
    static func balanced(_ op: BinaryOperator, _ operands: ArraySlice<Expr>) -> Expr {
        if operands.count == 1 { return operands[operands.startIndex] }
        var leftCount = 1
        while leftCount * 2 < operands.count { leftCount *= 2 }
        let split = operands.startIndex + leftCount
        let left = balanced(op, operands[..<split])
        let right = balanced(op, operands[split...])
        return Expr(.binary(op, left, right), span: left.span.union(right.span))
    }

    func leftAssociative(
        _ rule: String, operand: () throws(ParseFailure) -> Expr
    ) throws(ParseFailure) -> Expr {
        let operators = Parser.binaryOperators(of: rule)
        let savedDepth = depth
        defer { depth = savedDepth }
        var left = try operand()
        while let op = matchBinary(operators) {
            try deepen(inChain: true)
            let right = try operand()
            left = Expr(.binary(op, left, right), span: left.span.union(right.span))
        }
        return left
    }

    /// Consumes the next token if it is one of `operators`.
    func matchBinary(_ operators: [BinaryOperator]) -> BinaryOperator? {
        let written: String
        switch peek.kind {
        case .symbol(let s): written = s.rawValue
        case .keyword(let k): written = k.rawValue
        default: return nil
        }
        guard let op = operators.first(where: { $0.rawValue == written }) else { return nil }
        advance()
        return op
    }
}
