import ArgumentParser
import Foundation
import TaskQL
import TaskQLShell

extension OutputFormat: ExpressibleByArgument {}

extension CivilDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}

/// Options every way of running queries shares.
struct CommonOptions: ParsableArguments {
    /// `--format xlsx` to a terminal would print a zip archive on it.
    func validate() throws {
        if format == .xlsx, Terminal.outputIsTerminal {
            throw ValidationError(
                "--format xlsx writes a workbook, not text for a terminal: redirect it (> out.xlsx), or use .once FILE.xlsx in the REPL"
            )
        }
    }

    /// Runs the start-up file these options and the mode call for (see
    /// ``StartupFile``); an explicit `-init FILE` that cannot be read exits 66.
    func runStartupFile(on runner: StatementRunner, interactive: Bool) throws {
        let environment = ProcessInfo.processInfo.environment
        guard
            let (path, explicit) = StartupFile.path(
                option: initFile, noInit: noInit, interactive: interactive, environment: environment)
        else { return }
        guard StartupFile.run(path: path, explicit: explicit, on: runner) || !explicit else {
            throw ExitCode.inputError
        }
        // What the command line asked for outlasts the start-up file.
        if let format { runner.format = format }
    }

    @Option(help: "Output format.")
    var format: OutputFormat?

    @Option(
        help: ArgumentHelp(
            "Run the queries on this PostgreSQL database instead of in memory (datasets put there by taskql push).",
            valueName: "postgres://user@host/database"))
    var db: String?

    @Flag(
        help:
            "Start CSV output with a UTF-8 byte-order mark, so that Excel and WPS open it with the Chinese intact (also .bom on)."
    )
    var bom = false

    @Option(help: ArgumentHelp("Extra unit aliases: a file of `canonical = alias, alias` lines.", valueName: "file"))
    var aliases: String?

    @Option(
        help: ArgumentHelp(
            "History file of the REPL (default $TASKQL_HISTORY, else ~/.taskql_history).", valueName: "file"))
    var history: String?

    @Flag(
        name: [.customLong("bail"), .customLong("bail", withSingleDash: true)],
        help:
            "Stop a script (run, -c, piped stdin, .read) at its first error; by default each error is reported and the script goes on (exit 65 at the end)."
    )
    var bail = false

    @Option(
        help: ArgumentHelp(
            "The date today(), overdue(), days_left(), due_within() and light() count from (default: today).",
            valueName: "YYYY-MM-DD"))
    var asof: CivilDate?

    @Option(
        name: [.customLong("init"), .customLong("init", withSingleDash: true)],
        help: ArgumentHelp(
            "Run FILE's dot-commands and statements first (default for the REPL: ~/.taskqlrc; scripts and -c read none).",
            valueName: "file"))
    var initFile: String?

    @Flag(help: "Read no start-up file, not even ~/.taskqlrc.")
    var noInit = false

    @Flag(help: "Never colour the output (colour is used only on a terminal, and not when NO_COLOR is non-empty).")
    var noColor = false
}
