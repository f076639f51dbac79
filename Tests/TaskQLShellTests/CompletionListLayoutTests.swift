import TaskQL
import TaskQLShell
import Testing

/// Issue 13.5: Chinese candidates line up in columns of display width.
@Suite struct CompletionListLayoutTests {
    @Test func columnsAreMeasuredInDisplayColumns() {
        let names = ["\"发改委\"", "\"住建局\"", "\"市发展改革委\"", "\"财政局\"", "\"有关部门\"", "\"a\""]
        let lines = CompletionListLayout.lines(names, width: 40)
        // Widest is "市发展改革委" quoted: 14 columns, plus 2: two columns fit in 40.
        #expect(lines.count == 3, "\(lines)")
        #expect(lines[0] == "\"发改委\"        \"财政局\"", "filled top to bottom")
        for line in lines.dropLast() { #expect(DisplayWidth.of(line) <= 40) }
        // The second column starts at display column 16 on every line.
        for line in lines where line.contains("  ") {
            let first = line.components(separatedBy: "  ").first!
            #expect(DisplayWidth.of(first) <= 16)
        }
    }

    @Test func aNarrowTerminalGetsOneColumnAndALongListIsCut() {
        #expect(CompletionListLayout.lines(["海门", "宜兴"], width: 3) == ["海门", "宜兴"])
        let many = (1...400).map { "u\($0)" }
        let lines = CompletionListLayout.lines(many, width: 80)
        #expect(lines.last == "… and 100 more: type more letters")
        #expect(CompletionListLayout.lines([], width: 80).isEmpty)
    }
}
