import Testing

@testable import TaskQL

/// The renderer on hand-made diagnostics: the brief's example, several
/// lines, multi-line spans, spanless diagnostics and colour.
struct DiagnosticRendererTests {
    let query = SourceText(name: "query.tql", text: "tasks | where lead_unit has \"发改委\"")

    @Test func rendersTheBriefExample() {
        let d = Diagnostic(
            code: .unknownField, message: "unknown field 'lead_unit'",
            span: SourceSpan(start: 14, end: 23), help: "did you mean lead_units?")
        #expect(
            DiagnosticRenderer.render([d], source: query) == """
                error[E0301]: unknown field 'lead_unit'
                 --> query.tql:1:15
                  |
                1 | tasks | where lead_unit has "发改委"
                  |               ^^^^^^^^^
                  = help: did you mean lead_units?

                """)
    }

    /// A long line is shown as a window around the span (issue 9: a 10 MB
    /// one-line query echoed 10 MB); the column is still the real one, and a
    /// statement that starts on line 900 of a script says line 900.
    @Test func showsAWindowOfALongLine() {
        let line =
            "tasks | where " + String(repeating: "a or ", count: 100) + "b ?? c"
            + String(repeating: " or d", count: 100)
        let source = SourceText(name: "long.tql", text: line, firstLine: 900)
        let start = line.utf8.count - 5 * 100 - 4
        let d = Diagnostic(
            code: .unexpectedCharacter, message: "unexpected character", span: SourceSpan(start: start, end: start + 2))
        let before = "…" + String(String(repeating: "a or ", count: 100) + "b ").suffix(59)
        let after = String(("?? c" + String(repeating: " or d", count: 100)).prefix(99)) + "…"
        #expect(
            DiagnosticRenderer.render([d], source: source) == """
                error[E0101]: unexpected character
                   --> long.tql:900:\(start + 1)
                    |
                900 | \(before)\(after)
                    | \(String(repeating: " ", count: 60))^^

                """)
    }

    @Test func underlinesChineseTextByDisplayCells() {
        let start = query.text.utf8.count - 11  // "发改委" with quotes: 1 + 9 + 1 bytes
        let d = Diagnostic(
            .warning, code: .parameterConflict, message: "unknown unit",
            span: SourceSpan(start: start, end: start + 11))
        #expect(
            DiagnosticRenderer.render([d], source: query) == """
                warning[E0310]: unknown unit
                 --> query.tql:1:29
                  |
                1 | tasks | where lead_unit has "发改委"
                  |                             ^^^^^^^^

                """)
    }

    @Test func spanOverSeveralLinesUnderlinesToTheEndOfTheFirst() {
        let source = SourceText(name: "s.tql", text: "tasks\n| where (a or\n  b)\n")
        let d = Diagnostic(code: .unknownFunction, message: "not a boolean", span: SourceSpan(start: 14, end: 24))
        #expect(
            DiagnosticRenderer.render([d], source: source) == """
                error[E0302]: not a boolean
                 --> s.tql:2:9
                  |
                2 | | where (a or
                  |         ^^^^^

                """)
    }

    @Test func gutterWidensForLongLineNumbersAndNotesWithoutSpans() {
        let text = String(repeating: "\n", count: 11) + "tasks | take -1"
        let source = SourceText(name: "long.tql", text: text)
        let d = Diagnostic(
            code: .divisionByZero, message: "take needs a non-negative count",
            span: SourceSpan(start: 24, end: 26), notes: [.init("counts come from literals or $params")])
        #expect(
            DiagnosticRenderer.render([d], source: source) == """
                error[E0401]: take needs a non-negative count
                  --> long.tql:12:14
                   |
                12 | tasks | take -1
                   |              ^^
                   = note: counts come from literals or $params

                """)
    }

    @Test func diagnosticWithoutSpanNamesTheSource() {
        let d = Diagnostic(code: .timeLimit, message: "query cancelled", span: nil)
        #expect(DiagnosticRenderer.render([d], source: query) == "error[E0403]: query cancelled\n --> query.tql\n")
    }

    @Test func colourOnlyWhenAsked() {
        let d = Diagnostic(code: .unexpectedToken, message: "m", span: SourceSpan(start: 0, end: 5))
        #expect(!DiagnosticRenderer.render([d], source: query).contains("\u{1B}"))
        let coloured = DiagnosticRenderer.render([d], source: query, color: true)
        #expect(coloured.hasPrefix("\u{1B}[1;31merror[E0201]\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1;31m^^^^^\u{1B}[0m"))
    }

    @Test func spansPastTheEndAreClamped() {
        let d = Diagnostic(code: .unexpectedToken, message: "m", span: SourceSpan(start: 999, end: 2000))
        let out = DiagnosticRenderer.render([d], source: query)
        #expect(out.contains("query.tql:1:37"))
    }
}
