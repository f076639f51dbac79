import CLibEdit
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The REPL's persistent history in libedit's own format (`_HiStOrY_V2_`,
/// vis(3)-encoded lines), one entry per statement. Saved after every
/// statement by writing a temporary file, `fsync`ing it and renaming it
/// over the old one, so a crash or `kill -9` never loses earlier entries
/// and never leaves a half-written file.
struct HistoryFile {
    /// Most entries kept.
    static let capacity: Int32 = 2000

    let path: String

    /// `--history`, else `$TASKQL_HISTORY`, else `~/.taskql_history`.
    static func path(option: String?) -> String {
        if let option { return option }
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["TASKQL_HISTORY"], !path.isEmpty { return path }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.taskql_history"
    }

    /// Loads the file into libedit's history (a missing file is fine).
    func load() {
        using_history()
        stifle_history(Self.capacity)
        _ = read_history(path)
    }

    /// Writes the whole history atomically; false (and a message) on failure.
    @discardableResult
    func save() -> Bool {
        let temporary = path + ".tmp.\(getpid())"
        guard write_history(temporary) == 0 else {
            unlink(temporary)
            return false
        }
        chmod(temporary, 0o600)
        let fd = open(temporary, O_RDONLY)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
        return rename(temporary, path) == 0
    }

    /// Entries in memory, oldest first.
    static var entries: [String] {
        let base = clibedit_history_base()
        return (0..<clibedit_history_length()).compactMap { offset in
            guard let entry = history_get(base + offset), let line = entry.pointee.line else { return nil }
            return String(cString: line)
        }
    }
}
