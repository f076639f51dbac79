import ArgumentParser
import TaskQLShell

// The `taskql` executable: argument parsing, REPL and line editing on top of
// the TaskQL library. See `TaskQLCommand` for the command line.
//
// The root command takes file arguments, which would swallow the words
// `run`, `import`, `fmt` and `push`, so the subcommands are dispatched here first.
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
// `taskql help run`, as git and the argument parser's own `help` have it.
case "help":
    switch arguments.dropFirst().first {
    case "run": RunCommand.main(["--help"])
    case "import": ImportCommand.main(["--help"])
    case "fmt": FormatCommand.main(["--help"])
    case "push": PushCommand.main(["--help"])
    case nil: TaskQLCommand.main(["--help"])
    case let other?:
        OutputSink.standardError().writeLine(
            "taskql: error: no help on '\(other)': the subcommands are run, import, fmt and push (taskql help SUBCOMMAND)"
        )
        TaskQLCommand.exit(withError: ExitCode.validationFailure)
    }
case "run": RunCommand.main(Array(arguments.dropFirst()))
case "import": ImportCommand.main(Array(arguments.dropFirst()))
case "fmt": FormatCommand.main(Array(arguments.dropFirst()))
case "push": PushCommand.main(Array(arguments.dropFirst()))
default: TaskQLCommand.main(arguments)
}
