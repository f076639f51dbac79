import Foundation
import Testing

/// Saving the REPL history never destroys it (issue 9): a write that fails
/// (a full disk; here the file-size limit `ulimit -f`, which fails writes
/// the same way) leaves the earlier file byte for byte, and a symbolic
/// link, a FIFO or a directory at the history path is never renamed over.
@Suite(.serialized) struct HistoryFileTests {
    /// A history file of `count` entries in libedit's format, more than 1 KiB.
    static func earlierHistory(_ count: Int) -> String {
        "_HiStOrY_V2_\n"
            + (1...count).map { "tasks\\040|\\040where\\040number\\040==\\040\"\($0)\"\\040|\\040count\n" }.joined()
    }

    /// Starts the REPL in `session` with `--history PATH` after `setup`
    /// shell commands (a limit, a trap), and waits for its prompt.
    static func start(_ session: TmuxSession, history: String, setup: String = "") throws {
        try session.type(
            "sh -c '\(setup) exec \(CLIProcess.binary) mini.jsonl --history \(history)'; echo EXITED=$?", enter: true)
        try session.waitFor("taskql>")
    }

    @Test func aFailedWriteKeepsTheEarlierHistory() throws {
        let home = try CLIProcess.scratchDirectory()
        _ = try CLIProcess.writeMiniDataset(in: home)
        let history = home.appendingPathComponent("hist")
        let earlier = Self.earlierHistory(60)
        #expect(earlier.utf8.count > 2048)
        try earlier.write(to: history, atomically: true, encoding: .utf8)
        let session = try TmuxSession(home: home)
        // Files may not grow past 1 KiB: the new history (longer) cannot be
        // written. SIGXFSZ is ignored, so the write fails with EFBIG instead
        // of killing the REPL.
        try Self.start(session, history: history.path, setup: "trap \"\" XFSZ; ulimit -f 1;")
        try session.type("tasks | count", enter: true)
        try session.waitFor("(1 row)")
        try session.type("tasks | where city == \"宜兴\" | count", enter: true)
        let screen = try session.waitFor("second result") { TmuxSession.count("(1 row)", in: $0) == 2 }
        // The warning is wider than the terminal: join the lines it wraps onto.
        let joined = screen.replacing("\n", with: "")
        #expect(
            joined.contains(
                "warning: history not saved to \(history.path): cannot write a new copy: File too large (the file keeps its earlier entries)"
            ), "\(screen)")
        #expect(TmuxSession.count("warning: history not saved", in: screen) == 1, "warned once: \(screen)")
        try session.keys("C-d")
        try session.waitFor("EXITED=0")
        #expect(try String(contentsOf: history, encoding: .utf8) == earlier, "the earlier history is intact")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: home.path).filter { $0.contains(".tmp") }
        #expect(leftovers.isEmpty, "no temporary file left behind: \(leftovers)")
    }

    @Test func aSymbolicLinkStaysALinkToTheSavedHistory() throws {
        let home = try CLIProcess.scratchDirectory()
        _ = try CLIProcess.writeMiniDataset(in: home)
        let dotfiles = home.appendingPathComponent("dotfiles")
        try FileManager.default.createDirectory(at: dotfiles, withIntermediateDirectories: true)
        let target = dotfiles.appendingPathComponent("taskql_history")
        try Self.earlierHistory(1).write(to: target, atomically: true, encoding: .utf8)
        let link = home.appendingPathComponent("hist")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let session = try TmuxSession(home: home)
        try Self.start(session, history: link.path)
        try session.type(#"tasks | where text contains "a\\b" | count"#, enter: true)
        try session.waitFor("(1 row)")
        try session.keys("C-d")
        try session.waitFor("EXITED=0")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        let saved = try String(contentsOf: target, encoding: .utf8)
        #expect(
            saved == Self.earlierHistory(1) + #"tasks\040|\040where\040text\040contains\040"a\\\\b"\040|\040count"#
                + "\n",
            "\(saved)")
        // libedit reads back what we wrote: the entry comes back whole.
        try session.type("clear", enter: true)
        try Self.start(session, history: link.path)
        try session.keys("Up")
        try session.waitFor(#"contains "a\\b" | count"#)
        try session.keys("C-d")
    }

    @Test(arguments: ["fifo", "directory"])
    func aPathThatIsNoRegularFileIsLeftAlone(kind: String) throws {
        let home = try CLIProcess.scratchDirectory()
        _ = try CLIProcess.writeMiniDataset(in: home)
        let history = home.appendingPathComponent("hist")
        if kind == "fifo" {
            #expect(mkfifo(history.path, 0o600) == 0)
        } else {
            try FileManager.default.createDirectory(at: history, withIntermediateDirectories: true)
        }
        let session = try TmuxSession(home: home)
        // A FIFO would block a reader with no writer: the prompt must come anyway.
        try Self.start(session, history: history.path)
        try session.type("tasks | count", enter: true)
        let screen = try session.waitFor("(1 row)")
        #expect(
            screen.replacing("\n", with: "").contains(
                "is not a regular file (a directory, device or FIFO); not replaced"), "\(screen)")
        try session.keys("C-d")
        try session.waitFor("EXITED=0")
        var info = stat()
        #expect(lstat(history.path, &info) == 0)
        #expect(info.st_mode & S_IFMT == (kind == "fifo" ? S_IFIFO : S_IFDIR))
    }

    /// Two REPLs on one history file, statements typed in turn: the file
    /// ends with every entry of both, in the order they were run (each
    /// rereads the file before adding its entry, under a lock).
    @Test func twoREPLsOnOneFileKeepBothHistories() throws {
        let home = try CLIProcess.scratchDirectory()
        _ = try CLIProcess.writeMiniDataset(in: home)
        let history = home.appendingPathComponent("hist")
        try Self.earlierHistory(2).write(to: history, atomically: true, encoding: .utf8)
        let first = try TmuxSession(home: home)
        let second = try TmuxSession(home: home)
        try Self.start(first, history: history.path)
        try Self.start(second, history: history.path)
        for round in 1...3 {
            for (name, session) in [("a", first), ("b", second)] {
                try session.type("tasks | where text contains \"\(name)\(round)\" | count", enter: true)
                try session.waitFor("result \(round)") { TmuxSession.count("(1 row)", in: $0) == round }
            }
        }
        try first.keys("C-d")
        try second.keys("C-d")
        try first.waitFor("EXITED=0")
        try second.waitFor("EXITED=0")
        let saved = try String(contentsOf: history, encoding: .utf8)
        let expected = (1...3).flatMap { round in
            ["a", "b"].map { "tasks\\040|\\040where\\040text\\040contains\\040\"\($0)\(round)\"\\040|\\040count\n" }
        }
        #expect(saved == Self.earlierHistory(2) + expected.joined(), "\(saved)")
    }
}
