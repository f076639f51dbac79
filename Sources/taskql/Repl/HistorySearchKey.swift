import CLibEdit
import TaskQL
import TaskQLShell

#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-R in the REPL: ``HistorySearch`` driven from libedit. The key is
/// bound to a function of ours that reads the keys of the search itself
/// (``TerminalKeys``), draws readline's `(reverse-i-search)'…': ` line, and
/// leaves the entry found on the line: Enter runs it, an arrow or another
/// control key keeps it for editing, Escape or Ctrl-G goes back to what was
/// typed, Ctrl-C cancels the line.
enum HistorySearchKey {
    /// Ctrl-E, handed back to libedit after the search: its cursor does not
    /// follow `rl_point`, and the entry is edited from its end.
    static let moveToEnd: Int32 = 0x05

    /// Binds Ctrl-R; libedit must be initialised (the history loaded).
    static func install() {
        _ = rl_add_defun("taskql-reverse-search", search, 0x12)
    }

    static let search: @convention(c) (Int32, Int32) -> Int32 = { _, _ in
        let original = clibedit_rl_line_buffer().map { String(cString: $0) } ?? ""
        var state = HistorySearch(entries: HistoryFile.entries, originalLine: original)
        HistorySearchKey.draw(state)
        while let key = TerminalKeys.readScalar() {
            switch key.value {
            case 0x12: state.older()
            case 0x7F, 0x08: state.deleteBackward()
            case 0x0D, 0x0A:
                HistorySearchKey.finish(with: state.line)
                TerminalKeys.pushedBack = 0x0A
                return 0
            case 0x07:
                HistorySearchKey.finish(with: original)
                return 0
            case 0x1B:
                // Escape alone goes back; an arrow key (ESC [ A …) ends the
                // search on the entry, its bytes swallowed.
                let sequence = TerminalKeys.moreInput(within: 40)
                if sequence { HistorySearchKey.swallowEscapeSequence() }
                HistorySearchKey.finish(with: sequence ? state.line : original)
                TerminalKeys.pushedBack = HistorySearchKey.moveToEnd
                return 0
            case 0..<0x20:
                HistorySearchKey.finish(with: state.line)
                TerminalKeys.pushedBack = HistorySearchKey.moveToEnd
                return 0
            default:
                state.type(String(key))
            }
            HistorySearchKey.draw(state)
        }
        // The read was interrupted (Ctrl-C) or input ended: libedit ends
        // the line, and the REPL sees the interrupt as it always does.
        HistorySearchKey.finish(with: original)
        TerminalKeys.pushedBack = -1
        return 0
    }

    /// Where the prompt is: standard output, or standard error when it is
    /// a pipe (`taskql | tee log`).
    static var terminal: OutputSink {
        Terminal.outputIsTerminal ? .standardOutput() : .standardError()
    }

    /// The search line over the prompt line: the prompt, then the entry on
    /// one line (line breaks as ↵), cut to the terminal's width.
    static func draw(_ state: HistorySearch) {
        let width = Int(clibedit_terminal_columns(Terminal.outputIsTerminal ? STDOUT_FILENO : STDERR_FILENO))
        let shown = state.line.replacing("\n", with: "↵")
        let room = max(0, (width > 0 ? width : 80) - 1 - DisplayWidth.of(state.prompt))
        var cut = ""
        for character in shown {
            if DisplayWidth.of(cut + String(character)) > room { break }
            cut.append(character)
        }
        terminal.write("\r\u{1B}[K" + state.prompt + cut)
    }

    /// Puts `line` on libedit's line and redraws the prompt over the search line.
    static func finish(with line: String) {
        if line.isEmpty {
            _ = rl_delete_text(0, clibedit_rl_end())
        } else {
            rl_replace_line(line, 0)
        }
        terminal.write("\r\u{1B}[K")
        rl_forced_update_display()
    }

    /// The rest of an escape sequence after ESC: `[` or `O`, parameters,
    /// then one final byte (@ to ~).
    static func swallowEscapeSequence() {
        guard let introducer = TerminalKeys.readScalar(), introducer == "[" || introducer == "O" else { return }
        while TerminalKeys.moreInput(within: 40), let key = TerminalKeys.readScalar() {
            if (0x40...0x7E).contains(key.value) { return }
        }
    }
}
