import CLibEdit
import Foundation
import TaskQLShell

#if canImport(Glibc)
    import Glibc
#endif

/// The REPL's persistent history in libedit's own format (see
/// ``HistoryEncoding``), one entry per statement. Saved after every
/// statement through ``FileReplacement``: a complete new file or none, so a
/// full disk, a crash or `kill -9` never loses earlier entries, and a
/// symbolic link, a device or another user's file is never renamed over.
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
    /// Only a regular file is read: a FIFO would block the REPL before its
    /// first prompt, and a device has no end.
    func load() {
        using_history()
        stifle_history(Self.capacity)
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return }
        _ = read_history(path)
    }

    /// Writes the whole history, all or nothing. libedit's `write_history`
    /// is not used: it reports success when its writes failed, and the
    /// empty file it left would replace the good one.
    func save() throws(FileReplacement.Failure) {
        // `--history /dev/null` turns saving off, as HISTFILE=/dev/null does in shells.
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            if String(cString: resolved) == "/dev/null" { return }
        }
        try FileReplacement.replace(path, with: HistoryEncoding.file(Self.entries), mode: 0o600)
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
