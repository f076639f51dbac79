import Testing

@testable import TaskQL

/// Golden tables with mixed Chinese/ASCII columns: every `│` (and the
/// `┼`/`┬`/`┴` joints of the rules) must sit at the same display column on
/// every line.
@Suite struct TableAlignmentTests {
    static let mixed = QueryResult(
        columns: ["city", "number", "lead_units", "text", "due"],
        rows: [
            [
                .string("海门"), .string("1"), .list([.string("发改委"), .string("通州湾示范区")]),
                .string("立足“大通州湾”核心区和新出海口建设"), .date(CivilDate(year: 2020, month: 12, day: 31)!),
            ],
            [.string("Taicang"), .string("12"), .list([.string("住建局")]), .string("5G base stations: 800"), .null],
            [
                .string("宜兴"), .string("60"), .list([]), .string("ｆｕｌｌｗｉｄｔｈ ＡＢＣ and e\u{301}"),
                .date(CivilDate(year: 2020, month: 6, day: 30)!),
            ],
        ])

    /// Display columns of the separator glyphs in `line`.
    static func separatorColumns(_ line: Substring) -> [Int] {
        var columns: [Int] = []
        var position = 0
        for character in line.unicodeScalars {
            if "│┼┬┴├┤┌┐└┘".unicodeScalars.contains(character) { columns.append(position) }
            position += DisplayWidth.of(character)
        }
        return columns
    }

    static func assertAligned(_ text: String) {
        let lines = text.split(separator: "\n").filter { !$0.hasPrefix("(") }
        let expected = separatorColumns(lines[0])
        #expect(!expected.isEmpty)
        for line in lines {
            #expect(separatorColumns(line) == expected, "misaligned line: \(line)")
        }
    }

    @Test(arguments: [OutputFormat.table, .box], [nil, 60, 40])
    func separatorsLineUp(format: OutputFormat, width: Int?) {
        let text = ResultFormatter(format: format, options: .init(terminalWidth: width)).render(Self.mixed)
        Self.assertAligned(text)
        if let width {
            for line in text.split(separator: "\n") { #expect(DisplayWidth.of(line) <= width, "too wide: \(line)") }
        }
    }

    @Test func goldenPlainTable() {
        let text = ResultFormatter(format: .table).render(Self.mixed)
        let expected = """
            city    │ number │ lead_units           │ text                               │ due
            ────────┼────────┼──────────────────────┼────────────────────────────────────┼───────────
            海门    │ 1      │ 发改委、通州湾示范区 │ 立足“大通州湾”核心区和新出海口建设 │ 2020-12-31
            Taicang │ 12     │ 住建局               │ 5G base stations: 800              │ null
            宜兴    │ 60     │                      │ ｆｕｌｌｗｉｄｔｈ ＡＢＣ and e\u{301}    │ 2020-06-30
            (3 rows)

            """
        #expect(text == expected)
    }

    @Test func goldenBoxTableElidesVisibly() {
        let text = ResultFormatter(format: .box, options: .init(terminalWidth: 70)).render(Self.mixed)
        let expected = """
            ┌─────────┬────────┬─────────────────┬──────────────────┬────────────┐
            │ city    │ number │ lead_units      │ text             │ due        │
            ├─────────┼────────┼─────────────────┼──────────────────┼────────────┤
            │ 海门    │ 1      │ 发改委、通州湾… │ 立足“大通州湾”…  │ 2020-12-31 │
            │ Taicang │ 12     │ 住建局          │ 5G base station… │ null       │
            │ 宜兴    │ 60     │                 │ ｆｕｌｌｗｉｄ…  │ 2020-06-30 │
            └─────────┴────────┴─────────────────┴──────────────────┴────────────┘
            (3 rows)

            """
        #expect(text == expected)
    }

    @Test func numbersAreRightAligned() {
        let result = QueryResult(
            columns: ["unit", "count"], rows: [[.string("发改委"), .int(7)], [.string("住建局"), .int(123)]])
        let text = ResultFormatter(format: .table).render(result)
        #expect(text == "unit   │ count\n───────┼──────\n发改委 │     7\n住建局 │   123\n(2 rows)\n")
    }

    @Test func rowCountLine() {
        #expect(ResultFormatter.rowCountLine(1) == "(1 row)")
        #expect(ResultFormatter.rowCountLine(173) == "(173 rows)")
        let empty = ResultFormatter(format: .table).render(QueryResult(columns: ["a"], rows: []))
        #expect(empty == "a\n─\n(0 rows)\n")
    }

    @Test func colourNeverShiftsColumns() {
        let text = ResultFormatter(format: .table, options: .init(terminalWidth: 60, color: true)).render(Self.mixed)
        #expect(text.contains("\u{1B}[1m"))
        Self.assertAligned(text.replacing(/\u{1B}\[[0-9]*m/, with: ""))
    }
}
