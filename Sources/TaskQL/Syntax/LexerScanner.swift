// The scanning loop behind `Lexer.scan`. It walks Unicode scalars (so CJK
// identifiers and full-width quotes are single steps) while keeping each
// scalar's UTF-8 byte offset for spans.

/// Lexical rules for the words and symbols of TQL.
struct LexerScanner {
    let scalars: [Unicode.Scalar]
    /// `offsets[i]` is the UTF-8 offset of `scalars[i]`; one extra entry for the end.
    let offsets: [Int]
    var index = 0
    var tokens: [Token] = []

    init(text: String) {
        scalars = Array(text.unicodeScalars)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        self.offsets = offsets
    }

    mutating func run() -> [Token] {
        while index < scalars.count { scanToken() }
        tokens.append(Token(.endOfInput, span: span(from: index)))
        return tokens
    }

    // MARK: - Cursor

    var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    func scalar(at i: Int) -> Unicode.Scalar? { i < scalars.count ? scalars[i] : nil }

    func span(from start: Int) -> SourceSpan {
        SourceSpan(start: offsets[start], end: offsets[index])
    }

    func span(_ range: Range<Int>) -> SourceSpan {
        SourceSpan(start: offsets[range.lowerBound], end: offsets[range.upperBound])
    }

    func text(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    mutating func emit(_ kind: TokenKind, from start: Int) {
        tokens.append(Token(kind, span: span(from: start)))
    }

    // MARK: - Dispatch

    /// Lexical: token = IDENTIFIER | keyword | INTEGER | DECIMAL | DATE | STRING | PARAMETER | symbol | NEWLINE | COMMENT ;
    /// Lexical: COMMENT = "#" { ? any scalar but a line break ? } ;
    /// Lexical: line_break = ? U+000A, LINE FEED ? ;
    mutating func scanToken() {
        let start = index
        let c = scalars[index]
        switch c {
        case "\n":
            index += 1
            emit(.newline, from: start)
        case "#":
            while let next = current, next != "\n" { index += 1 }
            emit(.comment, from: start)
        case "\"", "'", "“", "‘":
            scanString()
        case "$":
            scanParameter()
        case "0"..."9":
            scanNumber()
        default:
            if c.properties.isWhitespace || c == "\u{FEFF}" {
                index += 1
            } else if LexerScanner.isIdentifierStart(c) {
                scanWord()
            } else {
                scanSymbol()
            }
        }
    }

    // MARK: - Words

    /// Lexical: identifier_start = "_" | ? ASCII letter ? | ? non-ASCII scalar with property XID_Start ? ;
    static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return c == "_" || ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
        return c.properties.isXIDStart
    }

    /// Lexical: identifier_continue = identifier_start | digit | ? non-ASCII scalar with property XID_Continue ? ;
    static func isIdentifierContinue(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return isIdentifierStart(c) || ("0"..."9").contains(c) }
        return c.properties.isXIDContinue
    }

    /// Lexical: IDENTIFIER = identifier_start { identifier_continue } ;
    mutating func scanWord() {
        let start = index
        while let c = current, LexerScanner.isIdentifierContinue(c) { index += 1 }
        let word = text(start..<index)
        if let keyword = Keyword(rawValue: word) {
            emit(.keyword(keyword), from: start)
        } else {
            emit(.identifier(word), from: start)
        }
    }

    /// Lexical: PARAMETER = "$" identifier_start { identifier_continue } ;
    mutating func scanParameter() {
        let start = index
        index += 1
        guard let c = current, LexerScanner.isIdentifierStart(c) else {
            let d = Diagnostic(
                code: DiagnosticCode.invalidParameter,
                message: "expected a parameter name after '$'", span: span(from: start),
                help: "parameters are written $name, e.g. $leader")
            emit(.invalid(d), from: start)
            return
        }
        while let c = current, LexerScanner.isIdentifierContinue(c) { index += 1 }
        emit(.parameter(text(start + 1..<index)), from: start)
    }
}
