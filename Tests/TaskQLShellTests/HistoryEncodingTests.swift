import TaskQLShell
import Testing

/// The history file format both ways (issue 13.1: a REPL rereads the file
/// before adding its entry, so two REPLs on one file keep both histories).
@Suite struct HistoryEncodingTests {
    @Test func entriesComeBackAsTheyWereWritten() {
        let entries = [
            "tasks | where city == \"宜兴\" | count", "tasks\n  | where text contains \"a\\\\b\"\n  | take 3",
            "\t.mode csv", "let x = tasks\r",
        ]
        let file = HistoryEncoding.file(entries)
        #expect(String(decoding: file, as: UTF8.self).hasPrefix("_HiStOrY_V2_\ntasks\\040|\\040where"))
        #expect(HistoryEncoding.entries(ofFile: file) == entries)
    }

    @Test func libeditsOwnEscapesAreRead() {
        let file = Array("_HiStOrY_V2_\ntasks\\s|\\scount\na\\tb\\nc\n".utf8)
        #expect(HistoryEncoding.entries(ofFile: file) == ["tasks | count", "a\tb\nc"])
    }

    @Test func aLineThatIsNotUTF8IsDroppedAndTheRestKept() {
        let file = Array("_HiStOrY_V2_\nfirst\n".utf8) + [0xFF, 0xFE, 0x0A] + Array("last\n".utf8)
        #expect(HistoryEncoding.entries(ofFile: file) == ["first", "last"])
        #expect(HistoryEncoding.entries(ofFile: []) == [])
    }
}
