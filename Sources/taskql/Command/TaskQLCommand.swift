import ArgumentParser
import TaskQL
import TaskQLPostgres
import TaskQLShell

/// `taskql [FILE…] [-c QUERY] [options]`, `taskql run`, `taskql import`, `taskql fmt`.
struct TaskQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taskql",
        abstract: "Query Chinese government work-task documents with TQL.",
        discussion: """
            With no arguments, opens the REPL on the bundled datasets (line editing, \
            history in ~/.taskql_history, Tab completion, .help for dot-commands). \
            FILE… loads documents or dataset files (.jsonl) instead. -c runs one query. \
            When stdin is not a terminal it is run as a script: no prompt, no banner. \
            A script (-c, piped stdin, run, .read) reports each error and goes on, \
            exiting 65 at the end if anything failed; --bail stops at the first error.

            Examples:
              taskql
              taskql -c 'tasks | where text contains "5G" | count by city'
              echo 'tasks | count by city' | taskql --format csv
              taskql haimen.jsonl -c 'tasks | count by kind'
              taskql run overdue.tql --param leader=周国强 --param before=2020-07-01
              taskql import 海门.txt 宜兴.txt -o cities.jsonl
              taskql fmt --check queries/*.tql
              taskql push haimen.jsonl --db postgres://clerk@db.example/plans
              taskql --db postgres://clerk@db.example/plans -c 'tasks | count by city'

            \(ExitStatus.helpText)
            """,
        version: "taskql \(TaskQLVersion.current)",
        subcommands: [RunCommand.self, ImportCommand.self, FormatCommand.self, PushCommand.self])

    @Option(
        name: .customShort("c"),
        help: ArgumentHelp("Run a query (or script text with dot-commands) and exit.", valueName: "query"))
    var command: String?

    @Option(
        name: .customLong("param"),
        help: "Bind $name for the query: name=value (integer, decimal, date, true/false, else string).")
    var parameters: [ParameterBinding] = []

    @OptionGroup var options: CommonOptions

    @Argument(
        help: ArgumentHelp("Documents or dataset files to load instead of the bundled datasets.", valueName: "file"))
    var files: [String] = []

    func run() throws {
        Terminal.prepareLocale()
        let session = try Self.session(files: files, options: options)
        session.asOf = options.asof
        let interactive = command == nil && Terminal.inputIsInteractive
        let runner = StatementRunner(
            session: session, format: options.format ?? .table, noColor: options.noColor,
            parameters: ParameterBinding.dictionary(parameters), interactive: interactive)
        runner.bailsOnError = options.bail
        runner.writesByteOrderMark = options.bom
        runner.terminalWidth = Terminal.width
        // Only a person at the prompt gets a pager (psql pages `-c` too, which
        // surprises a script run by hand).
        if interactive { runner.terminalHeight = Terminal.height }
        if !interactive { try options.runStartupFile(on: runner, interactive: false) }
        if let command {
            // As in sqlite3 and psql, -c takes dot-commands as well as
            // statements (`taskql -c .schema`), each dot-command on its own line.
            let repl = Repl(runner: runner, reader: ScriptedLineReader(text: command), sourceName: "-c")
            repl.run()
            runner.finishOutput()
            if let exit = ExitStatus.afterScript(failures: repl.failures, runner: runner) { throw exit }
            return
        }
        if interactive {
            InterruptSignal.install()
            let reader = LibEditLineReader(history: HistoryFile(path: HistoryFile.path(option: options.history)))
            runner.output.writeLine(EngineSetup.banner(for: session))
            try options.runStartupFile(on: runner, interactive: true)
            Repl(runner: runner, reader: reader, sourceName: "<repl>").run()
            // A person saw every message as it came: leaving is no failure.
            runner.finishOutput()
            return
        }
        let repl = Repl(runner: runner, reader: PlainLineReader(), sourceName: "<stdin>")
        repl.run()
        runner.finishOutput()
        if let exit = ExitStatus.afterScript(failures: repl.failures, runner: runner) { throw exit }
    }

    /// A session on the database of `--db`, or on the bundled data or
    /// `files`; input errors exit 66, an unreachable database 69.
    static func session(files: [String], options: CommonOptions) throws -> Session {
        guard let url = options.db else { return try session(files: files, aliasesPath: options.aliases) }
        let errors = OutputSink.standardError()
        if !files.isEmpty {
            errors.writeLine(
                "taskql: error: --db queries the database's datasets; put files there first: taskql push \(files.joined(separator: " ")) --db URL"
            )
            throw ExitCode.usageError
        }
        if options.aliases != nil {
            errors.writeLine(
                "taskql: error: --aliases with --db: the database keeps the aliases its data was pushed with (taskql push --aliases FILE)"
            )
            throw ExitCode.usageError
        }
        do {
            return try PostgresDatabase.connect(url: url).session(options: EngineSetup.options)
        } catch {
            errors.writeLine("taskql: error: \(error)")
            throw ExitCode.unavailable
        }
    }

    /// A session on the bundled data or on `files`; input errors exit 66.
    static func session(files: [String], aliasesPath: String?) throws -> Session {
        do {
            let aliases = try EngineSetup.aliases(path: aliasesPath)
            let engine = try EngineSetup.engine(files: files, aliases: aliases, reports: nil)
            return Session(engine: engine)
        } catch {
            OutputSink.standardError().writeLine("taskql: error: \(error)")
            throw ExitCode.inputError
        }
    }
}
