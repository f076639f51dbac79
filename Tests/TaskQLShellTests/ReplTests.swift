import Foundation
import TaskQL
import TaskQLShell
import Testing

/// Issue 10: the shell is a library, tested in-process with a scripted line
/// reader: statement joining for scripts, pipes, `-c` and `.read`,
/// dot-commands, output modes and error handling — the same loop the
/// `taskql` executable wires to libedit (the binary and tmux tests in
/// TaskQLCLITests check that wiring).
@Suite struct ReplTests {
    /// One engine for the suite: the bundled seeds are imported once.
    static let engine = try! Engine.bundled()

    /// What a run wrote to its result and diagnostic sinks.
    struct Run {
        var output: String
        var errors: String
        var failures: Int
        var recorded: [String]
    }

    /// Runs `lines` through a ``Repl`` on a fresh session, as `taskql -c`,
    /// piped input and `run` do (`interactive` as a person at the prompt).
    static func run(
        _ lines: [String], interactive: Bool = false, bail: Bool = false, sourceName: String = "<script>"
    ) throws -> Run {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shell-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (outPath, errPath) = (
            directory.appendingPathComponent("out").path, directory.appendingPathComponent("err").path
        )
        let output = try OutputSink(creatingFileAt: outPath)
        let errors = try OutputSink(creatingFileAt: errPath)
        let runner = StatementRunner(
            session: Session(engine: engine), format: .csv, noColor: true, parameters: ["leader": "周国强"],
            interactive: interactive, output: output, errors: errors)
        runner.bailsOnError = bail
        let reader = RecordingReader(lines: lines, interactive: interactive)
        let repl = Repl(runner: runner, reader: reader, sourceName: sourceName)
        repl.run()
        runner.finishOutput()
        errors.close()
        return Run(
            output: try String(contentsOfFile: outPath, encoding: .utf8),
            errors: try String(contentsOfFile: errPath, encoding: .utf8), failures: repl.failures,
            recorded: reader.recorded)
    }

    @Test func aScriptJoinsLinesThatStartWithAPipe() throws {
        let run = try Self.run([
            "tasks", "# a comment between the lines of one statement", "", "  | where city == \"海门\"", "| count",
            "tasks | where city == \"宜兴\" | count",
        ])
        #expect(run.output == "count\n223\ncount\n70\n")
        #expect(run.errors == "" && run.failures == 0)
        #expect(run.recorded.count == 2, "\(run.recorded)")
    }

    @Test func dotCommandsChangeTheOutputMode() throws {
        let run = try Self.run([
            ".mode json", "tasks | where city == \"海门\" | count", ".mode markdown",
            "tasks | count by kind | sort by kind",
        ])
        #expect(run.output.hasPrefix("[\n  {\"count\":223}\n]\n"), "\(run.output)")
        #expect(run.output.contains("| kind"), "\(run.output)")
    }

    /// `.asof DATE` sets the day `today()` and `overdue` count from for the
    /// rest of the session; without an argument it shows it; `today` goes
    /// back to the local date; a bad date is an error that changes nothing.
    @Test func asofSetsTheDateQueriesCountFrom() throws {
        let count = #"tasks | where overdue(due) | count"#
        let run = try Self.run([
            ".asof", ".asof 2020-08-15", ".asof", count, ".asof 2020-06-15", count, ".asof 2020-13-01", count,
            ".asof today", count,
        ])
        #expect(
            run.output == "today (the local date)\n2020-08-15\ncount\n3\ncount\n1\ncount\n1\ncount\n223\n",
            "\(run.output)")
        #expect(run.errors.contains("'2020-13-01' is not a YYYY-MM-DD date"), "\(run.errors)")
        #expect(run.failures == 1)
    }

    /// `.help functions` says what each function does; `.help NAME` one.
    @Test func helpExplainsFunctions() throws {
        let run = try Self.run([".help functions", ".help light", ".help nosuch"])
        #expect(run.output.contains("days_left   gives days from today() to date"), "\(run.output)")
        #expect(run.output.contains("dcount      gives distinct values"), "\(run.output)")
        #expect(
            run.output.contains(
                "light — function\n  light(date[, n])\n  gives \"red\" overdue, \"yellow\" due within n days (default 7), \"green\" later; null without a date\n"
            ), "\(run.output)")
        #expect(run.errors.contains("no help on 'nosuch'"), "\(run.errors)")
    }

    @Test func parametersAndLetNamesCarryAcrossStatements() throws {
        let run = try Self.run(["let mine = tasks | where leaders has $leader", "mine | count"])
        #expect(run.errors == "")
        let count = run.output.split(separator: "\n").last.flatMap { Int($0) }
        #expect((count ?? 0) > 0, "\(run.output)")
    }

    /// One rule for input nobody types: report each error and go on, unless
    /// `--bail`/`.bail on`; diagnostics name the script's own line.
    @Test func aScriptGoesOnAfterAnErrorUnlessItBails() throws {
        let lines = ["tasks | where lead_unit has \"发改委\"", "tasks | count", "tasks | where nope", "tasks | count"]
        let goesOn = try Self.run(lines)
        #expect(goesOn.failures == 2)
        #expect(goesOn.output == "count\n610\ncount\n610\n")
        #expect(goesOn.errors.contains("error[E0301]: unknown field 'lead_unit'"), "\(goesOn.errors)")
        #expect(goesOn.errors.contains("--> <script>:3:"), "\(goesOn.errors)")
        let bails = try Self.run(lines, bail: true)
        #expect(bails.failures == 1)
        #expect(bails.output == "")
        let dotBail = try Self.run([".bail on"] + lines)
        #expect(dotBail.failures == 1 && dotBail.output == "")
    }

    /// A person at the prompt is never stopped, and each statement is one
    /// history entry however many lines it took.
    @Test func thePromptIsNeverStoppedAndKeepsStatementsWhole() throws {
        let run = try Self.run(
            ["tasks | where nope", "tasks | where city ==", "  \"海门\" | count", ".mode csv"], interactive: true,
            bail: true)
        #expect(run.failures == 1)
        #expect(run.output.hasSuffix("count\n223\n"), "\(run.output)")
        #expect(run.recorded == ["tasks | where nope", "tasks | where city ==\n  \"海门\" | count", ".mode csv"])
    }

    @Test func readRunsAFileAndAFileThatReadsItselfEnds() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = directory.appendingPathComponent("count.tql").path
        try "tasks\n| where city == \"太仓\"\n| count\n".write(toFile: script, atomically: true, encoding: .utf8)
        let read = try Self.run([".read \(script)"])
        #expect(read.output == "count\n\(try Self.count("太仓"))\n", "\(read.errors)")
        let selfReading = directory.appendingPathComponent("loop.tql").path
        try ".read \(selfReading)\n".write(toFile: selfReading, atomically: true, encoding: .utf8)
        let loop = try Self.run([".read \(selfReading)", "tasks | count"])
        #expect(loop.errors.contains(".read nested more than 16 deep"), "\(loop.errors)")
        #expect(loop.output == "count\n610\n", "the script goes on after the .read fails")
    }

    /// `.schema DATASET` shows that dataset's columns; an unknown one is an
    /// error naming the loaded datasets.
    @Test func schemaOfADataset() throws {
        let run = try Self.run([".schema haimen", ".schema nosuch", ".schema a b"])
        #expect(run.output.contains("lead_units") && run.output.hasPrefix("field,type"), "\(run.output)")
        #expect(run.failures == 2)
        #expect(run.errors.contains("no dataset 'nosuch' is loaded (loaded: haimen, yixing, huzhou, taicang, nantong)"))
        #expect(run.errors.contains("usage: .schema [DATASET]"))
    }

    /// `.aliases NAME` for a name nothing knows says so, with the units
    /// that contain it (issue 13.8).
    @Test func aliasesOfAnUnknownUnitSaySo() throws {
        let run = try Self.run([".aliases 发改", ".aliases 市发展改革委"])
        #expect(run.failures == 1)
        #expect(
            run.errors.contains(
                "no unit 发改 is in the loaded tasks or the alias table; units with 发改 in their name: 发改委"))
        #expect(run.output.hasPrefix("市发展改革委 → 发改委"), "\(run.output)")
    }

    @Test func anUnknownDotCommandIsAnErrorThatSaysSo() throws {
        let run = try Self.run([".nosuch", "tasks | count"])
        #expect(run.failures == 1)
        #expect(!run.errors.isEmpty)
        #expect(run.output == "count\n610\n")
    }

    /// The reader learns the names Tab completion offers as they are bound.
    @Test func completionLearnsNewNames() throws {
        let reader = RecordingReader(lines: ["let mine = tasks | take 1"], interactive: true)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("c-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let sink = try OutputSink(creatingFileAt: directory.appendingPathComponent("o").path)
        let runner = StatementRunner(
            session: Session(engine: Self.engine), format: .csv, noColor: true, parameters: [:], interactive: true,
            output: sink, errors: sink)
        Repl(runner: runner, reader: reader, sourceName: "<repl>").run()
        let last = try #require(reader.providers.last)
        #expect(last.complete(text: "mi", cursor: 2).candidates.contains("mine"))
    }

    /// Colour only on a terminal, without `--no-color`, and unless
    /// `NO_COLOR` is non-empty: `NO_COLOR=` (empty) asks for nothing.
    @Test func theColourRule() {
        let allowed = { (terminal: Bool, flag: Bool, env: [String: String]) in
            OutputSink.colorAllowed(isTerminal: terminal, noColorFlag: flag, environment: env)
        }
        #expect(allowed(true, false, [:]))
        #expect(allowed(true, false, ["NO_COLOR": ""]))
        #expect(!allowed(true, false, ["NO_COLOR": "1"]))
        #expect(!allowed(true, true, [:]))
        #expect(!allowed(false, false, [:]))
    }

    static func count(_ city: String) throws -> Int {
        let result = try engine.prepare("tasks | where city == $c | count").run(["c": .string(city)])
        guard case .int(let n) = result.rows.first?.first else { return -1 }
        return n
    }
}

/// Lines given up front, as typed at a prompt (`interactive`) or read from
/// a script; keeps what the shell records and the completion it is given.
final class RecordingReader: LineReader {
    private var lines: [String]
    let isInteractive: Bool
    private(set) var recorded: [String] = []
    private(set) var providers: [CompletionProvider] = []

    init(lines: [String], interactive: Bool) {
        self.lines = lines
        isInteractive = interactive
    }

    func readLine(prompt: String) -> LineInput {
        lines.isEmpty ? .end : .line(lines.removeFirst())
    }

    func recordHistory(_ entry: String) { recorded.append(entry) }
    var historyEntries: [String] { recorded }
    func updateCompletion(_ provider: CompletionProvider) { providers.append(provider) }
    func setPendingLines(_ text: String) {}
}
