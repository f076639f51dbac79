/// TQL's parser: recursive descent, one method per grammar rule (each quotes
/// its rule from `Grammar/taskql.ebnf`), precedence from a table. Errors use
/// panic-mode recovery: one diagnostic per statement, then parsing resumes at
/// the next statement so a script reports each bad statement once.
public enum Parser {
    /// Deepest nesting of brackets and prefix operators accepted; deeper
    /// input is an error, never a stack overflow.
    public static let maximumNestingDepth = 200

    /// Binary operator precedence, loosest first. Operators on one level
    /// associate to the left; comparisons do not chain.
    public static let precedenceTable: [[BinaryOperator]] = [
        [.or],
        [.and],
        // `not` (prefix) binds here, between `and` and the comparisons.
        [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .in, .notIn,
         .contains, .startsWith, .endsWith, .matches, .has],
        [.add, .subtract],
        [.multiply, .divide],
    ]

    /// Parses a whole script or REPL input. Throws every statement's first
    /// error together.
    public static func parse(_ source: SourceText) throws(DiagnosticError) -> Script {
        var state = ParserState(tokens: Lexer.tokenize(source.text))
        let script = state.script()
        if !state.diagnostics.isEmpty { throw DiagnosticError(state.diagnostics, source: source) }
        return script
    }
}

/// Raised inside the parser to unwind to the statement being parsed.
struct ParseAbort: Error {}

/// The cursor over the tokens and the diagnostics found so far.
struct ParserState {
    let tokens: [Token]
    var index = 0
    var depth = 0
    var diagnostics: [Diagnostic] = []

    init(tokens: [Token]) { self.tokens = tokens }

    // MARK: cursor helpers

    func peek() -> Token { tokens[index] }
    func previous() -> Token { tokens[max(0, index - 1)] }
    var isAtEnd: Bool { peek().kind == .endOfInput }

    @discardableResult mutating func advance() -> Token {
        let t = tokens[index]
        if !isAtEnd { index += 1 }
        return t
    }

    func check(_ s: Symbol) -> Bool { peek().is(s) }
    func check(_ k: Keyword) -> Bool { peek().is(k) }

    mutating func match(_ s: Symbol) -> Bool {
        guard check(s) else { return false }
        advance()
        return true
    }

    mutating func match(_ k: Keyword) -> Bool {
        guard check(k) else { return false }
        advance()
        return true
    }

    @discardableResult mutating func consume(_ s: Symbol, _ what: String) throws -> Token {
        if check(s) { return advance() }
        throw fail(expected: what)
    }

    @discardableResult mutating func consume(_ k: Keyword, _ what: String) throws -> Token {
        if check(k) { return advance() }
        throw fail(expected: what)
    }

    // MARK: errors

    /// Records `expected …, found …` at the current token (or the lexer's
    /// own error when the token is one it could not read).
    mutating func fail(expected: String) -> ParseAbort {
        let token = peek()
        if let lexical = token.lexerDiagnostic {
            diagnostics.append(lexical)
        } else {
            diagnostics.append(Diagnostic(
                code: SyntaxDiagnosticCode.unexpectedToken, message: "expected \(expected), found \(Self.describe(token))",
                span: token.span))
        }
        return ParseAbort()
    }

    mutating func fail(_ code: String, _ message: String, span: SourceSpan, notes: [Diagnostic.Note] = [], help: String? = nil) -> ParseAbort {
        diagnostics.append(Diagnostic(code: code, message: message, span: span, notes: notes, help: help))
        return ParseAbort()
    }

    /// Skips to the start of the next statement.
    mutating func synchronize() {
        while !isAtEnd {
            if case .newline = peek().kind { advance(); return }
            if check(.semicolon) { advance(); return }
            advance()
        }
    }

    static func describe(_ token: Token) -> String {
        switch token.kind {
        case .identifier(let s): "'\(s)'"
        case .keyword(let k): "'\(k.rawValue)'"
        case .integer(let i): "number \(i)"
        case .decimal(let d): "number \(d)"
        case .string(let s): "string \"\(s)\""
        case .date(let d): "date \(d)"
        case .parameter(let p): "parameter $\(p)"
        case .symbol(let s): "'\(s.rawValue)'"
        case .newline: "end of line"
        case .comment: "comment"
        case .invalid(let d): d.message
        case .endOfInput: "end of input"
        }
    }
}
