import Foundation

/// The five seed documents shipped with the package (resources
/// `seeds/*.txt`), imported on demand: Haimen, Yixing, Huzhou, Taicang and
/// Nantong, one dataset each, named by the city's pinyin.
package enum BundledDatasets {
    /// Paths of the bundled seed documents, in file-name order.
    package static func documentPaths() throws(ImportError) -> [String] {
        guard let url = Bundle.module.url(forResource: "seeds", withExtension: nil) else {
            throw ImportError(
                code: .unreadableFile, file: "seeds",
                message: "the bundled seed documents are missing from the package resources")
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        let paths = names.filter { $0.hasSuffix(".txt") }.sorted().map { url.appendingPathComponent($0).path }
        if paths.isEmpty {
            throw ImportError(code: .unreadableFile, file: url.path, message: "no seed documents in the bundle")
        }
        return paths
    }

    /// The seed datasets.
    package static func load() throws(ImportError) -> [Dataset] {
        try loadWithReports().map(\.dataset)
    }

    /// The seed documents with their import reports.
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
}
