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

    /// Adds `entry` to the file, all or nothing: the entries the file has
    /// now (another REPL on the same file may have added some since this
    /// one started), then `entry`, the oldest dropped past ``capacity``.
    /// Two REPLs saving at once take turns on a lock file beside it
    /// (`~/.taskql_history.lock`), so neither overwrites the other's entries.
    /// libedit's `write_history` is not used: it reports success when its
    /// writes failed, and the empty file it left would replace the good one.
    func append(_ entry: String) throws(FileReplacement.Failure) {
        // `--history /dev/null` turns saving off, as HISTFILE=/dev/null does in shells.
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            if String(cString: resolved) == "/dev/null" { return }
        }
        let lock = HistoryLock(path: path + ".lock")
        defer { lock.release() }
        var entries = onFile()
        if entries.last != entry { entries.append(entry) }
        entries.removeFirst(max(0, entries.count - Int(Self.capacity)))
        try FileReplacement.replace(path, with: HistoryEncoding.file(entries), mode: 0o600)
    }

    /// The entries in the file now; none when it is missing or no regular
    /// file (a FIFO would block; FileReplacement then refuses to replace it).
    func onFile() -> [String] {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
            let data = FileManager.default.contents(atPath: path)
        else { return [] }
        return HistoryEncoding.entries(ofFile: Array(data))
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
