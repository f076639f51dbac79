import Foundation
import Testing

/// The REPL as a person uses it, in a real terminal (tmux): Chinese input,
/// results on screen, history recalled after a restart, Tab completion of
/// unit names from the data, Ctrl-C and Ctrl-D, and a history file that
/// survives `kill -9`.
@Suite(.serialized) struct ReplTmuxTests {
    /// `taskql mini.jsonl --history hist` in the session's home.
    static func start(_ session: TmuxSession, arguments: String = "") throws {
        try session.type(
            "\(CLIProcess.binary) mini.jsonl --history \(session.home.path)/hist \(arguments); echo EXITED=$?",
            enter: true)
        try session.waitFor("taskql>")
    }

    @Test func typingCompletionCancelAndLeave() throws {
        let home = try CLIProcess.scratchDirectory()
        _ = try CLIProcess.writeMiniDataset(in: home)
        let session = try TmuxSession(home: home)
        try Self.start(session)
        #expect(try session.screen().contains("mini (2 tasks)"), "banner names the dataset")

        try session.type("tasks | where city == \"海门\" | select city, text", enter: true)
        let result = try session.waitFor("(1 row)")
        #expect(result.contains("推进5G基站建设"))
        #expect(result.contains("海门"))

        try session.type("tasks | where lead_units has \"发")
        try session.keys("Tab")
        try session.waitFor("has \"发改委\"")
        try session.type(" | count", enter: true)
        try session.waitFor("second result") { TmuxSession.count("(1 row)", in: $0) == 2 }

        // A continuation line completes in the context of the lines above.
        try session.type("tasks |", enter: true)
        try session.waitFor("   ...>")
        try session.type("wh")
        try session.keys("Tab")
        try session.waitFor("...> where")
        try session.type("city == \"宜兴\" | count", enter: true)
        try session.waitFor("third result") { TmuxSession.count("(1 row)", in: $0) == 3 }

        try session.type("tasks | where text contains \"半截")
        // As a person would: see the half-typed line, then press Ctrl-C.
        try session.waitFor("contains \"半截")
        try session.keys("C-c")
        try session.type(".mode csv", enter: true)
        try session.type("tasks | count", enter: true)
        let afterCancel = try session.waitFor("count\n2")
        // The typed command line shows `EXITED=$?`; only a digit after `=` means the REPL ended.
        #expect(
            afterCancel.range(of: #"EXITED=\d"#, options: .regularExpression) == nil, "Ctrl-C must not end the REPL")

        try session.keys("C-d")
        let end = try session.waitFor("EXITED=0")
        #expect(!end.contains("EXITED=1"))
    }

    /// `taskql | tee log` (issue 13.8): standard output is a pipe but a
    /// person types, so the prompt and the line go to the terminal and only
    /// the results down the pipe.
    @Test func aPipedOutputStillShowsThePrompt() throws {
        let home = try CLIProcess.scratchDirectory()
        _ = try CLIProcess.writeMiniDataset(in: home)
        let session = try TmuxSession(home: home)
        let log = home.appendingPathComponent("log").path
        try session.type(
            "\(CLIProcess.binary) mini.jsonl --history \(home.path)/hist | tee \(log); echo EXITED=$?", enter: true)
        // The banner comes through tee, the prompt straight from standard
        // error: on screen they may interleave (`tTaskQL — … leave⏎askql>`),
        // so look for the prompt with the banner taken out.
        let banner = "TaskQL — datasets mini (2 tasks) — type .help for help, Ctrl-D to leave"
        try session.waitFor("the prompt") { screen in
            screen.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: banner, with: "")
                .contains("taskql>")
        }
        try session.type("tasks | count", enter: true)
        // The result goes down the pipe (the screen may interleave it with
        // the next prompt, as above).
        try session.waitFor("the result in the log") { _ in
            ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").contains("(1 row)")
        }
        try session.keys("C-d")
        try session.waitFor("EXITED=0")
        let written = try String(contentsOfFile: log, encoding: .utf8)
        #expect(written.contains("(1 row)"), "\(written)")
        #expect(!written.contains("taskql>"), "the prompt went down the pipe: \(written)")
    }

    @Test func historyIsRecalledAfterRestart() throws {
        let home = try CLIProcess.scratchDirectory()
        _ = try CLIProcess.writeMiniDataset(in: home)
        let session = try TmuxSession(home: home)
        try Self.start(session)
        try session.type("tasks |", enter: true)
        try session.waitFor("...>")
        try session.type("  where leaders has \"周国强\" | count", enter: true)
        try session.waitFor("(1 row)")
        try session.keys("C-d")
        try session.waitFor("EXITED=0")

        try session.type("clear", enter: true)
        try Self.start(session)
        try session.keys("Up")
        try session.waitFor("周国强")
        try session.keys("Enter")
        let screen = try session.waitFor("(1 row)")
        #expect(screen.contains("tasks |"), "the multi-line statement came back as one entry")
        try session.keys("C-d")
        try session.waitFor("EXITED=0")
    }

    @Test func historySurvivesKillNine() throws {
        let home = try CLIProcess.scratchDirectory()
        _ = try CLIProcess.writeMiniDataset(in: home)
        let session = try TmuxSession(home: home)
        // `exec` keeps the pid written to the file, so exactly the REPL is killed.
        try session.type(
            "sh -c 'echo $$ > repl.pid; exec \(CLIProcess.binary) mini.jsonl --history \(home.path)/hist'; echo EXITED=$?",
            enter: true)
        try session.waitFor("taskql>")
        let statements = ["tasks | count", "tasks | where city == \"宜兴\" | count", "tasks |\n  take 1"]
        for (index, statement) in statements.enumerated() {
            for (n, line) in statement.split(separator: "\n").enumerated() {
                if n > 0 { try session.waitFor("...>") }
                try session.type(String(line), enter: true)
            }
            try session.waitFor("prompt \(index + 2)") { TmuxSession.count("taskql>", in: $0) >= index + 2 }
        }
        let pidText = try String(contentsOfFile: home.appendingPathComponent("repl.pid").path, encoding: .utf8)
        let pid = try #require(Int32(pidText.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, SIGKILL) == 0)
        try session.waitFor("EXITED=137")
        let history = try String(contentsOfFile: home.appendingPathComponent("hist").path, encoding: .utf8)
        let lines = history.split(separator: "\n")
        #expect(lines.first == "_HiStOrY_V2_")
        #expect(lines.count == 4, "header and three statements: \(history)")
        #expect(history.contains("宜兴") || history.contains("\\345\\256\\234"))
        #expect(history.contains("tasks\\040|\\012"), "the two-line statement is one entry")
    }
}
