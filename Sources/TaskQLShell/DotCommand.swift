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
            summary: "this list, or any stage, function, operator, field, .command or error code, with an example"),
        DotCommand(name: ".load", usage: "PATH [as NAME]", summary: "load a document or dataset file as a dataset"),
        DotCommand(name: ".datasets", usage: "", summary: "the loaded datasets and their task counts"),
        DotCommand(
            name: ".schema", usage: "[DATASET]",
            summary: "the fields a query can use, with types and Chinese names, then extra columns (of DATASET's)"),
        DotCommand(
            name: ".mode", usage: "MODE", summary: "output format: table box csv json jsonl markdown line chart xlsx"),
        DotCommand(name: ".headers", usage: "on|off", summary: "column names above tables and CSV (default on)"),
        DotCommand(
            name: ".bom", usage: "on|off",
            summary: "start CSV output with a UTF-8 byte-order mark, so Excel and WPS read the Chinese right"),
        DotCommand(
            name: ".nullvalue", usage: "[TEXT]",
            summary: "how a null is shown in tables, line and CSV (no argument: each format's own)"),
        DotCommand(
            name: ".maxrows", usage: "[N|off]",
            summary: "show at most N rows of a table, the first and the last (off: all; .last shows all)"),
        DotCommand(
            name: ".maxwidth", usage: "[N|0]", summary: "tables at most N columns wide (0: the terminal's width)"),
        DotCommand(
            name: ".pager", usage: "on|off|auto",
            summary: "page results with $TASKQL_PAGER, $PAGER or less -SRFX (auto: taller than the terminal)"),
        DotCommand(name: ".last", usage: "", summary: "show the last result again, every row at full width"),
        DotCommand(
            name: ".param", usage: "set NAME VALUE|unset NAME|list|clear",
            summary: "bind $NAME for the queries that follow (VALUE typed as --param types it)"),
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
        DotCommand(
            name: ".once", usage: "FILE",
            summary: "send the next statement's results to FILE, then back (FILE.xlsx: an Excel workbook)"),
        DotCommand(name: ".history", usage: "", summary: "the statements entered so far"),
        DotCommand(name: ".quit", usage: "", summary: "leave (also .exit, Ctrl-D)"),
        DotCommand(name: ".exit", usage: "", summary: "leave"),
    ]

    /// The command named `name` (with or without the dot); `.parameter`
    /// and `.header` are sqlite3's spellings of `.param` and `.headers`.
    package static func named(_ name: String) -> DotCommand? {
        let dotted = name.hasPrefix(".") ? name : "." + name
        let canonical = [".parameter": ".param", ".header": ".headers"][dotted] ?? dotted
        return all.first { $0.name == canonical }
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
