import TaskQL

/// How the shell shows results, changed by the dot-commands sqlite3 and
/// DuckDB users know: `.headers`, `.nullvalue`, `.maxrows`, `.maxwidth`,
/// `.pager`. Applied to every result through ``StatementRunner/formatter``.
package struct DisplaySettings: Sendable, Equatable {
    /// When long results go through a pager (`.pager on|off|auto`).
    package enum PagerUse: String, Sendable, CaseIterable {
        /// Only results taller than the terminal (the default).
        case auto
        /// Every result shown on a terminal.
        case on
        /// Never.
        case off
    }

    /// How wide tables may be (`.maxwidth`).
    package enum Width: Sendable, Equatable {
        /// The terminal's width; no limit on a pipe (the default; `.maxwidth 0`).
        case terminal
        /// This many display columns, on a terminal or not.
        case columns(Int)
    }

    /// Column names above tables and CSV (`.headers on|off`).
    package var showsHeader = true
    /// How a null is spelled (`.nullvalue TEXT`); nil: each format's own.
    package var nullText: String?
    /// Most rows a table shows (`.maxrows N`); nil: all of them.
    package var maxRows: Int?
    /// How wide tables may be (`.maxwidth N`).
    package var width = Width.terminal
    /// When a pager is used (`.pager`).
    package var pager = PagerUse.auto

    package init() {}

    /// Formatter options for one result on a sink (`toTerminal`: whether a
    /// person sees it; then the terminal's `terminalWidth` applies).
    /// `unlimited` (`.last`) drops the row and width limits.
    func options(terminalWidth: Int?, color: Bool, unlimited: Bool) -> ResultFormatter.Options {
        var width: Int?
        switch self.width {
        case .terminal: width = terminalWidth
        case .columns(let n): width = n
        }
        return ResultFormatter.Options(
            terminalWidth: unlimited ? nil : width, color: color, showsHeader: showsHeader, nullText: nullText,
            maxRows: unlimited ? nil : maxRows)
    }
}
