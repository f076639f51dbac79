import Foundation
import Testing

/// The `taskql` command line end to end: exit statuses, where output goes,
/// `-c`, `run --param`, piped scripts, `import`.
@Suite struct CommandLineTests {
    @Test func helpDocumentsCommandsAndExitStatuses() throws {
        let help = try CLIProcess.run(["--help"])
        #expect(help.status == 0)
        for text in [
            "-c <query>", "--format", "--aliases", "--history", "--no-color", "run", "import", "64", "65", "66", "74",
        ] {
            #expect(help.stdout.contains(text), "help lacks \(text)")
        }
    }

    @Test(arguments: [
        ["--bogus"], ["--format", "xml", "-c", "tasks"], ["run"], ["-c", "tasks", "--param", "no-equals"],
        ["--asof", "2020-02-30", "-c", "tasks | count"], ["--asof", "yesterday", "-c", "tasks | count"],
    ])
    func usageErrorsExit64(arguments: [String]) throws {
        let outcome = try CLIProcess.run(arguments)
        #expect(outcome.status == 64, "\(arguments): \(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
        #expect(!outcome.stderr.isEmpty)
    }

    /// `--asof` is the day `today()` counts from, for `-c` and `run`.
    @Test func asofFixesToday() throws {
        let query = #"tasks | where overdue(due) | count by light(due, 30) as light"#
        let outcome = try CLIProcess.run(["--asof", "2020-08-15", "--format", "csv", "-c", query])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == "light,count\nred,3\n")
        let directory = try CLIProcess.scratchDirectory()
        try "tasks | where due_within(due, 30) | select number, days_left(due) as left\n".write(
            to: directory.appendingPathComponent("soon.tql"), atomically: true, encoding: .utf8)
        let run = try CLIProcess.run(["run", "soon.tql", "--asof", "2020-08-15", "--format", "csv"], in: directory)
        #expect(run.stdout == "number,left\n17,16\n", "\(run.stderr)")
    }

    @Test(arguments: [
        ["missing.jsonl", "-c", "tasks"], ["run", "missing.tql"], ["import", "missing.txt", "-o", "out.jsonl"],
    ])
    func missingInputFilesExit66(arguments: [String]) throws {
        let directory = try CLIProcess.scratchDirectory()
        let outcome = try CLIProcess.run(arguments, in: directory)
        #expect(outcome.status == 66, "\(arguments): \(outcome.stderr)")
        #expect(outcome.stderr.contains("missing"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out.jsonl").path))
    }

    /// Documents the importer cannot read say what was seen and exit 66.
    @Test func unreadableDocumentsSayWhatWasSeen() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "taskql-seen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let ole = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504))
        try ole.write(to: directory.appendingPathComponent("plan.doc"))
        try Data("<html><body><h1>关于开展植树活动的通知</h1><p>各区人民政府：</p><p>现就有关事项通知如下。</p></body></html>".utf8)
            .write(to: directory.appendingPathComponent("notice.html"))
        try Data(
            "<html><body><table><tr><td>姓名</td><td>电话</td><td>地址</td></tr><tr><td>王明</td><td>123</td><td>江城路</td></tr></table></body></html>"
                .utf8
        ).write(to: directory.appendingPathComponent("contacts.html"))
        let cases: [(file: String, environment: [String: String], says: [String])] = [
            ("plan.doc", ["PATH": "/nonexistent"], ["LibreOffice is not installed", "libreoffice-writer"]),
            ("notice.html", [:], ["no recognisable tasks", "no numbered items", "no responsibility labels"]),
            ("contacts.html", [:], ["columns 姓名, 电话, 地址", "none of which names a task or a responsible unit"]),
        ]
        for item in cases {
            let outcome = try CLIProcess.run(
                ["import", item.file, "-o", "out.jsonl"], in: directory, environment: item.environment)
            #expect(outcome.status == 66, "\(item.file): \(outcome.stderr)")
            for text in item.says { #expect(outcome.stderr.contains(text), "\(item.file): \(outcome.stderr)") }
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out.jsonl").path))
        }
    }

    /// `import -o` never destroys what it should not touch (issue 9): the
    /// input document, a directory; `-` is standard output; devices are
    /// written into, and a failed write is an output error (74); a device
    /// is no input.
    @Test func importOutputIsSafe() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("taskql-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let document = "一、扩大有效投资\n1.实施重大项目。\n牵头单位:市发改委\n2.用好专项债。\n牵头单位:市财政局\n3.优化审批。\n牵头单位:市审批局\n"
        let input = directory.appendingPathComponent("plan.txt")
        try Data(document.utf8).write(to: input)
        let sameFile = try CLIProcess.run(["import", "plan.txt", "-o", "./plan.txt"], in: directory)
        #expect(sameFile.status == 64 && sameFile.stderr.contains("is the input document"), "\(sameFile.stderr)")
        #expect(try String(contentsOf: input, encoding: .utf8) == document)
        let toStdout = try CLIProcess.run(["import", "plan.txt", "-o", "-"], in: directory)
        #expect(toStdout.status == 0 && toStdout.stdout.hasPrefix(#"{"format":"taskql-dataset""#))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("-").path))
        #expect(try CLIProcess.run(["import", "plan.txt", "-o", "/dev/null"], in: directory).status == 0)
        let full = try CLIProcess.run(["import", "plan.txt", "-o", "/dev/full"], in: directory)
        #expect(full.status == 74 && full.stderr.contains("No space left"), "\(full.stderr)")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("out"), withIntermediateDirectories: true)
        let intoDirectory = try CLIProcess.run(["import", "plan.txt", "-o", "out"], in: directory)
        #expect(intoDirectory.status == 74 && intoDirectory.stderr.contains("not a regular file"))
        let zero = try CLIProcess.run(["/dev/zero", "-c", "tasks | count"], in: directory)
        #expect(zero.status == 66 && zero.stderr.contains("is a device"), "\(zero.stderr)")
    }

    /// The README's list of dot-commands is the REPL's own.
    @Test func readmeListsEveryDotCommand() throws {
        let help = try CLIProcess.run(["-c", ".help"])
        let names = help.stdout.split(separator: "\n").compactMap { line in
            line.hasPrefix(".") ? line.split(separator: " ").first.map(String.init) : nil
        }
        #expect(names.contains(".bail") && names.contains(".read"))
        let readme = try String(
            contentsOf: CLIProcess.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        for name in names where name != ".exit" {
            #expect(readme.contains("\n\(name) "), "README's dot-command list lacks \(name)")
        }
    }

    @Test func scriptThatIsNotUTF8Exits66() throws {
        let directory = try CLIProcess.scratchDirectory()
        try Data([0x74, 0xFF, 0xFE, 0x0A]).write(to: directory.appendingPathComponent("bad.tql"))
        let outcome = try CLIProcess.run(["run", "bad.tql"], in: directory)
        #expect(outcome.status == 66)
        #expect(outcome.stderr.contains("bad.tql"))
    }

    @Test func badQueryExits65WithFileLineColumn() throws {
        let directory = try CLIProcess.scratchDirectory()
        let script = "tasks | count\ntasks | where lead_unit has \"发改委\"\n"
        try script.write(to: directory.appendingPathComponent("bad.tql"), atomically: true, encoding: .utf8)
        let outcome = try CLIProcess.run(["run", "bad.tql"], in: directory)
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("bad.tql:2:15"), "stderr: \(outcome.stderr)")
        let inline = try CLIProcess.run(["-c", "tasks | wher x"])
        #expect(inline.status == 65)
        #expect(inline.stderr.contains("-c:1:9"), "stderr: \(inline.stderr)")
    }

    @Test func pipedQueryPrintsExactlyTheCSV() throws {
        let piped = try CLIProcess.run(["--format", "csv"], stdin: "tasks | count by city\n")
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stderr.isEmpty)
        let lines = piped.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "city,count")
        #expect(lines.last == "", "ends with exactly one newline")
        #expect(lines.count >= 4, "several cities in the bundled data")
        for line in lines.dropFirst().dropLast() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            #expect(fields.count == 2 && Int(fields[1]) != nil, "not a city,count line: \(line)")
        }
        let inline = try CLIProcess.run(["-c", "tasks | count by city", "--format", "csv"])
        #expect(inline.stdout == piped.stdout)
    }

    /// A script runs as a user wrote it: dot-commands (`.mode csv`) as in the
    /// REPL, a line starting with `|` continuing the statement above (past
    /// blank and comment lines); an error is reported and the script goes on
    /// (`ScriptErrorRuleTests` has the rule and `--bail`).
    @Test func scriptsTakeDotCommandsAndLeadingPipes() throws {
        let directory = try CLIProcess.scratchDirectory()
        let script = """
            .mode csv
            tasks
            # only Haimen
            | where city == "海门"

            | count
            tasks | wher x
            tasks | count

            """
        try script.write(to: directory.appendingPathComponent("s.tql"), atomically: true, encoding: .utf8)
        let outcome = try CLIProcess.run(["run", "s.tql"], in: directory)
        #expect(outcome.status == 65)
        #expect(outcome.stdout == "count\n223\ncount\n610\n", "\(outcome.stdout)")
        #expect(outcome.stderr.contains("s.tql:7:9"), "\(outcome.stderr)")
        // Piped and -c input read the same lines the same way.
        let piped = try CLIProcess.run([], stdin: script)
        #expect(piped.status == 65)
        #expect(piped.stdout == "count\n223\ncount\n610\n", "\(piped.stdout)")
        #expect(piped.stderr.contains("<stdin>:7:9"), "\(piped.stderr)")
        let inline = try CLIProcess.run(["-c", script])
        #expect(inline.stdout == piped.stdout)
    }

    /// `taskql script.tql` meant `taskql run script.tql`: it says so instead
    /// of trying to import the script as a document (issue 13.8).
    @Test func aScriptNamedAsADataFileSuggestsRun() throws {
        let outcome = try CLIProcess.run(["Examples/01_haimen_key_tasks.tql", "-c", "tasks | count"])
        #expect(outcome.status == 66)
        #expect(
            outcome.stderr.contains(
                "Examples/01_haimen_key_tasks.tql: a TQL script, not a document or dataset file: run it with taskql run Examples/01_haimen_key_tasks.tql"
            ),
            "\(outcome.stderr)")
    }

    /// `-c` takes dot-commands too, like `sqlite3 DB .schema` and `psql -c '\\d'`.
    @Test func inlineCommandTakesDotCommands() throws {
        let schema = try CLIProcess.run(["-c", ".schema"])
        #expect(schema.status == 0, "\(schema.stderr)")
        #expect(schema.stdout.contains("lead_units"))
        let mode = try CLIProcess.run(["-c", ".mode csv\ntasks | where city == \"海门\" and kind == \"key\" | count"])
        #expect(mode.stdout == "count\n173\n", "stderr: \(mode.stderr)")
        let unknown = try CLIProcess.run(["-c", ".frobnicate"])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains(".frobnicate"), "stderr: \(unknown.stderr)")
        let second = try CLIProcess.run(["-c", "tasks | count\ntasks | wher x"])
        #expect(second.status == 65)
        #expect(second.stderr.contains("-c:2:9"), "line numbers count from the start of -c: \(second.stderr)")
    }

    @Test func runBindsTypedParameters() throws {
        let directory = try CLIProcess.scratchDirectory()
        let data = try CLIProcess.writeMiniDataset(in: directory)
        let script = "tasks | where leaders has $leader and due <= $before | select id, city\n"
        try script.write(to: directory.appendingPathComponent("p.tql"), atomically: true, encoding: .utf8)
        let outcome = try CLIProcess.run(
            [
                "run", "p.tql", "--load", data, "--param", "leader=周国强", "--param", "before=2020-07-01", "--format",
                "csv",
            ],
            in: directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == "id,city\nmini-1,海门\n")
    }

    @Test func pipedScriptRunsStatementsAndDotCommands() throws {
        let directory = try CLIProcess.scratchDirectory()
        let data = try CLIProcess.writeMiniDataset(in: directory)
        let script =
            "# a comment\n.mode csv\ntasks |\n  where city == \"宜兴\" |\n  select number\n.mode jsonl\ntasks | take 1 | select id, lead_units\n"
        let outcome = try CLIProcess.run([data], stdin: script, in: directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == "number\n2\n{\"id\":\"mini-1\",\"lead_units\":[\"发改委\"]}\n")
        #expect(!outcome.stdout.contains("taskql>"), "no prompt when piped")
    }

    @Test func badPipedInputGivesErrorsAndCarriesOn() throws {
        var input = Data("garbage !!\n".utf8)
        input += Data("tasks | where text contains \"unterminated\n".utf8)
        input += Data(("tasks | where text contains \"" + String(repeating: "长", count: 40_000) + "\" | count\n").utf8)
        input += Data([0xE5, 0x8F, 0x0A])  // a truncated UTF-8 sequence
        input += Data(".nonsense\n".utf8)
        input += Data("tasks | count\n".utf8)
        let directory = try CLIProcess.scratchDirectory()
        let data = try CLIProcess.writeMiniDataset(in: directory)
        let outcome = try CLIProcess.run([data, "--format", "csv"], stdin: input, in: directory)
        #expect(!outcome.crashed)
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("<stdin>:1:"), "garbage: \(outcome.stderr)")
        #expect(outcome.stderr.contains("<stdin>:2:"), "unterminated string")
        #expect(outcome.stderr.contains("<stdin>:4: invalid UTF-8"))
        #expect(outcome.stderr.contains("unknown command .nonsense"))
        #expect(outcome.stdout.hasSuffix("count\n2\n"), "the last statement still ran: \(outcome.stdout)")
    }

    /// The Yixing seed document (70 tasks).
    static let yixingSeed = CLIProcess.packageRoot.appendingPathComponent(
        "Sources/TaskQL/Resources/seeds/001_8c26460259d3c740.txt"
    ).path

    /// `taskql import` of the Yixing seed to `yixing.jsonl` in a scratch directory.
    static func importYixing() throws -> (directory: URL, outcome: CLIProcess.Outcome) {
        let directory = try CLIProcess.scratchDirectory()
        let imported = try CLIProcess.run(["import", yixingSeed, "-o", "yixing.jsonl"], in: directory)
        #expect(imported.status == 0, "\(imported.stderr)")
        return (directory, imported)
    }

    @Test func importsASeedThenLoadsTheDatasetFile() throws {
        let (directory, imported) = try Self.importYixing()
        #expect(imported.stdout.isEmpty, "reports go to stderr")
        #expect(!imported.stderr.isEmpty)
        let counted = try CLIProcess.run(["yixing.jsonl", "-c", "tasks | count", "--format", "csv"], in: directory)
        #expect(counted.status == 0, "\(counted.stderr)")
        let count = Int(counted.stdout.split(separator: "\n").last ?? "") ?? 0
        #expect(count >= 60, "宜兴 has 10 targets and 60 tasks: \(counted.stdout)")
    }

    /// Two files of one city (two years, or key tasks and livelihood
    /// projects apart) are joined under one name, never one hiding the other.
    @Test func filesOfOneCityAreJoined() throws {
        let (directory, _) = try Self.importYixing()
        let seed = Self.yixingSeed
        // The next year's plan: the same city, other task ids.
        let file = directory.appendingPathComponent("yixing.jsonl")
        let nextYear = try String(contentsOf: file, encoding: .utf8).replacing("\"yixing-2020-", with: "\"yixing-2021-")
        try nextYear.write(to: directory.appendingPathComponent("yixing-2021.jsonl"), atomically: true, encoding: .utf8)
        let both = try CLIProcess.run(
            [seed, "yixing-2021.jsonl", "-c", ".mode csv\n.datasets\nyixing | count"], in: directory)
        #expect(both.status == 0, "\(both.stderr)")
        #expect(both.stdout.contains("yixing,140,"), "\(both.stdout)")
        #expect(both.stdout.hasSuffix("count\n140\n"), "\(both.stdout)")
        let badName = try CLIProcess.run(["import", seed, "-o", "x.jsonl", "--name", "my-data"], in: directory)
        #expect(badName.status == 64)
        #expect(badName.stderr.contains("cannot be used in queries"))
    }
}
