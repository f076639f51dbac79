import TaskQLShell
import Testing

/// Ctrl-R's search (issue 13.1), key by key, on Chinese entries.
@Suite struct HistorySearchTests {
    static let entries = [
        "tasks | where city == \"宜兴\" | count", "tasks | where lead_units has \"发改委\"",
        "tasks | where city == \"宜兴\" | take 3", "tasks | count by city",
    ]

    @Test func eachKeyNarrowsTheSearchAndCtrlRFindsOlderEntries() {
        var search = HistorySearch(entries: Self.entries, originalLine: "ta")
        #expect(search.line == "ta" && search.prompt == "(reverse-i-search)'': ")
        search.type("宜")
        #expect(search.match == 2 && search.line == Self.entries[2])
        search.type("兴")
        #expect(search.match == 2, "the current entry still contains the longer query")
        #expect(search.matchOffset == 23)
        search.older()
        #expect(search.match == 0 && !search.failing)
        search.older()
        #expect(search.match == 0 && search.failing, "nothing older: stays, and says failing")
        #expect(search.prompt == "(failing reverse-i-search)'宜兴': ")
    }

    @Test func backspaceSearchesAgainFromTheNewest() {
        var search = HistorySearch(entries: Self.entries, originalLine: "")
        for c in "发改委x" { search.type(String(c)) }
        #expect(search.failing && search.match == 1)
        search.deleteBackward()
        #expect(!search.failing && search.match == 1)
        for _ in 0..<3 { search.deleteBackward() }
        #expect(search.match == nil && search.line == "" && search.query.isEmpty)
        search.deleteBackward()
        #expect(search.query.isEmpty)
    }

    @Test func noMatchAtAllKeepsTheOriginalLine() {
        var search = HistorySearch(entries: [], originalLine: "tasks")
        search.type("x")
        search.older()
        #expect(search.failing && search.line == "tasks")
    }
}
