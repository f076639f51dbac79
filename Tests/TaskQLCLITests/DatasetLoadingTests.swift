import Foundation
import Testing

/// Loading files from the command line and the REPL (issue 9): a dataset
/// name must be one a query can use, and a task is loaded once — loading a
/// file again replaces what it loaded, the same tasks from another file are
/// refused, a taken name is refused in a session with a name to use instead.
@Suite struct DatasetLoadingTests {
    static let replacedNotice = "replaced dataset yixing (70 tasks)\n"

    @Test func aFileNamedTwiceIsLoadedOnce() throws {
        let outcome = try CLIProcess.run(
            [CommandLineTests.yixingSeed, CommandLineTests.yixingSeed, "-c", ".mode csv\ntasks | count"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == "count\n70\n")
        #expect(outcome.stderr == Self.replacedNotice)
    }

    @Test func aDocumentAndItsDatasetFileAreRefused() throws {
        let (directory, _) = try CommandLineTests.importYixing()
        let outcome = try CLIProcess.run(
            [CommandLineTests.yixingSeed, "yixing.jsonl", "-c", "tasks | count"], in: directory)
        #expect(outcome.status == 66)
        #expect(
            outcome.stderr
                == "taskql: error: yixing.jsonl: task 'yixing-2020-indicator-1' is already loaded, in dataset yixing (from \(CommandLineTests.yixingSeed)): is this the same document again? A task is loaded once\n"
        )
        #expect(outcome.stdout.isEmpty)
    }

    /// `taskql import` follows the same rule: no task id is written twice.
    @Test func importWritesEachTaskOnce() throws {
        let (directory, _) = try CommandLineTests.importYixing()
        let seed = CommandLineTests.yixingSeed
        let twice = try CLIProcess.run(["import", seed, seed, "-o", "twice.jsonl"], in: directory)
        #expect(twice.status == 0, "\(twice.stderr)")
        #expect(twice.stderr.contains(Self.replacedNotice + "wrote 70 tasks in 1 dataset(s) to twice.jsonl\n"))
        let refused = try CLIProcess.run(["import", seed, "yixing.jsonl", "-o", "both.jsonl"], in: directory)
        #expect(refused.status == 66)
        #expect(
            refused.stderr.hasSuffix(
                "is already loaded, in dataset yixing (from \(seed)): is this the same document again? A task is loaded once\n"
            ))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("both.jsonl").path))
    }

    /// `.load` and the language's `load` alike: again is a reload, with a notice.
    @Test(arguments: [".load yixing.jsonl\n.load yixing.jsonl", "load \"yixing.jsonl\"; load \"yixing.jsonl\""])
    func loadingAFileAgainReplacesIt(script: String) throws {
        let (directory, _) = try CommandLineTests.importYixing()
        _ = try CLIProcess.writeMiniDataset(in: directory)
        let outcome = try CLIProcess.run(["mini.jsonl", "-c", script + "\n.mode csv\ntasks | count"], in: directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == "count\n72\n")
        #expect(outcome.stderr == Self.replacedNotice)
    }

    /// The bundled Yixing is the seed document: loading it again is refused.
    @Test func theBundledTasksAreNotLoadedTwice() throws {
        let (directory, _) = try CommandLineTests.importYixing()
        let outcome = try CLIProcess.run(["-c", ".load yixing.jsonl as yx\n.mode csv\ntasks | count"], in: directory)
        #expect(outcome.status == 65)
        #expect(
            outcome.stderr.hasPrefix(
                "error[E0506]: cannot load 'yixing.jsonl': task 'yixing-2020-indicator-1' is already loaded, in dataset yixing (from 001_8c26460259d3c740.txt): is this the same document again? A task is loaded once\n"
            ), "\(outcome.stderr)")
        #expect(outcome.stdout == "count\n610\n")
    }

    /// A bad header field is named with its place and what it should be.
    @Test func aBadHeaderSaysWhichFieldAndWhere() throws {
        let directory = try CLIProcess.scratchDirectory()
        try #"{"format":"taskql-dataset","version":"1","dataset":"x","records":0,"documents":[]}"#.write(
            to: directory.appendingPathComponent("v.jsonl"), atomically: true, encoding: .utf8)
        let outcome = try CLIProcess.run(["v.jsonl", "-c", "tasks | count"], in: directory)
        #expect(outcome.status == 66)
        #expect(
            outcome.stderr
                == "taskql: error: v.jsonl:1:38: not a dataset header: \"version\": expected an integer, found a string\n"
        )
    }

    @Test func dotLoadAsTasksIsRefused() throws {
        let directory = try CLIProcess.scratchDirectory()
        _ = try CLIProcess.writeMiniDataset(in: directory)
        let outcome = try CLIProcess.run(
            ["-c", ".load mini.jsonl as tasks\n.mode csv\n.datasets"], in: directory)
        #expect(outcome.status == 65)
        #expect(
            outcome.stderr.hasPrefix(
                "error[E0317]: 'tasks' cannot name a dataset: it means every loaded task, so the dataset could never be queried on its own\n"
            ), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("= help: choose another name, e.g. load \"mini.jsonl\" as mini"))
        #expect(!outcome.stdout.contains("\ntasks,"), "no dataset named tasks: \(outcome.stdout)")
    }

    /// Issue 10: a directory is its documents, on the command line and for
    /// `import`; importing it again skips the dataset file being written
    /// into it (else its tasks would be loaded twice).
    @Test func aDirectoryLoadsAndImportsItsDocuments() throws {
        let directory = try CLIProcess.scratchDirectory()
        let plans = directory.appendingPathComponent("plans/2020")
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: CommandLineTests.yixingSeed, toPath: plans.appendingPathComponent("yixing.txt").path)
        let counted = try CLIProcess.run(["plans", "-c", "tasks | count", "--format", "csv"], in: directory)
        #expect(counted.stdout == "count\n70\n", "\(counted.stderr)")
        for _ in 0..<2 {
            let imported = try CLIProcess.run(["import", "plans", "-o", "plans/all.jsonl"], in: directory)
            #expect(imported.status == 0, "\(imported.stderr)")
        }
        let reread = try CLIProcess.run(["plans/all.jsonl", "-c", "tasks | count", "--format", "csv"], in: directory)
        #expect(reread.stdout == "count\n70\n", "\(reread.stderr)")
    }
}
