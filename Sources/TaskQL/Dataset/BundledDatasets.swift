import Foundation

/// The five seed documents shipped with the package (resources
/// `seeds/*.txt`): Haimen, Yixing, Huzhou, Taicang and Nantong, one dataset
/// each, named by the city's pinyin. They ship imported too, as the dataset
/// file `seeds.jsonl`, so that a start on the bundled data reads columns
/// instead of importing five documents (a test fails when the file and
/// an import of the documents disagree; `TASKQL_RECORD=1` rewrites it).
package enum BundledDatasets {
    /// Paths of the bundled seed documents, in file-name order.
    package static func documentPaths() throws(ImportError) -> [String] {
        let directory = try resource("seeds")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let paths = names.filter { $0.hasSuffix(".txt") }.sorted().map { directory + "/" + $0 }
        if paths.isEmpty {
            throw ImportError(code: .unreadableFile, file: directory, message: "no seed documents in the bundle")
        }
        return paths
    }

    /// Path of `seeds.jsonl`, the seed documents imported.
    package static func datasetFilePath() throws(ImportError) -> String { try resource("seeds.jsonl") }

    /// A builder holding the seed datasets, read from `seeds.jsonl`.
    package static func builder(aliases: UnitAliases) throws(ImportError) -> EngineBuilder {
        var builder = EngineBuilder(aliases: aliases)
        builder.snapshots = .off
        _ = try builder.read(path: try datasetFilePath())
        return builder
    }

    /// The seed datasets.
    package static func load() throws(ImportError) -> [Dataset] {
        try DatasetFile.read(path: try datasetFilePath())
    }

    /// The seed documents imported now, with their import reports (what
    /// `seeds.jsonl` must hold).
    package static func loadWithReports() throws(ImportError) -> [ImportedDocument] {
        let importer = DocumentImporter()
        var documents: [ImportedDocument] = []
        for path in try documentPaths() {
            // Named by base name: the bundle's path differs between machines.
            let name = (path as NSString).lastPathComponent
            documents.append(try importer.importBytes(FileBytes.read(path), file: name))
        }
        return documents
    }

    private static func resource(_ name: String) throws(ImportError) -> String {
        let (base, ext) = ((name as NSString).deletingPathExtension, (name as NSString).pathExtension)
        guard let url = Bundle.module.url(forResource: base, withExtension: ext.isEmpty ? nil : ext) else {
            throw ImportError(
                code: .unreadableFile, file: name, message: "the bundled \(name) is missing from the package resources")
        }
        return url.path
    }
}
