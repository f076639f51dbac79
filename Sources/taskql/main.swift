import TaskQLShell

// The `taskql` executable: argument parsing, REPL and line editing on top of
// the TaskQL library. See `TaskQLCommand` for the command line.
//
// The root command takes file arguments, which would swallow the words
// `run`, `import` and `fmt`, so the subcommands are dispatched here first.
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "run": RunCommand.main(Array(arguments.dropFirst()))
case "import": ImportCommand.main(Array(arguments.dropFirst()))
case "fmt": FormatCommand.main(Array(arguments.dropFirst()))
default: TaskQLCommand.main(arguments)
}
