// Script, statements and pipelines.

extension ScriptParser {
    /// Grammar: script = { separator } [ statement { separator [ statement ] } ] ;
    func script() -> Script {
        var statements: [Statement] = []
        while separator() {}
        while !isAtEnd {
            let start = current
            do throws(ParseFailure) {
                try checkStatementLength()
                let parsed = try statement()
                if !isAtEnd, !separator() {
                    if case .load = parsed { throw unexpected("';' or a line break after the load statement") }
                    throw unexpected("an operator, '|', ';' or a line break")
                }
                statements.append(parsed)
            } catch {
                recover(from: error, statementStart: start)
            }
            while separator() {}
        }
        return Script(statements: statements)
    }

    /// Fails when the statement starting at the next token is longer than
    /// ``Parser/maximumStatementBytes`` (it ends at the next separator).
    func checkStatementLength() throws(ParseFailure) {
        var end = current
        while tokens[end].kind != .endOfInput, tokens[end].kind != .newline, !tokens[end].is(.semicolon) { end += 1 }
        let length = tokens[max(current, end - 1)].span.end - peek.span.start
        guard length > Parser.maximumStatementBytes else { return }
        throw ParseFailure(diagnostic: Self.statementTooLong(at: peek.span, length: length))
    }

    /// E0205, with the length when it is known.
    static func statementTooLong(at span: SourceSpan, length: Int?) -> Diagnostic {
        let size = length.map { " (\((Double($0) / 1_048_576 * 10).rounded() / 10) MB)" } ?? ""
        return Diagnostic(
            code: DiagnosticCode.statementTooLong,
            message: "statement longer than the limit of 1 MB\(size)", span: span,
            help: "pass long lists of values as a parameter, or load them as a dataset")
    }

    /// Grammar: separator = NEWLINE | ";" ;
    func separator() -> Bool {
        guard peek.kind == .newline || check(.semicolon) else { return false }
        advance()
        return true
    }

    /// Grammar: statement = let_statement | load_statement | explain_statement | pipeline ;
    func statement() throws(ParseFailure) -> Statement {
        if check(.let) { return try letStatement() }
        if check(.load) { return try loadStatement() }
        // `explain` followed by a name explains; alone it is a name.
        if check(.explain), current + 1 < tokens.count, Self.canBeName(tokens[current + 1]) {
            return try explainStatement()
        }
        return .query(try pipeline())
    }

    /// Grammar: explain_statement = "explain" pipeline ;
    func explainStatement() throws(ParseFailure) -> Statement {
        let start = advance().span
        let body = try pipeline()
        return .explain(body, span: start.union(body.span))
    }

    /// Grammar: let_statement = "let" name "=" pipeline ;
    func letStatement() throws(ParseFailure) -> Statement {
        let start = advance().span
        let name = try self.name(expected: "a name for the query after 'let'")
        try consume(.assign, expected: "'=' after 'let \(name.name)'")
        let body = try pipeline()
        return .let(name: name, pipeline: body, span: start.union(body.span))
    }

    /// Grammar: load_statement = "load" STRING [ "as" name ] ;
    func loadStatement() throws(ParseFailure) -> Statement {
        let start = advance().span
        guard case .string(let path) = peek.kind else {
            throw unexpected("a quoted file path after 'load'")
        }
        let pathSpan = advance().span
        var alias: Identifier?
        if match(.as) {
            if case .keyword(let word) = peek.kind, word.isReserved {
                throw unexpected(
                    "a dataset name after 'as'", help: "'\(word.rawValue)' is a reserved word; choose another name")
            }
            alias = try name(expected: "a dataset name after 'as'")
        }
        if check(.pipe) { throw loadStartsNoPipeline(path: path, name: alias?.name) }
        return .load(path: path, pathSpan: pathSpan, name: alias, span: start.union(previous.span))
    }

    /// `load "f" | count`: `load` brings a dataset in and gives no rows, so
    /// nothing can follow it with `|`; say so at the `|`, with the two
    /// statements that do what was meant.
    private func loadStartsNoPipeline(path: String, name: String?) -> ParseFailure {
        let dataset = name ?? DatasetName.fromFile(path)
        let quoted = path.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
        return ParseFailure(
            diagnostic: Diagnostic(
                code: DiagnosticCode.unexpectedToken,
                message: "'load' cannot start a pipeline: it loads a dataset and gives no rows", span: peek.span,
                help: "load first, then query the dataset: load \"\(quoted)\" as \(dataset); \(dataset) | …"))
    }

    /// Grammar: pipeline = source { "|" stage } ;
    func pipeline() throws(ParseFailure) -> Pipeline {
        let from = try source()
        var stages: [Stage] = []
        while match(.pipe) { stages.append(try stage()) }
        return Pipeline(source: from, stages: stages, span: from.span.union(previous.span))
    }

    /// Grammar: source = diff_source | name ;
    func source() throws(ParseFailure) -> PipelineSource {
        // `diff` followed by a name compares datasets; alone it is a name.
        if check(.diff), current + 1 < tokens.count, Self.canBeName(tokens[current + 1]) { return try diffSource() }
        return .name(try name(expected: "a dataset name such as 'tasks', 'let' or 'load'"))
    }

    /// Grammar: diff_source = "diff" name name ;
    func diffSource() throws(ParseFailure) -> PipelineSource {
        let start = advance().span
        let old = try name(expected: "the dataset to compare from, as in diff haimen_2020 haimen_2021")
        let new = try name(expected: "the dataset to compare with, as in diff haimen_2020 haimen_2021")
        return .diff(old: old, new: new, span: start.union(new.span))
    }

    /// Whether `token` can be read as a name.
    static func canBeName(_ token: Token) -> Bool {
        switch token.kind {
        case .identifier: true
        case .keyword(let keyword): !keyword.isReserved
        default: false
        }
    }

    /// Grammar: name = IDENTIFIER | "where" | "select" | "extend" | "sort" | "asc" | "desc" | "take" | "skip" | "top" | "count" | "summarize" | "distinct" | "explode" | "search" | "pivot" | "matrix" | "trace" | "reverse" | "diff" | "explain" | "chart" ;
    func name(expected: String) throws(ParseFailure) -> Identifier {
        guard let identifier = nameIfPresent() else { throw unexpected(expected) }
        return identifier
    }

    /// Whether the next token can be a name.
    var peekIsName: Bool {
        switch peek.kind {
        case .identifier: true
        case .keyword(let keyword): !keyword.isReserved
        default: false
        }
    }

    /// The next token as a name, consumed, if it can be one.
    func nameIfPresent() -> Identifier? {
        switch peek.kind {
        case .identifier(let text):
            return Identifier(text, span: advance().span)
        case .keyword(let keyword) where !keyword.isReserved:
            return Identifier(keyword.rawValue, span: advance().span)
        default:
            return nil
        }
    }
}
