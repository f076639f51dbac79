// Building parse errors, panic-mode recovery, and the nesting limit.

extension ScriptParser {
    /// `expected <what>, found <next token>` at the next token.
    func unexpected(_ expected: String, help: String? = nil) -> ParseFailure {
        ParseFailure(
            diagnostic: Diagnostic(
                code: DiagnosticCode.unexpectedToken,
                message: "expected \(expected), found \(describe(peek))", span: peek.span,
                help: help))
    }

    /// How a token is named in messages: `'where'`, `end of line`.
    func describe(_ token: Token) -> String {
        switch token.kind {
        case .endOfInput: return "end of input"
        case .newline: return "end of line"
        default:
            let start = min(token.span.start, bytes.count)
            let end = min(token.span.end, bytes.count)
            var text = String(decoding: bytes[start..<end], as: UTF8.self)
            if text.count > 30 { text = String(text.prefix(30)) + "…" }
            return "'\(text)'"
        }
    }

    /// Consumes the bracket closing `opening`, or reports an unclosed bracket
    /// at the opening one (when input ends first) or the token found instead.
    @discardableResult
    func closing(
        _ symbol: Symbol, of opening: Token, expected: String
    ) throws(ParseFailure) -> Token {
        if match(symbol) { return previous }
        let open = opening.is(.leftParen) ? "(" : "["
        let found = describe(peek)
        if isAtEnd || check(.semicolon) || lineBreakBeforePeek {
            throw ParseFailure(
                diagnostic: Diagnostic(
                    code: DiagnosticCode.unclosedBracket,
                    message: "unclosed '\(open)'", span: opening.span,
                    notes: [.init("expected '\(symbol.rawValue)' before \(found)", span: peek.span)]))
        }
        var failure = unexpected(expected)
        failure.diagnostic.notes.append(.init("to match this '\(open)'", span: opening.span))
        throw failure
    }

    /// Runs `body` one nesting level deeper, failing past the limit.
    func nested<T>(_ body: () throws(ParseFailure) -> T) throws(ParseFailure) -> T {
        try deepen()
        defer { depth -= 1 }
        return try body()
    }

    /// Goes one nesting level deeper; the caller restores `depth`. Each
    /// operator of an arithmetic chain (`1 + 2 + …`) is a level too: the
    /// tree is that deep, though the text does not look nested.
    func deepen(inChain: Bool = false) throws(ParseFailure) {
        depth += 1
        guard depth > Parser.maximumNestingDepth else { return }
        throw ParseFailure(
            diagnostic: Diagnostic(
                code: DiagnosticCode.nestedTooDeeply,
                message: inChain ? "too many arithmetic operators in one expression" : "expression nested too deeply",
                span: previous.span,
                help: inChain
                    ? "TQL allows at most \(Parser.maximumNestingDepth) nesting levels, and each of + - * / in a row is one; split the expression"
                    : "TQL allows at most \(Parser.maximumNestingDepth) levels of nesting"))
    }

    /// Records the error of the statement that started at token `start` and
    /// skips to its end. A lexer error at or before the point of failure is
    /// reported instead of the parse error it caused: one error per statement.
    func recover(from failure: ParseFailure, statementStart start: Int) {
        depth = 0
        let lexerError = tokens[start...current].lazy.compactMap(\.lexerDiagnostic).first
        diagnostics.append(lexerError ?? failure.diagnostic)
        while !isAtEnd, peek.kind != .newline, !check(.semicolon) { advance() }
    }

    /// Whether a line break separates the previous token from the next (one
    /// the line layout dropped because a bracket was open).
    var lineBreakBeforePeek: Bool {
        let from = min(previous.span.end, bytes.count)
        let to = min(max(from, peek.span.start), bytes.count)
        return bytes[from..<to].contains(0x0A)
    }
}
