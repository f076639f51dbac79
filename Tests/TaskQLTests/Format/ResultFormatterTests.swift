import Testing

@testable import TaskQL

/// Byte-exact machine formats (csv, json, jsonl) and the human ones
/// (markdown, line, chart).
@Suite struct ResultFormatterTests {
    static let due = CivilDate(year: 2020, month: 6, day: 30)!
    static let sample = QueryResult(
        columns: ["city", "text", "units", "due", "n", "share"],
        rows: [
            [
                .string("海门"), .string("say \"hi\", then\nleave"), .list([.string("发改委"), .string("财政局")]),
                .date(due), .int(3), .decimal(0.5),
            ],
            [.string("宜兴"), .null, .list([]), .null, .int(-1), .decimal(2)],
        ])

    static func render(_ format: OutputFormat, _ result: QueryResult = sample) -> String {
        ResultFormatter(format: format).render(result)
    }

    @Test func csvIsRFC4180WithNewlineEnds() {
        #expect(
            Self.render(.csv) == """
                city,text,units,due,n,share
                海门,"say ""hi"", then
                leave",发改委;财政局,2020-06-30,3,0.5
                宜兴,,,,-1,2

                """)
    }

    /// A quote followed by a combining mark is one Character but still a
    /// quote byte: doubled, or the field would end there.
    @Test func csvDoublesEveryQuoteByte() {
        let result = QueryResult(columns: ["text"], rows: [[.string("a\"\u{301}b,c")]])
        #expect(Self.render(.csv, result) == "text\n\"a\"\"\u{301}b,c\"\n")
    }

    @Test func csvOfNoRowsIsTheHeader() {
        #expect(Self.render(.csv, QueryResult(columns: ["city", "count"], rows: [])) == "city,count\n")
    }

    @Test func jsonIsAnArrayOfObjects() {
        #expect(
            Self.render(.json) == """
                [
                  {"city":"海门","text":"say \\"hi\\", then\\nleave","units":["发改委","财政局"],"due":"2020-06-30","n":3,"share":0.5},
                  {"city":"宜兴","text":null,"units":[],"due":null,"n":-1,"share":2}
                ]

                """)
        #expect(Self.render(.json, QueryResult(columns: ["a"], rows: [])) == "[]\n")
    }

    @Test func jsonlIsOneObjectPerLine() {
        let lines = Self.render(.jsonl).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines[2].isEmpty)
        #expect(lines[1] == #"{"city":"宜兴","text":null,"units":[],"due":null,"n":-1,"share":2}"#)
    }

    @Test func jsonEscapesControlCharacters() {
        #expect(JSONRenderer.string("a\u{1}b\\") == #""a\u0001b\\""#)
    }

    @Test func markdownPipeTable() {
        let result = QueryResult(
            columns: ["unit", "count"], rows: [[.string("发改委|铁办"), .int(12)], [.string("住建局"), .null]])
        #expect(
            Self.render(.markdown, result) == """
                | unit         | count |
                | ------------ | ----: |
                | 发改委\\|铁办 |    12 |
                | 住建局       |  null |

                """)
    }

    @Test func lineModeShowsOneFieldPerLine() {
        let result = QueryResult(
            columns: ["city", "lead_units"], rows: [[.string("海门"), .list([.string("发改委")])], [.string("宜兴"), .null]])
        #expect(
            Self.render(.line, result) == "      city = 海门\nlead_units = 发改委\n\n      city = 宜兴\nlead_units = null\n")
    }

    @Test func chartDrawsEighthBlocks() {
        let result = QueryResult(
            columns: ["city", "count"],
            rows: [[.string("海门"), .int(16)], [.string("Taicang"), .int(3)], [.string("宜兴"), .int(0)]])
        let text = ResultFormatter(format: .chart, options: .init(terminalWidth: 32)).render(result)
        // 32 columns - "Taicang  count " (15) leaves 17, but bars are at least 10 wide: 16 → 17 cells, 3 → 3 2/8 cells (25.5 eighths, rounded).
        #expect(
            text == """
                city     count
                海门        16 █████████████████
                Taicang      3 ███▎
                宜兴         0

                """)
    }

    /// The bars of status lights (`count by light(due)`) take the light's
    /// colour on a terminal, and only there; other bars stay plain.
    @Test func chartColoursTheBarsOfLights() {
        let result = QueryResult(
            columns: ["light", "count"],
            rows: [[.string("red"), .int(3)], [.string("green"), .int(6)], [.null, .int(2)]])
        let coloured = ResultFormatter(format: .chart, options: .init(terminalWidth: 40, color: true)).render(result)
        #expect(coloured.contains("\u{1B}[31m█"), "\(coloured)")
        #expect(coloured.contains("\u{1B}[32m█"), "\(coloured)")
        #expect(!coloured.contains("\u{1B}[33m"))
        let plain = ResultFormatter(format: .chart, options: .init(terminalWidth: 40)).render(result)
        #expect(!plain.contains("\u{1B}"))
        let cities = QueryResult(columns: ["city", "count"], rows: [[.string("海门"), .int(3)]])
        let other = ResultFormatter(format: .chart, options: .init(terminalWidth: 40, color: true)).render(cities)
        #expect(!other.contains("\u{1B}[3"), "\(other)")
    }

    /// Parts that add up to the total (matrix, pivot) stack in one bar,
    /// one glyph each and a legend; parts that do not are labels only.
    @Test func chartStacksPartsThatAddUpToTheTotal() {
        let matrix = QueryResult(
            columns: ["unit", "lead", "co", "total"],
            rows: [[.string("住建局"), .int(6), .int(2), .int(8)], [.string("发改委"), .int(1), .int(3), .int(4)]])
        let plain = ResultFormatter(format: .chart, options: .init(terminalWidth: 40)).render(matrix)
        let lines = plain.split(separator: "\n").map(String.init)
        #expect(lines[1] == "█ lead  ▓ co", "\(plain)")
        // 8 is the widest bar (16 cells, what 40 columns leave): 6/8 of
        // it lead, the rest co; 4 is half as long, 1/4 of it lead.
        #expect(lines[2].hasSuffix(" " + String(repeating: "█", count: 12) + String(repeating: "▓", count: 4)))
        #expect(lines[3].hasSuffix(" " + String(repeating: "█", count: 2) + String(repeating: "▓", count: 6)))
        let coloured = ResultFormatter(format: .chart, options: .init(terminalWidth: 40, color: true)).render(matrix)
        #expect(coloured.contains("\u{1B}[34m█") && coloured.contains("\u{1B}[33m█"), "\(coloured)")
        var uneven = matrix
        uneven.rows[1][3] = .int(5)
        let single = ResultFormatter(format: .chart, options: .init(terminalWidth: 40)).render(uneven)
        #expect(!single.contains("▓") && !single.contains("lead  ▓"), "\(single)")
    }

    @Test func chartFallsBackToTableWithoutNumbers() {
        let result = QueryResult(columns: ["city"], rows: [[.string("海门")]])
        #expect(Self.render(.chart, result) == "city\n────\n海门\n(1 row)\n")
    }

    @Test func chartResultsDrawAsBarsInTableMode() {
        let result = QueryResult(columns: ["unit", "count"], rows: [[.string("发改委"), .int(2)]], isChart: true)
        #expect(Self.render(.table, result).contains("█"))
    }

    @Test(arguments: [("12345", 3, "12…"), ("发改委", 4, "发…"), ("发改委", 6, "发改委"), ("abc", 0, "")])
    func elisionIsVisible(text: String, width: Int, expected: String) {
        #expect(TextFitting.elide(text, to: width) == expected)
    }
}
