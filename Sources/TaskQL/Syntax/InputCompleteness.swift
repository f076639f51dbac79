// Whether typed input is a finished statement, as sqlite3_complete() and
// Lua's `<eof>` check answer it for their shells: the REPL shows a
// continuation prompt while the answer is `.incomplete`.

/// Whether input can be run as it stands or needs more lines.
package enum InputCompleteness: Sendable, Equatable {
    /// Every statement is finished (it may still have errors, which running
    /// it reports).
    case complete
    /// The last statement goes on: an open string or bracket, or a trailing
    /// `|`, operator, `,` or `let x =`.
    case incomplete(reason: String)
}

extension Parser {
    /// Whether `text` ends inside an unfinished statement. Uses the same
    /// line-continuation rules as the parser, so what the REPL joins is what
    /// a script would join.
    package static func completeness(of text: String) -> InputCompleteness {
        // Too long to be a statement: complete, so the parser reports it.
        if overlongStatement(in: text) != nil { return .complete }
        let raw = Lexer.scan(text)
        // An unclosed string is complete: strings end with their line, so
        // waiting for more input cannot mend it; the parser reports it.
        if raw.contains(where: { $0.lexerDiagnostic?.code == DiagnosticCode.unclosedString }) {
            return .complete
        }
        if let open = unclosedBracket(in: raw) {
            return .incomplete(reason: "unclosed '\(open)'")
        }
        let tokens = LineLayout.apply(raw).filter { $0.kind != .endOfInput }
        guard let last = tokens.last, last.kind != .newline, !last.is(.semicolon) else {
            return .complete
        }
        let beforeLast = tokens.count >= 2 ? tokens[tokens.count - 2] : nil
        if LineLayout.continues(last: last, beforeLast: beforeLast) {
            return .incomplete(reason: "the statement continues after '\(written(last, in: text))'")
        }
        return .complete
    }

    /// The innermost bracket still open at the end of the tokens.
    static func unclosedBracket(in tokens: [Token]) -> String? {
        var open: [String] = []
        for token in tokens {
            switch token.kind {
            case .symbol(.leftParen): open.append("(")
            case .symbol(.leftBracket): open.append("[")
            case .symbol(.rightParen), .symbol(.rightBracket): _ = open.popLast()
            default: break
            }
        }
        return open.last
    }

    /// The source text of a token.
    static func written(_ token: Token, in text: String) -> String {
        let bytes = text.utf8
        let start = bytes.index(bytes.startIndex, offsetBy: min(token.span.start, bytes.count))
        let end = bytes.index(bytes.startIndex, offsetBy: min(token.span.end, bytes.count))
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
