import Foundation

/// The one place that decides what a path is (the load rule's first point,
/// see ``EngineBuilder/load(_:encoding:datasetName:whenNameIsTaken:)``): a
/// directory of files, a dataset file or a document, told apart by content
/// (a dataset file's first non-blank character is `{`; documents never start
/// with one), a document's front-end by its first bytes, then its name.
package enum DatasetLoader {
    /// Names a directory's files must end in to be loaded from it: the
    /// documents the front-ends read and dataset files. Anything else
    /// (images, spreadsheets, notes) is skipped, not an error.
    static let loadableExtensions: Set<String> = [
        "txt", "text", "html", "htm", "shtml", "xhtml", "docx", "doc", "wps", "pdf", "jsonl", "json",
    ]
    /// How deep into subdirectories a directory load looks (a province's
    /// folder of cities of years is three).
    static let maximumDirectoryDepth = 8

    /// The files a path names: itself, or for a directory the loadable
    /// files in it and its subdirectories, sorted by path. Hidden entries
    /// (`.git`, `.DS_Store`) and links to directories are skipped, so a link
    /// cycle cannot loop. A directory with no loadable file is an error.
    package static func files(at path: String) throws(ImportError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return [path]  // a file, or nothing: reading it gives the system's own error
        }
        var found: [String] = []
        try collect(directory: path, depth: 0, into: &found)
        guard !found.isEmpty else {
            let kinds = loadableExtensions.sorted().map { ".\($0)" }.joined(separator: " ")
            throw ImportError(
                code: .unreadableFile, file: path, message: "the directory holds no document or dataset file (\(kinds))"
            )
        }
        return found
    }

    private static func collect(directory: String, depth: Int, into found: inout [String]) throws(ImportError) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw ImportError(
                code: .unreadableFile, file: directory,
                message: "cannot list the directory: \(error.localizedDescription)")
        }
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = base + name
            guard let type = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
            else { continue }
            let loadable = loadableExtensions.contains((name as NSString).pathExtension.lowercased())
            switch type {
            case .typeDirectory where depth < maximumDirectoryDepth:
                try collect(directory: path, depth: depth + 1, into: &found)
            case .typeRegular where loadable:
                found.append(path)
            case .typeSymbolicLink where loadable:
                // A link is followed when it names a file; one to a
                // directory, or to nothing, is skipped.
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    found.append(path)
                }
            default: continue
            }
        }
    }

    /// Every dataset in the file at `path` (one for a document).
    package static func loadAll(
        path: String, encoding: TextEncodingName? = nil, datasetName: String? = nil
    ) throws(ImportError) -> (datasets: [Dataset], reports: [ImportReport]) {
        try loadAll(
            bytes: try FileBytes.read(path), path: path, encoding: encoding, datasetName: datasetName)
    }

    /// ``loadAll(path:encoding:datasetName:)`` on bytes already read.
    static func loadAll(
        bytes: [UInt8], path: String, encoding: TextEncodingName?, datasetName: String?
    ) throws(ImportError) -> (datasets: [Dataset], reports: [ImportReport]) {
        if let body = DatasetFile.utf8Body(bytes, encoding: encoding) {
            return (try DatasetFileReader<DatasetCollector>.decode(bytes: body, file: path), [])
        }
        if DocumentFormat.detect(bytes, file: path) == .text {
            let decoded = try TextDecoder.decode(bytes, file: path, encoding: encoding)
            if decoded.text.first(where: { !LineText.isSpace($0) && $0 != "\n" && $0 != "\r" }) == "{" {
                return (try DatasetFile.decode(decoded.text, file: path), [])
            }
        }
        // Documents of every format (text, .docx, .html …) go through the
        // importer, which picks the front-end.
        let document = try DocumentImporter().importBytes(
            bytes, file: path, encoding: encoding, datasetName: datasetName)
        return ([document.dataset], [document.report])
    }
}
