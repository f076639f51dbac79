import Foundation
import Testing

/// Issue 13 as a person at a terminal meets it (tmux): the start-up file,
/// `.param set` and a query using it, Ctrl-R finding a Chinese entry and
/// Enter running it, a result taller than the terminal opening in the
/// pager, `.maxrows`, and Ctrl-C stopping a long `.load`.
@Suite(.serialized) struct ShellTmuxTests {
    /// `taskql --history hist` on the bundled data, `HOME` the session's.
    static func start(_ session: TmuxSession, arguments: String = "") throws {
        try session.type(
            "\(CLIProcess.binary) --history \(session.home.path)/hist \(arguments); echo EXITED=$?", enter: true)
        try session.waitFor("taskql>")
    }

    @Test func startUpFileParametersHistorySearchAndPager() throws {
        let home = try CLIProcess.scratchDirectory()
        try "let yixing_tasks = tasks | where city == \"宜兴\"\n.nosuch\n.maxwidth 100\n".write(
            to: home.appendingPathComponent(".taskqlrc"), atomically: true, encoding: .utf8)
        let session = try TmuxSession(home: home)
        try Self.start(session)
        // The bad line is reported with its place; the REPL starts anyway.
        let started = try session.screen()
        #expect(started.contains("error: unknown command .nosuch"), "\(started)")
        #expect(started.contains(".taskqlrc:2"), "\(started)")
        try session.type("tasks | where city == \"宜兴\" | count", enter: true)
        try session.waitFor("(1 row)")
        try session.type("yixing_tasks | count", enter: true)
        try session.waitFor("the let of the start-up file") { TmuxSession.count("(1 row)", in: $0) == 2 }

        try session.type(".param set leader 周国强", enter: true)
        try session.type("tasks | where leaders has $leader | count", enter: true)
        try session.waitFor("three results") { TmuxSession.count("(1 row)", in: $0) == 3 }
        #expect(try session.screen().contains("51"))

        // Ctrl-R, typing Chinese, finds the first statement; Enter runs it.
        try session.keys("C-r")
        try session.type("宜兴")
        try session.waitFor("(reverse-i-search)'宜兴': tasks | where city == \"宜兴\" | count")
        try session.keys("C-r")
        try session.waitFor("older: nothing, so failing") { $0.contains("(failing reverse-i-search)'宜兴'") }
        try session.keys("BSpace")
        try session.waitFor("(reverse-i-search)'宜': tasks | where city == \"宜兴\" | count")
        try session.keys("Enter")
        try session.waitFor("four results") { TmuxSession.count("(1 row)", in: $0) == 4 }

        // 610 rows on a 40-line terminal: the pager shows the first screen.
        try session.type("tasks | select id", enter: true)
        try session.waitFor("the pager's prompt") { $0.split(separator: "\n").last == ":" }
        let paged = try session.screen()
        #expect(paged.contains("haimen-2020-key-1") && !paged.contains("(610 rows)"), "\(paged)")
        try session.keys("G")
        try session.waitFor("(610 rows)")
        try session.keys("q")
        try session.waitFor("back at the prompt") { $0.split(separator: "\n").last == "taskql>" }

        // Without the pager, .maxrows keeps the screen short.
        try session.type(".pager off", enter: true)
        try session.type(".maxrows 6", enter: true)
        try session.type("tasks | select id", enter: true)
        try session.waitFor("(610 rows, 6 shown)")
        try session.keys("C-d")
        try session.waitFor("EXITED=0")
        let history = try String(contentsOf: home.appendingPathComponent("hist"), encoding: .utf8)
        #expect(history.contains(".param\\040set\\040leader"), "\(history)")
    }

    @Test func ctrlCStopsALongLoad() throws {
        let home = try CLIProcess.scratchDirectory()
        // Large enough that loading it takes seconds in a debug build.
        let line = { (n: Int) in
            #"{"id":"many-\#(n)","dataset":"many","city":"海门","year":2020,"kind":"key","number":"\#(n)","text":"任务\#(n)","leaders":[],"lead_units":["发改委"],"co_units":[],"deadline":"年底前","due":"2020-12-31","source":"m.txt:\#(n)"}"#
        }
        let text = (1...300_000).map(line).joined(separator: "\n") + "\n"
        try text.write(to: home.appendingPathComponent("many.jsonl"), atomically: true, encoding: .utf8)
        let session = try TmuxSession(home: home)
        try Self.start(session)
        try session.type(".load many.jsonl", enter: true)
        usleep(300_000)
        try session.keys("C-c")
        try session.waitFor("cancelled")
        try session.type(".datasets", enter: true)
        let screen = try session.waitFor("(5 rows)")
        #expect(!screen.contains("many │"), "nothing of the file was loaded: \(screen)")
        try session.keys("C-d")
        try session.waitFor("EXITED=0")
    }

    /// Tab inside `city == "` offers cities; a Chinese list lines up in
    /// display columns; `.mode xlsx` with `.once FILE.xlsx` writes a
    /// workbook LibreOffice reads back to the rows (issue 13.5, 13.7).
    @Test func completionAndAWorkbookAtTheTerminal() throws {
        let home = try CLIProcess.scratchDirectory()
        let session = try TmuxSession(home: home)
        try Self.start(session)
        try session.type("tasks | where city == \"")
        try session.keys("Tab")
        let listed = try session.waitFor("the cities") { $0.contains("\"海门\"") && $0.contains("\"宜兴\"") }
        #expect(!listed.contains("发改委"), "cities, not units: \(listed)")
        try session.type("宜")
        try session.keys("Tab")
        try session.waitFor("city == \"宜兴\"")
        try session.type(" | count", enter: true)
        try session.waitFor("(1 row)")
        #expect(try session.screen().contains("70"))

        // Many unit names starting with 市: columns by display width.
        try session.type("tasks | where lead_units has \"市")
        try session.keys("Tab")
        let units = try session.waitFor("a list of units") { TmuxSession.count("\"市", in: $0) > 8 }
        let rows = units.split(separator: "\n").map(String.init).filter {
            $0.hasPrefix("\"市") && TmuxSession.count("\"市", in: $0) >= 2
        }
        #expect(rows.count >= 2, "\(units)")
        let secondColumn = rows.map { row -> Int in
            let start = row.index(after: row.startIndex)
            let second = row.range(of: "\"市", range: start..<row.endIndex)!.lowerBound
            return ShellTmuxTests.displayWidth(String(row[..<second]))
        }
        #expect(
            Set(secondColumn).count == 1, "the second column starts at one display column: \(secondColumn)\n\(units)")
        try session.keys("C-c")

        try session.type(".mode xlsx", enter: true)
        try session.type("tasks | count", enter: true)
        try session.waitFor("xlsx output is a file")
        try session.type(".once 城市.xlsx", enter: true)
        try session.type("tasks | count by city", enter: true)
        try session.waitFor("the workbook") { _ in
            FileManager.default.fileExists(atPath: home.appendingPathComponent("城市.xlsx").path)
        }
        try session.keys("C-d")
        try session.waitFor("EXITED=0")
        let sheets = try XLSXRoundTripTests.sheetsAsCSV(home.appendingPathComponent("城市.xlsx"))
        #expect(sheets == ["city,count\n海门,223\n太仓,182\n湖州,106\n宜兴,70\n南通,29\n"], "\(sheets)")

        // --format xlsx on a terminal is refused before anything runs.
        try session.type("\(CLIProcess.binary) --format xlsx -c 'tasks | count'; echo EXITED=$?", enter: true)
        let refused = try session.waitFor("EXITED=64")
        #expect(refused.contains("writes a workbook, not text for a terminal"), "\(refused)")
    }

    /// Columns a terminal gives `text`: East Asian wide characters two.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, s in
            let wide =
                (0x1100...0x115F).contains(s.value) || (0x2E80...0xA4CF).contains(s.value)
                || (0xAC00...0xD7A3).contains(s.value) || (0xF900...0xFAFF).contains(s.value)
                || (0xFE30...0xFE4F).contains(s.value) || (0xFF00...0xFF60).contains(s.value)
                || (0xFFE0...0xFFE6).contains(s.value)
            return width + (wide ? 2 : 1)
        }
    }
}
