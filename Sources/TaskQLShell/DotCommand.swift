/// A host command of the REPL, sqlite3 style (`.mode csv`).
package struct DotCommand: Sendable {
    /// `.mode`
    package var name: String
    /// `MODE`
    package var usage: String
    /// One line for `.help`.
    package var summary: String

    package static let all: [DotCommand] = [
        DotCommand(
            name: ".help", usage: "[TOPIC]",
            summary: "this list, or help on a command, a function, or on: stages, functions, formats, fields"),
        DotCommand(name: ".load", usage: "PATH [as NAME]", summary: "load a document or dataset file as a dataset"),
        DotCommand(name: ".datasets", usage: "", summary: "the loaded datasets and their task counts"),
        DotCommand(
            name: ".schema", usage: "[DATASET]",
            summary: "the fields a query can use, with types and Chinese names, then extra columns (of DATASET's)"),
        DotCommand(
            name: ".mode", usage: "MODE", summary: "output format: table box csv json jsonl markdown line chart"),
        DotCommand(name: ".timer", usage: "on|off", summary: "report each statement's run time"),
        DotCommand(
            name: ".asof", usage: "[DATE|today]",
            summary: "the date today(), overdue() and light() count from (no argument: show it)"),
        DotCommand(
            name: ".bail", usage: "on|off",
            summary: "stop a script (-c, run, piped input, .read) at its first error (default off)"),
        DotCommand(name: ".aliases", usage: "[UNIT]", summary: "unit alias table, or the aliases of one unit"),
        DotCommand(
            name: ".read", usage: "FILE",
            summary: "run the statements and dot-commands in FILE (nested at most 16 deep)"),
        DotCommand(name: ".output", usage: "FILE|stdout", summary: "send results to FILE (or back to stdout)"),
        DotCommand(name: ".history", usage: "", summary: "the statements entered so far"),
        DotCommand(name: ".quit", usage: "", summary: "leave (also .exit, Ctrl-D)"),
        DotCommand(name: ".exit", usage: "", summary: "leave"),
    ]

    /// The command named `name` (with or without the dot).
    package static func named(_ name: String) -> DotCommand? {
        let dotted = name.hasPrefix(".") ? name : "." + name
        return all.first { $0.name == dotted }
    }

    /// Splits a dot-command line into words; `"…"` keeps spaces in a path.
    package static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var started = false
        for c in line {
            if c == "\"" {
                quoted.toggle()
                started = true
                continue
            }
            if !quoted && (c == " " || c == "\t") {
                if started { words.append(current) }
                current = ""
                started = false
            } else {
                current.append(c)
                started = true
            }
        }
        if started { words.append(current) }
        return words
    }
}
