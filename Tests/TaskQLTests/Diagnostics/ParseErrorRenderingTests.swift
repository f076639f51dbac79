import Testing

@testable import TaskQL

/// Parse errors exactly as a user sees them: message, location and carets,
/// including under Chinese text.
struct ParseErrorRenderingTests {
    func rendered(_ text: String) -> String {
        let source = SourceText(name: "query.tql", text: text)
        do {
            _ = try Parser.parse(source)
            return "no error"
        } catch {
            return DiagnosticRenderer.render(error.diagnostics, source: source)
        }
    }

    @Test func unclosedStringPointsAtItsOpeningQuote() {
        #expect(
            rendered("tasks | where lead_units has \"发改委 | count") == """
                error[E0102]: unclosed string literal
                 --> query.tql:1:30
                  |
                1 | tasks | where lead_units has "发改委 | count
                  |                              ^
                  = help: close it with "
                note: strings end at the end of their line
                 --> query.tql:1:45
                  |
                1 | tasks | where lead_units has "发改委 | count
                  |                                             ^

                """)
    }

    /// `load` is a statement, not a source (issue 9: this said "expected an
    /// operator, '|', ';' or a line break, found '|'").
    @Test func loadCannotStartAPipeline() {
        #expect(
            rendered("load \"/etc/passwd\" | count") == """
                error[E0201]: 'load' cannot start a pipeline: it loads a dataset and gives no rows
                 --> query.tql:1:20
                  |
                1 | load "/etc/passwd" | count
                  |                    ^
                  = help: load first, then query the dataset: load "/etc/passwd" as passwd; passwd | …

                """)
        #expect(
            rendered("load \"海门.txt\" as hm | count").hasPrefix(
                "error[E0201]: 'load' cannot start a pipeline: it loads a dataset and gives no rows\n --> query.tql:1:23\n"
            ))
        #expect(
            rendered("load \"a.jsonl\" where") == """
                error[E0201]: expected ';' or a line break after the load statement, found 'where'
                 --> query.tql:1:16
                  |
                1 | load "a.jsonl" where
                  |                ^^^^^

                """)
    }

    @Test func unclosedBracketPointsAtItsOpening() {
        #expect(
            rendered("tasks | where city in [\"海门\", \"太仓\"") == """
                error[E0202]: unclosed '['
                 --> query.tql:1:23
                  |
                1 | tasks | where city in ["海门", "太仓"
                  |                       ^
                note: expected ']' before end of input
                 --> query.tql:1:38
                  |
                1 | tasks | where city in ["海门", "太仓"
                  |                                      ^

                """)
    }

    @Test func unexpectedTokenAfterChineseTextLinesUp() {
        #expect(
            rendered("tasks | where 城市 == \"海门\" 牵头单位") == """
                error[E0201]: expected an operator, '|', ';' or a line break, found '牵头单位'
                 --> query.tql:1:30
                  |
                1 | tasks | where 城市 == "海门" 牵头单位
                  |                              ^^^^^^^^

                """)
    }

    @Test func unknownStageSuggestsTheNearest() {
        #expect(
            rendered("tasks | wher city == \"海门\"") == """
                error[E0204]: unknown stage 'wher'
                 --> query.tql:1:9
                  |
                1 | tasks | wher city == "海门"
                  |         ^^^^
                  = help: did you mean where?

                """)
    }

    @Test func invalidDateIsAnErrorWithItsSpan() {
        #expect(
            rendered("tasks | where due <= 2020-02-30") == """
                error[E0104]: invalid date '2020-02-30'
                 --> query.tql:1:22
                  |
                1 | tasks | where due <= 2020-02-30
                  |                      ^^^^^^^^^^
                  = help: 2020-02 has 29 days

                """)
    }

    @Test func oneErrorPerStatementOnItsOwnLine() {
        let script = """
            tasks | where city ==
              | count
            tasks | take 5
            tasks | sort city
            tasks | where （city == "海门"）
            """
        #expect(
            rendered(script) == """
                error[E0201]: expected an expression, found '|'
                 --> query.tql:2:3
                  |
                2 |   | count
                  |   ^

                error[E0201]: expected 'by' after 'sort', found 'city'
                 --> query.tql:4:14
                  |
                4 | tasks | sort city
                  |              ^^^^

                error[E0101]: unexpected character '（'
                 --> query.tql:5:15
                  |
                5 | tasks | where （city == "海门"）
                  |               ^^
                  = help: '（' is full-width; write '('

                """)
    }

    @Test func tabsAreExpandedSoCaretsLineUp() {
        #expect(
            rendered("tasks |\twhere\tcity ==") == """
                error[E0201]: expected an expression, found end of input
                 --> query.tql:1:24
                  |
                1 | tasks | where   city ==
                  |                        ^

                """)
    }

    @Test func chainedComparisonsExplainThemselves() {
        #expect(
            rendered("tasks | where 1 < due < 3") == """
                error[E0201]: expected 'and', 'or' or the end of the expression, found '<'
                 --> query.tql:1:23
                  |
                1 | tasks | where 1 < due < 3
                  |                       ^
                  = help: comparisons do not chain; combine them with 'and', e.g. a < b and b < c

                """)
    }
}
