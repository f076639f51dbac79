import TaskQL

/// What one read from a line reader gave.
package enum LineInput: Equatable {
    /// A line, without its line break.
    case line(String)
    /// Ctrl-C: drop what was typed so far.
    case interrupted
    /// A line that could not be read (invalid UTF-8, too long): report and go on.
    case unreadable(String)
    /// End of input (Ctrl-D, end of file).
    case end
}

/// Where the REPL gets its lines: libedit on a terminal, a plain reader for
/// pipes and files, a scripted one for `.read` and tests.
package protocol LineReader: AnyObject {
    /// Whether a person is typing (prompts, banner, history).
    var isInteractive: Bool { get }
    /// The next line, showing `prompt` when interactive.
    func readLine(prompt: String) -> LineInput
    /// Records a finished statement in the history (no-op without one).
    func recordHistory(_ entry: String)
    /// The history entries, oldest first (`.history`).
    var historyEntries: [String] { get }
    /// The names Tab completion offers from now on (new `let` names,
    /// loaded datasets); readers without completion ignore it.
    func updateCompletion(_ provider: CompletionProvider)
    /// The lines of the statement typed so far, before the line being read:
    /// Tab completion's context reaches back into them.
    func setPendingLines(_ text: String)
}

extension LineReader {
    package func updateCompletion(_ provider: CompletionProvider) {}
    package func setPendingLines(_ text: String) {}
}

/// Lines given up front: `.read FILE` and tests.
package final class ScriptedLineReader: LineReader {
    private var lines: [LineInput]
    private var next = 0
    package private(set) var recorded: [String] = []

    /// Reads `lines` in order, then `.end`.
    package init(lines: [LineInput]) { self.lines = lines }

    /// Splits `text` into lines (`\n` or `\r\n`).
    package convenience init(text: String) {
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            LineInput.line(line.hasSuffix("\r") ? String(line.dropLast()) : String(line))
        }
        if parts.last == .line("") { parts.removeLast() }
        self.init(lines: parts)
    }

    package var isInteractive: Bool { false }

    package func readLine(prompt: String) -> LineInput {
        guard next < lines.count else { return .end }
        next += 1
        return lines[next - 1]
    }

    package func recordHistory(_ entry: String) { recorded.append(entry) }
    package var historyEntries: [String] { recorded }
}
