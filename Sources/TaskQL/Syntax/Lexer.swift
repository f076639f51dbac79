// The lexer: a pure function from source text to tokens. It never throws;
// text it cannot read becomes an `.invalid` token carrying its diagnostic, so
// the parser can report one error per statement and carry on.

/// Turns TQL source text into tokens with UTF-8 byte spans.
package enum Lexer {
    /// Every keyword, reserved or contextual (`Grammar/taskql.ebnf` quotes
    /// exactly these words).
    package static let keywords: Set<String> = Set(Keyword.allCases.map(\.rawValue))

    /// Words that never name a field, dataset or function.
    package static let reservedWords: Set<String> = Set(
        Keyword.allCases.filter(\.isReserved).map(\.rawValue))

    /// Keywords that are names wherever the grammar does not expect them.
    package static let contextualKeywords: Set<String> = keywords.subtracting(reservedWords)

    /// Tokens as the parser sees them: comments dropped, and a `.newline`
    /// token only where a line break ends a statement (see ``LineLayout``).
    /// Always ends with `.endOfInput`.
    package static func tokenize(_ text: String) -> [Token] {
        LineLayout.apply(scan(text))
    }

    /// Every token as written, including each line break and comment.
    /// Always ends with `.endOfInput`.
    package static func scan(_ text: String) -> [Token] {
        var scanner = LexerScanner(text: text)
        return scanner.run()
    }
}
