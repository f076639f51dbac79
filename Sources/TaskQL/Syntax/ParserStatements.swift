extension ParserState {
    /// Grammar: script = { separator } [ statement { separator { separator } statement } ] { separator } ;
    mutating func script() -> Script {
        var statements: [Statement] = []
        while !isAtEnd {
            if peek().kind == .newline || check(.semicolon) {
                advance()
                continue
            }
            do {
                statements.append(try statement())
                if !isAtEnd, peek().kind != .newline, !check(.semicolon) {
                    throw fail(expected: "'|', ';' or the end of the line")
                }
            } catch {
                synchronize()
            }
        }
        return Script(statements: statements)
    }

    /// Grammar: statement = let_statement | load_statement | pipeline ;
    mutating func statement() throws -> Statement {
        if check(.let) { return try letStatement() }
        if check(.load) { return try loadStatement() }
        return .query(try pipeline())
    }

    /// Grammar: let_statement = "let" name "=" pipeline ;
    mutating func letStatement() throws -> Statement {
        let start = advance().span
        let name = try self.name("a name after 'let'")
        try consume(.assign, "'=' after 'let \(name.name)'")
        let body = try pipeline()
        return .let(name: name, pipeline: body, span: start.union(body.span))
    }

    /// Grammar: load_statement = "load" STRING [ "as" name ] ;
    mutating func loadStatement() throws -> Statement {
        let start = advance().span
        guard case .string(let path) = peek().kind else { throw fail(expected: "a file path in quotes after 'load'") }
        let pathSpan = advance().span
        var alias: Identifier?
        if match(.as) { alias = try name("a dataset name after 'as'") }
        return .load(path: path, pathSpan: pathSpan, name: alias, span: start.union(alias?.span ?? pathSpan))
    }

    /// Grammar: pipeline = name { "|" stage } ;
    mutating func pipeline() throws -> Pipeline {
        let source = try name("a dataset name such as 'tasks'")
        var stages: [Stage] = []
        while match(.pipe) { stages.append(try stage()) }
        return Pipeline(source: source, stages: stages, span: source.span.union(stages.last?.span ?? source.span))
    }

    /// Grammar: name = IDENTIFIER | contextual_keyword ;
    mutating func name(_ what: String) throws -> Identifier {
        let token = peek()
        switch token.kind {
        case .identifier(let s):
            advance()
            return Identifier(s, span: token.span)
        case .keyword(let k) where !k.isReserved:
            advance()
            return Identifier(k.rawValue, span: token.span)
        default:
            throw fail(expected: what)
        }
    }
}
