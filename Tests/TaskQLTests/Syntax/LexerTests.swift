import Testing

@testable import TaskQL

/// Tokens and their spans, and the lexer's errors.
struct LexerTests {
    func kinds(_ text: String) -> [TokenKind] {
        Lexer.tokenize(text).map(\.kind).dropLast()
    }

    func error(_ text: String) -> Diagnostic? {
        Lexer.scan(text).lazy.compactMap(\.lexerDiagnostic).first
    }

    @Test func wordsNumbersAndSymbols() {
        #expect(
            kinds("where 牵头单位 == 12 3.5 2020-06-30 $who x_1 <= != >= | ; , ( ) [ ] = + - * / < >") == [
                .keyword(.where), .identifier("牵头单位"), .symbol(.equal), .integer(12), .decimal(3.5),
                .date(CivilDate(year: 2020, month: 6, day: 30)!), .parameter("who"), .identifier("x_1"),
                .symbol(.lessOrEqual), .symbol(.notEqual), .symbol(.greaterOrEqual), .symbol(.pipe),
                .symbol(.semicolon), .symbol(.comma), .symbol(.leftParen), .symbol(.rightParen),
                .symbol(.leftBracket), .symbol(.rightBracket), .symbol(.assign), .symbol(.plus),
                .symbol(.minus), .symbol(.star), .symbol(.slash), .symbol(.less), .symbol(.greater),
            ])
    }

    /// Issue 9: a decimal beyond a double's range is an error, not `inf`.
    @Test func hugeDecimalIsAnErrorNotInfinity() throws {
        let literal = "1" + String(repeating: "0", count: 400) + ".5"
        guard case .invalid(let diagnostic) = try #require(Lexer.tokenize(literal).first).kind else {
            Issue.record("\(literal.prefix(20))… lexed as \(Lexer.tokenize(literal).first!.kind)")
            return
        }
        #expect(diagnostic.message == "decimal literal is too large")
        #expect(kinds("1" + String(repeating: "0", count: 300) + ".5") == [.decimal(1e300)])
    }

    @Test func onlyExactDateShapesAreDates() {
        #expect(kinds("2020-6-30") == [.integer(2020), .symbol(.minus), .integer(6), .symbol(.minus), .integer(30)])
        #expect(kinds("2020-06-301") == [.integer(2020), .symbol(.minus), .integer(6), .symbol(.minus), .integer(301)])
        #expect(kinds("2020 - 06") == [.integer(2020), .symbol(.minus), .integer(6)])
    }

    @Test func spansAreUTF8ByteOffsets() {
        let tokens = Lexer.tokenize("城市 == “海门”")
        #expect(
            tokens.map(\.span) == [
                SourceSpan(start: 0, end: 6), SourceSpan(start: 7, end: 9), SourceSpan(start: 10, end: 22),
                SourceSpan(start: 22, end: 22),
            ])
    }

    @Test func keywordsAreCaseSensitiveAndListed() {
        #expect(kinds("WHERE Count") == [.identifier("WHERE"), .identifier("Count")])
        #expect(Lexer.keywords.count == Keyword.allCases.count)
        #expect(Lexer.reservedWords.contains("has") && !Lexer.reservedWords.contains("count"))
        #expect(Lexer.contextualKeywords.contains("desc"))
    }

    @Test(arguments: [
        ("\"abc", "E0102", 0, 1), ("x == '海", "E0102", 5, 6), ("“海门\"", "E0102", 0, 3),
        ("\"a\\qb\"", "E0103", 2, 4), ("\"\\u{110000}\"", "E0103", 1, 11), ("\"\\u6D77\"", "E0103", 1, 3),
        ("2020-02-30", "E0104", 0, 10), ("2021-13-01", "E0104", 0, 10),
        ("99999999999999999999", "E0105", 0, 20), ("$ x", "E0106", 0, 1), ("$1", "E0106", 0, 1),
        ("a ! b", "E0101", 2, 3), ("a，b", "E0101", 1, 4), ("a & b", "E0101", 2, 3), ("\u{7}", "E0101", 0, 1),
    ])
    func errors(text: String, code: String, start: Int, end: Int) {
        let d = error(text)
        #expect(d?.code.rawValue == code)
        #expect(d?.span == SourceSpan(start: start, end: end))
    }

    @Test func fullWidthPunctuationNamesTheASCIIMeant() {
        #expect(error("a；b")?.help == "'；' is full-width; write ';'")
    }

    @Test func scanKeepsCommentsAndEveryLineBreak() {
        let kinds = Lexer.scan("a # c\n\n|b").map(\.kind)
        #expect(
            kinds == [.identifier("a"), .comment, .newline, .newline, .symbol(.pipe), .identifier("b"), .endOfInput])
    }
}
