import Foundation

/// File names for `.load`, `.read`, `.output` and `.once`, as a shell
/// completes them: relative to the working directory, absolute, or from
/// `~/`; a directory ends in `/` so Tab goes on into it; hidden files only
/// when the typed name starts with `.`; a name with a space comes quoted
/// (`"进度 表.docx"`), as dot-commands read it.
package enum FileNameCompletion {
    /// Paths continuing `typed`, spelled as typed (`~/` kept).
    package static func candidates(_ typed: String, home: String? = ProcessInfo.processInfo.environment["HOME"])
        -> [String]
    {
        let unquoted = typed.hasPrefix("\"") ? String(typed.dropFirst()) : typed
        let slash = unquoted.lastIndex(of: "/")
        let directoryPart = slash.map { String(unquoted[...$0]) } ?? ""
        let namePrefix = slash.map { String(unquoted[unquoted.index(after: $0)...]) } ?? unquoted
        var directory = directoryPart.isEmpty ? "." : directoryPart
        if directory.hasPrefix("~/"), let home { directory = home + directory.dropFirst() }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.filter { $0.hasPrefix(namePrefix) && ($0.hasPrefix(".") == namePrefix.hasPrefix(".")) }
            .sorted().prefix(500).map { name in
                var isDirectory: ObjCBool = false
                let full = (directory as NSString).appendingPathComponent(name)
                FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory)
                let path = directoryPart + name + (isDirectory.boolValue ? "/" : "")
                // A directory stays open for the next Tab; a file with a space is quoted whole.
                return path.contains(" ") ? "\"" + path + (isDirectory.boolValue ? "" : "\"") : path
            }
    }
}
