import ArgumentParser
import TaskQL
import TaskQLShell

extension OutputFormat: ExpressibleByArgument {}

extension CivilDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}

/// Options every way of running queries shares.
struct CommonOptions: ParsableArguments {
    @Option(help: "Output format.")
    var format: OutputFormat?

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

    @Flag(help: "Never colour the output (colour is used only on a terminal, and not when NO_COLOR is non-empty).")
    var noColor = false
}
