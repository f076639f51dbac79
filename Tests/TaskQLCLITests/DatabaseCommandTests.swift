import Foundation
import TaskQLTestSupport
import Testing

/// Issue 14.2–3 end to end, through the real binary: `taskql push` fills a
/// database on the test run's own PostgreSQL (``LocalPostgres``), and
/// `taskql --db` answers there as it does in memory: the issue's query,
/// `explain` with the SQL, the example corpus, and clear errors.
@Suite(.serialized) struct DatabaseCommandTests {
    /// A database holding the bundled datasets, pushed by the binary.
    static let pushed: Result<String, any Error> = Result {
        let url = try LocalPostgres.freshDatabase("taskql_cli")
        let push = try CLIProcess.run(["push", "--db", url])
        guard push.status == 0 else { throw DatabaseSetupFailed(output: push.stderr) }
        return url
    }

    struct DatabaseSetupFailed: Error {
        var output: String
    }

    @Test func pushReportsEachDataset() throws {
        let url = try LocalPostgres.freshDatabase("taskql_cli_push")
        let first = try CLIProcess.run(["push", "--db", url])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("pushed haimen: 223 tasks\n"), "\(first.stderr)")
        let again = try CLIProcess.run(["push", "--db", url, "--dataset", "haimen"])
        #expect(again.stderr == "pushed haimen: 223 tasks (replaced the earlier push)\n", "\(again.stderr)")
        let count = try CLIProcess.run(["--db", url, "-c", "tasks | count by dataset", "--format", "csv"])
        #expect(count.stdout == "dataset,count\nhaimen,223\ntaicang,182\nhuzhou,106\nyixing,70\nnantong,29\n")
    }

    /// The issue's must-show: the same table as the in-memory engine.
    @Test func theIssuesQueryGivesTheInMemoryTable() throws {
        let url = try Self.pushed.get()
        let query = "tasks | explode lead_units as u | count by unit(u) | take 5"
        let database = try CLIProcess.run(["--db", url, "-c", query])
        let memory = try CLIProcess.run(["-c", query])
        #expect(database.status == 0, "\(database.stderr)")
        #expect(database.stdout == memory.stdout)
        #expect(database.stdout.contains("发改委"))
    }

    @Test func explainShowsTheSQLWithPlaceholders() throws {
        let url = try Self.pushed.get()
        let run = try CLIProcess.run([
            "--db", url, "--format", "csv", "-c",
            #"explain tasks | where city == "海门" and lead_units has "发改委" | count"#,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("part,text\nsql,\"SELECT "), "\(run.stdout)")
        #expect(run.stdout.contains("t.city COLLATE \"\"C\"\" = $1::text"), "\(run.stdout)")
        #expect(run.stdout.contains("\n$1,海门\n$2,发改委\nplan,"), "each value once, then the plan: \(run.stdout)")
        let sql = run.stdout.split(separator: "\n")[1]
        #expect(!sql.contains("海门") && !sql.contains("发改委"), "values are bound, never spliced: \(sql)")
    }

    /// Every example whose output is golden prints the same on the
    /// database, or names what it cannot compile (E0601) or do (`load`).
    @Test func theExampleCorpusAgrees() throws {
        let url = try Self.pushed.get()
        var agreed: [String] = []
        var notCompiled: [String] = []
        var differs: [String] = []
        for script in ExampleScriptsTests.scripts {
            let base = ExampleScriptsTests.examplesDirectory.appendingPathComponent(String(script.dropLast(4)))
            guard let expected = try? String(contentsOf: base.appendingPathExtension("out"), encoding: .utf8) else {
                continue
            }
            let header = try ExampleHeader(String(contentsOf: base.appendingPathExtension("tql"), encoding: .utf8))
            var arguments = ["run", "Examples/\(script)", "--db", url, "--no-color"]
            for (name, value) in header.params { arguments += ["--param", "\(name)=\(value)"] }
            let run = try CLIProcess.run(arguments, environment: ExampleScriptsTests.environment)
            let text = try String(contentsOf: base.appendingPathExtension("tql"), encoding: .utf8)
            if text.contains("\nexplain ") {
                // `explain` on the database shows the SQL and the server's
                // plan, not the in-memory engine's stages.
                #expect(run.status == 0 && run.stdout.contains("\nsql  │ SELECT "), "\(script): \(run.stderr)")
            } else if run.status == 0, run.stdout == expected {
                agreed.append(script)
            } else if run.stderr.contains("E0601") || run.stderr.contains("load reads files into memory") {
                notCompiled.append(script)
            } else {
                differs.append("\(script): exit \(run.status)\n\(run.stderr)\n\(run.stdout.prefix(600))")
            }
        }
        if ProcessInfo.processInfo.environment["TASKQL_TALLY"] != nil {
            print("examples on the database: \(agreed.count) agree, not compiled: \(notCompiled)")
        }
        #expect(differs.isEmpty, "\(differs.joined(separator: "\n\n"))")
        #expect(agreed.count >= 33, "\(agreed.count) agree; not compiled: \(notCompiled)")
    }

    /// The REPL on the database as a person meets it (tmux): the banner
    /// names the database, Tab offers the cities stored there, a query and
    /// `.schema` answer, a `load` is refused with what to do instead.
    @Test func theREPLOnTheDatabase() throws {
        let url = try Self.pushed.get()
        let home = try CLIProcess.scratchDirectory()
        let session = try TmuxSession(home: home)
        try ShellTmuxTests.start(session, arguments: "--db '\(url)'")
        let banner = try session.screen()
        #expect(banner.contains("TaskQL on postgres://taskql@"), "\(banner)")
        #expect(banner.contains("haimen (223 tasks)"), "\(banner)")
        try session.type("tasks | where city == \"")
        try session.keys("Tab")
        try session.waitFor("the database's cities") { $0.contains("\"海门\"") && $0.contains("\"宜兴\"") }
        try session.type("宜")
        try session.keys("Tab")
        try session.waitFor("city == \"宜兴\"")
        try session.type(" | count", enter: true)
        try session.waitFor("(1 row)")
        #expect(try session.screen().contains("70"))
        try session.type(".schema", enter: true)
        try session.waitFor("lead_units")
        try session.type("load \"x.jsonl\"", enter: true)
        try session.waitFor("taskql push FILE --db URL")
        try session.keys("C-d")
        try session.waitFor("EXITED=0")
    }

    @Test func failuresSayWhereAndWhy() throws {
        let unreachable = try CLIProcess.run(["--db", "postgres:///x?host=/nonexistent&port=1", "-c", "tasks | count"])
        #expect(unreachable.status == 69)
        #expect(unreachable.stderr.hasPrefix("taskql: error: cannot connect to postgres://"), "\(unreachable.stderr)")
        let notURL = try CLIProcess.run(["push", "--db", "haimen.jsonl"])
        #expect(notURL.status == 69 && notURL.stderr.contains("not a PostgreSQL URL"), "\(notURL.stderr)")
        let url = try Self.pushed.get()
        let withFiles = try CLIProcess.run(["--db", url, "x.jsonl", "-c", "tasks"])
        #expect(withFiles.status == 64 && withFiles.stderr.contains("taskql push x.jsonl"), "\(withFiles.stderr)")
        let load = try CLIProcess.run(["--db", url, "-c", #"load "x.jsonl""#])
        #expect(load.status == 65 && load.stderr.contains("taskql push FILE --db URL"), "\(load.stderr)")
        let missing = try CLIProcess.run(["push", "--db", url, "nowhere.jsonl"])
        #expect(missing.status == 66, "\(missing.stderr)")
        let empty = try LocalPostgres.freshDatabase("taskql_cli_empty")
        let noData = try CLIProcess.run(["--db", empty, "-c", "tasks | count"])
        #expect(noData.status == 69 && noData.stderr.contains("push some first"), "\(noData.stderr)")
    }
}
