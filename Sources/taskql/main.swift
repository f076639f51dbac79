// The `taskql` executable: argument parsing, REPL and line editing on top of
// the TaskQL library. See `TaskQLCommand` for the command line.
TaskQLCommand.main()
