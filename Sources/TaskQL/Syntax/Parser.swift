// The parser's package face. Parsing itself is done by `ScriptParser`, a
// recursive-descent parser with one method per rule of
// `Grammar/taskql.ebnf`, spread over the Parser*.swift files.

/// Parses TQL source into a ``Script``, and answers the REPL's questions
/// about unfinished input.
package enum Parser {
    /// How deeply parentheses, lists, calls, prefix operators and operator
    /// chains may nest. Deeper input is an error (`E0203`), never a stack
    /// overflow in the parser or in whoever walks the tree.
    package static let maximumNestingDepth = 200

    /// How long one statement may be, in UTF-8 bytes (1 MiB). A longer one
    /// is an error (`E0205`) before it is parsed: a generated 10 MB chain of
    /// `or`s or a 700,000-element list would otherwise take gigabytes and
    /// minutes. Long lists of values belong in a parameter or a dataset.
    package static let maximumStatementBytes = 1 << 20

    /// Parses a whole script. Reports every statement that has an error
    /// (one error per statement, in source order).
    ///
    /// ```swift
    /// let script = try Parser.parse(SourceText(name: "<repl>", text: "tasks | count"))
    /// ```
    package static func parse(_ source: SourceText) throws(DiagnosticError) -> Script {
        let (script, diagnostics) = parseRecovering(source)
        if !diagnostics.isEmpty { throw DiagnosticError(diagnostics, source: source) }
        return script
    }

    /// Parses a script, keeping the statements that parsed and returning the
    /// errors of the others instead of throwing.
    package static func parseRecovering(_ source: SourceText) -> (Script, [Diagnostic]) {
        if let long = overlongStatement(in: source.text) { return (Script(statements: []), [long]) }
        let parser = ScriptParser(source: source.text)
        let script = parser.script()
        return (script, parser.diagnostics)
    }
}

extension Parser {
    /// The error for a stretch of text between line breaks and `;` that is
    /// longer than ``maximumStatementBytes``, found by one pass over the
    /// bytes before anything is tokenised: such a stretch lies inside one
    /// statement (or a comment), and tokenising 10 MB first would cost
    /// most of a gigabyte.
    static func overlongStatement(in text: String) -> Diagnostic? {
        var start = 0
        var offset = 0
        for byte in text.utf8 {
            if byte == 0x0A || byte == 0x3B { start = offset + 1 }
            offset += 1
            if offset - start > maximumStatementBytes { break }
        }
        guard offset - start > maximumStatementBytes else { return nil }
        return ScriptParser.statementTooLong(at: SourceSpan(start: start, end: start), length: nil)
    }
}

/// Thrown inside the parser to abandon a statement; caught per statement.
struct ParseFailure: Error {
    var diagnostic: Diagnostic
}

/// The recursive-descent parser over the tokens of one source text.
final class ScriptParser {
    let tokens: [Token]
    let bytes: [UInt8]
    /// Index of the next token.
    var current = 0
    /// Current nesting depth, limited by ``Parser/maximumNestingDepth``.
    var depth = 0
    /// One per failed statement, in source order.
    var diagnostics: [Diagnostic] = []

    init(source: String) {
        tokens = Lexer.tokenize(source)
        bytes = Array(source.utf8)
    }

    // MARK: - Cursor helpers

    /// The next token, not yet consumed.
    var peek: Token { tokens[current] }

    /// The token most recently consumed.
    var previous: Token { tokens[max(0, current - 1)] }

    var isAtEnd: Bool { peek.kind == .endOfInput }

    /// Consumes the next token (never the end of input) and returns it.
    @discardableResult
    func advance() -> Token {
        if !isAtEnd { current += 1 }
        return previous
    }

    func check(_ symbol: Symbol) -> Bool { peek.is(symbol) }

    func check(_ keyword: Keyword) -> Bool { peek.is(keyword) }

    /// Consumes the next token if it is `symbol`.
    func match(_ symbol: Symbol) -> Bool {
        guard check(symbol) else { return false }
        advance()
        return true
    }

    /// Consumes the next token if it is `keyword`.
    func match(_ keyword: Keyword) -> Bool {
        guard check(keyword) else { return false }
        advance()
        return true
    }

    /// Consumes `symbol` or fails with `expected <expected>, found …`.
    @discardableResult
    func consume(_ symbol: Symbol, expected: String) throws(ParseFailure) -> Token {
        guard match(symbol) else { throw unexpected(expected) }
        return previous
    }

    /// Consumes `keyword` or fails with `expected <expected>, found …`.
    @discardableResult
    func consume(_ keyword: Keyword, expected: String) throws(ParseFailure) -> Token {
        guard match(keyword) else { throw unexpected(expected) }
        return previous
    }
}
