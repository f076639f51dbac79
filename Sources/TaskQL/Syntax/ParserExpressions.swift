extension ParserState {
    /// Grammar: expression = or_expression ;
    mutating func expression() throws -> Expr { try binary(level: 0) }

    /// Grammar: or_expression = and_expression { "or" and_expression } ;
    /// Grammar: and_expression = not_expression { "and" not_expression } ;
    /// Grammar: additive = multiplicative { ( "+" | "-" ) multiplicative } ;
    /// Grammar: multiplicative = unary { ( "*" | "/" ) unary } ;
    ///
    /// One loop for every left-associative level of ``Parser/precedenceTable``.
    mutating func binary(level: Int) throws -> Expr {
        let table = Parser.precedenceTable
        if level == 2 { return try notExpression() }
        if level >= table.count { return try unary() }
        var lhs = try binary(level: level + 1)
        while let op = table[level].first(where: { matchOperator($0) }) {
            let rhs = try binary(level: level + 1)
            lhs = Expr(.binary(op, lhs, rhs), span: lhs.span.union(rhs.span))
        }
        return lhs
    }

    /// Grammar: not_expression = "not" not_expression | comparison ;
    mutating func notExpression() throws -> Expr {
        if check(.not), !(tokens[index + 1].is(.in)) {
            let start = advance().span
            let operand = try nested { try $0.notExpression() }
            return Expr(.unary(.not, operand), span: start.union(operand.span))
        }
        return try comparison()
    }

    /// Grammar: comparison = additive [ comparison_operator additive | "is" [ "not" ] "null" ] ;
    /// Grammar: comparison_operator = "==" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "not" "in" | "contains" | "startswith" | "endswith" | "matches" | "has" ;
    mutating func comparison() throws -> Expr {
        let lhs = try binary(level: 3)
        if match(.is) {
            let negated = match(.not)
            try consume(.null, "'null' after 'is\(negated ? " not" : "")'")
            return Expr(.isNull(lhs, negated: negated), span: lhs.span.union(previous().span))
        }
        guard let op = Parser.precedenceTable[2].first(where: { matchOperator($0) }) else { return lhs }
        let rhs = try binary(level: 3)
        return Expr(.binary(op, lhs, rhs), span: lhs.span.union(rhs.span))
    }

    /// Consumes the tokens of `op` when they come next.
    mutating func matchOperator(_ op: BinaryOperator) -> Bool {
        switch op {
        case .or: return match(.or)
        case .and: return match(.and)
        case .in: return match(.in)
        case .notIn:
            guard check(.not), tokens[index + 1].is(.in) else { return false }
            index += 2
            return true
        case .contains: return match(.contains)
        case .startsWith: return match(.startswith)
        case .endsWith: return match(.endswith)
        case .matches: return match(.matches)
        case .has: return match(.has)
        case .equal: return match(.equal)
        case .notEqual: return match(.notEqual)
        case .less: return match(.less)
        case .lessOrEqual: return match(.lessOrEqual)
        case .greater: return match(.greater)
        case .greaterOrEqual: return match(.greaterOrEqual)
        case .add: return match(.plus)
        case .subtract: return match(.minus)
        case .multiply: return match(.star)
        case .divide: return match(.slash)
        }
    }

    /// Grammar: unary = "-" unary | primary ;
    mutating func unary() throws -> Expr {
        if check(.minus) {
            let start = advance().span
            let operand = try nested { try $0.unary() }
            return Expr(.unary(.negate, operand), span: start.union(operand.span))
        }
        return try primary()
    }

    /// Grammar: primary = literal | PARAMETER | call | name | "(" expression ")" | list ;
    mutating func primary() throws -> Expr {
        let token = peek()
        switch token.kind {
        case .integer(let i): advance(); return Expr(.literal(.int(i)), span: token.span)
        case .decimal(let d): advance(); return Expr(.literal(.decimal(d)), span: token.span)
        case .string(let s): advance(); return Expr(.literal(.string(s)), span: token.span)
        case .date(let d): advance(); return Expr(.literal(.date(d)), span: token.span)
        case .parameter(let p): advance(); return Expr(.parameter(Identifier(p, span: token.span)), span: token.span)
        case .keyword(.true): advance(); return Expr(.literal(.bool(true)), span: token.span)
        case .keyword(.false): advance(); return Expr(.literal(.bool(false)), span: token.span)
        case .keyword(.null): advance(); return Expr(.literal(.null), span: token.span)
        case .symbol(.leftParen):
            advance()
            let inner = try nested { try $0.expression() }
            try close(.rightParen, opened: token)
            return Expr(inner.kind, span: token.span.union(previous().span))
        case .symbol(.leftBracket): return try list()
        default:
            let n = try name("an expression")
            if check(.leftParen) { return try call(n) }
            return Expr(.field(n), span: n.span)
        }
    }

    /// Grammar: call = name "(" [ expression { "," expression } ] ")" ;
    mutating func call(_ function: Identifier) throws -> Expr {
        let open = advance()
        var arguments: [Expr] = []
        if !check(.rightParen) {
            repeat { arguments.append(try nested { try $0.expression() }) } while match(.comma)
        }
        try close(.rightParen, opened: open)
        return Expr(.call(function, arguments), span: function.span.union(previous().span))
    }

    /// Grammar: list = "[" [ expression { "," expression } ] "]" ;
    mutating func list() throws -> Expr {
        let open = advance()
        var items: [Expr] = []
        if !check(.rightBracket) {
            repeat { items.append(try nested { try $0.expression() }) } while match(.comma)
        }
        try close(.rightBracket, opened: open)
        return Expr(.list(items), span: open.span.union(previous().span))
    }

    /// Consumes a closing bracket; when it is missing, the error points at
    /// the bracket that was opened.
    mutating func close(_ closing: Symbol, opened: Token) throws {
        if match(closing) { return }
        let open = opened.kind == .symbol(.leftParen) ? "(" : "["
        if isAtEnd || peek().kind == .newline {
            throw fail(
                SyntaxDiagnosticCode.unclosedBracket, "unclosed '\(open)'", span: opened.span,
                notes: [Diagnostic.Note("expected '\(closing.rawValue)' before the end of the statement", span: peek().span)])
        }
        if let lexical = peek().lexerDiagnostic {
            diagnostics.append(lexical)
            throw ParseAbort()
        }
        throw fail(
            SyntaxDiagnosticCode.unexpectedToken, "expected '\(closing.rawValue)' or ',', found \(Self.describe(peek()))",
            span: peek().span, notes: [Diagnostic.Note("to close this '\(open)'", span: opened.span)])
    }

    /// Runs `body` one level deeper, refusing input nested past the limit.
    mutating func nested<T>(_ body: (inout ParserState) throws -> T) throws -> T {
        depth += 1
        defer { depth -= 1 }
        if depth > Parser.maximumNestingDepth {
            throw fail(
                SyntaxDiagnosticCode.nestedTooDeeply,
                "expression nested too deeply (more than \(Parser.maximumNestingDepth) levels)", span: peek().span)
        }
        return try body(&self)
    }
}
