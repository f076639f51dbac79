import CLibEdit
import TaskQL
import TaskQLShell

#if canImport(Glibc)
    import Glibc
#endif

/// Line editing on a terminal through libedit's readline-compatible API:
/// Chinese input (the locale is set first), persistent history, tab
/// completion from a ``CompletionProvider``, Ctrl-C cancelling the line.
final class LibEditLineReader: LineReader {
    let history: HistoryFile
    /// The last warning about saving the history, so that it is not
    /// repeated after every statement.
    private var lastHistoryWarning: String?

    /// Sets up libedit; `Terminal.prepareLocale()` and
    /// `InterruptSignal.install()` must have run.
    init(history: HistoryFile) {
        self.history = history
        clibedit_rl_set_readline_name("taskql")
        // libedit must not install its own signal handlers: ours (without
        // SA_RESTART) is what makes Ctrl-C end the blocking read.
        clibedit_rl_set_catch_signals(0)
        // `taskql | tee log`: results go down the pipe, the prompt and the
        // line being edited to the terminal (standard error), as a person
        // typing needs to see them.
        if !Terminal.outputIsTerminal { clibedit_rl_set_outstream_stderr() }
        // Before libedit initialises (loading the history does), which is
        // when it takes the key reader.
        clibedit_rl_set_getc_function(TerminalKeys.getc)
        history.load()
        TabCompletion.install()
        HistorySearchKey.install()
    }

    var isInteractive: Bool { true }

    func readLine(prompt: String) -> LineInput {
        _ = InterruptSignal.take()
        errno = 0
        guard let raw = readline(prompt) else {
            let interrupted = InterruptSignal.take() || errno == EINTR
            // libedit does not end the line on ^C / ^D; end it where the prompt is.
            (Terminal.outputIsTerminal ? OutputSink.standardOutput() : OutputSink.standardError()).write("\n")
            return interrupted ? .interrupted : .end
        }
        defer { free(raw) }
        let bytes = UnsafeBufferPointer(
            start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), count: strlen(raw))
        guard let text = String(validating: bytes, as: UTF8.self) else { return .unreadable("invalid UTF-8 in input") }
        return .line(text)
    }

    func recordHistory(_ entry: String) {
        guard entry != HistoryFile.entries.last else { return }  // Up-Enter repeats: keep one
        _ = add_history(entry)
        do {
            try history.append(entry)
            lastHistoryWarning = nil
        } catch {
            // Once per reason, not after every statement of a full disk.
            let kept = if case .system = error { " (the file keeps its earlier entries)" } else { "" }
            let warning = "warning: history not saved to \(history.path): \(error)\(kept)"
            if warning != lastHistoryWarning { OutputSink.standardError().writeLine(warning) }
            lastHistoryWarning = warning
        }
    }

    var historyEntries: [String] { HistoryFile.entries }

    func updateCompletion(_ provider: CompletionProvider) { activeCompletionProvider = provider }

    func setPendingLines(_ text: String) { completionEarlierLines = text }
}
