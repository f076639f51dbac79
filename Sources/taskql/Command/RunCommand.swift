import ArgumentParser
import Foundation
import TaskQL
import TaskQLShell

/// `taskql run SCRIPT.tql [--param name=value]…`
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        _superCommandName: "taskql",
        abstract: "Run a TQL script file.",
        discussion: """
            Statements run in order. An error is reported with SCRIPT:line:col and the \
            script goes on, as in sqlite3; the exit status is 65 when any statement failed. \
            --bail (or -bail) stops at the first error instead, as does `.bail on` in the \
            script. A line that starts with a dot is a dot-command, as in \
            the REPL (`.mode csv` makes the rest of the script print CSV). Parameters are typed: 12 → integer, 1.5 → decimal, \
            2020-06-30 → date, true/false → boolean, anything else → string.

            \(ExitStatus.helpText)
            """)

    @Argument(help: ArgumentHelp("The script (`-` reads stdin).", valueName: "script"))
    var script: String

    @Option(name: .customLong("param"), help: "Bind $name: name=value (repeatable).")
    var parameters: [ParameterBinding] = []

    @Option(
        name: .customLong("load"),
        help: ArgumentHelp(
            "Load this document or dataset file instead of the bundled datasets (repeatable).", valueName: "file"))
    var files: [String] = []

    @OptionGroup var options: CommonOptions

    func run() throws {
        Terminal.prepareLocale()
        let text = try Self.readScript(script)
        let session = try TaskQLCommand.session(files: files, options: options)
        session.asOf = options.asof
        let runner = StatementRunner(
            session: session, format: options.format ?? .table, noColor: options.noColor,
            parameters: ParameterBinding.dictionary(parameters), interactive: false)
        runner.bailsOnError = options.bail
        runner.writesByteOrderMark = options.bom
        runner.terminalWidth = Terminal.width
        try options.runStartupFile(on: runner, interactive: false)
        // Read as the REPL reads lines, so a script may hold dot-commands
        // (`.mode csv`), as sqlite3 scripts do.
        let repl = Repl(
            runner: runner, reader: ScriptedLineReader(text: text), sourceName: script == "-" ? "<stdin>" : script)
        repl.run()
        runner.finishOutput()
        if let exit = ExitStatus.afterScript(failures: repl.failures, runner: runner) { throw exit }
    }

    /// The script's text; missing or non-UTF-8 files exit 66.
    static func readScript(_ path: String) throws -> String {
        let data =
            path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: path)
        guard let data else {
            OutputSink.standardError().writeLine("taskql: error: \(path): no such file or not readable")
            throw ExitCode.inputError
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            OutputSink.standardError().writeLine("taskql: error: \(path): not valid UTF-8")
            throw ExitCode.inputError
        }
        return text
    }
}
