// The operands of expressions: literals, names, parameters, calls, lists.

extension ScriptParser {
    /// Grammar: primary = literal | PARAMETER | list | call | name | group ;
    func primary() throws(ParseFailure) -> Expr {
        if let value = literal() { return value }
        if case .parameter(let text) = peek.kind {
            let span = advance().span
            return Expr(.parameter(Identifier(text, span: span)), span: span)
        }
        if check(.leftBracket) { return try list() }
        if check(.leftParen) { return try group() }
        guard let identifier = nameIfPresent() else { throw unexpected("an expression") }
        if check(.leftParen) { return try call(identifier) }
        return Expr(.field(identifier), span: identifier.span)
    }

    /// Grammar: literal = "null" | "true" | "false" | INTEGER | DECIMAL | STRING | DATE ;
    func literal() -> Expr? {
        let value: Literal
        switch peek.kind {
        case .keyword(.null): value = .null
        case .keyword(.true): value = .bool(true)
        case .keyword(.false): value = .bool(false)
        case .integer(let n): value = .int(n)
        case .decimal(let d): value = .decimal(d)
        case .string(let s): value = .string(s)
        case .date(let d): value = .date(d)
        default: return nil
        }
        return Expr(.literal(value), span: advance().span)
    }

    /// Grammar: list = "[" [ expression { "," expression } [ "," ] ] "]" ;
    func list() throws(ParseFailure) -> Expr {
        let opening = advance()
        return try nested { () throws(ParseFailure) in
            var elements: [Expr] = []
            while !check(.rightBracket) {
                elements.append(try expression())
                if !match(.comma) { break }
            }
            let close = try closing(.rightBracket, of: opening, expected: "',' or ']' in the list")
            return Expr(.list(elements), span: opening.span.union(close.span))
        }
    }

    /// Grammar: call = name "(" [ expression { "," expression } ] ")" ;
    func call(_ function: Identifier) throws(ParseFailure) -> Expr {
        let opening = advance()
        return try nested { () throws(ParseFailure) in
            var arguments: [Expr] = []
            if !check(.rightParen) {
                repeat { arguments.append(try expression()) } while match(.comma)
            }
            let close = try closing(
                .rightParen, of: opening, expected: "',' or ')' after the argument")
            return Expr(.call(function, arguments), span: function.span.union(close.span))
        }
    }

    /// Grammar: group = "(" expression ")" ;
    func group() throws(ParseFailure) -> Expr {
        let opening = advance()
        return try nested { () throws(ParseFailure) in
            var inner = try expression()
            let close = try closing(.rightParen, of: opening, expected: "')'")
            inner.span = opening.span.union(close.span)
            return inner
        }
    }
}
