import CLibEdit
import Foundation
import TaskQLShell

#if canImport(Glibc)
    import Glibc
#endif

/// What the process is attached to, decided once at start-up.
enum Terminal {
    /// Whether standard input is an interactive terminal (then libedit is
    /// used; otherwise libedit is never touched).
    static var inputIsInteractive: Bool { isatty(STDIN_FILENO) == 1 }

    /// Whether standard output is a terminal (colour, width fitting).
    static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Columns of the terminal on stdout, else `$COLUMNS`, else nil (a pipe:
    /// tables are not squeezed).
    static func width() -> Int? {
        let columns = clibedit_terminal_columns(STDOUT_FILENO)
        if columns > 0 { return Int(columns) }
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(text), n > 0 { return n }
        return nil
    }

    /// Lines of the terminal on stdout, else `$LINES`, else nil (no pager).
    static func height() -> Int? {
        let rows = clibedit_terminal_rows(STDOUT_FILENO)
        if rows > 0 { return Int(rows) }
        if let text = ProcessInfo.processInfo.environment["LINES"], let n = Int(text), n > 0 { return n }
        return nil
    }

    /// libedit is wide-character inside: without a UTF-8 `LC_CTYPE` it drops
    /// every non-ASCII byte. Take the environment's locale, and when that is
    /// not UTF-8 fall back to `C.UTF-8` (the only UTF-8 locale Debian images
    /// always have).
    static func prepareLocale() {
        setlocale(LC_CTYPE, "")
        if !currentCodesetIsUTF8() {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    static func currentCodesetIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
