/// Loads what a user names on the command line: a dataset file or a
/// document, told apart by content (a dataset file's first non-blank
/// character is `{`; documents never start with one).
package enum DatasetLoader {
    /// The dataset in the file at `path`. A dataset file holding several
    /// datasets loads as one (named after the file; records keep their own
    /// `dataset`); use ``loadAll(path:encoding:aliases:datasetName:)`` to keep
    /// them apart. Documents come with their import report.
    package static func load(
        path: String, encoding: TextEncodingName? = nil, aliases: UnitAliases = .builtIn, datasetName: String? = nil
    ) throws(ImportError) -> (dataset: Dataset, reports: [ImportReport]) {
        let loaded = try loadAll(path: path, encoding: encoding, aliases: aliases, datasetName: datasetName)
        if loaded.datasets.count == 1, var only = loaded.datasets.first {
            if let datasetName { only.name = datasetName }
            return (only, loaded.reports)
        }
        let merged = Dataset(
            name: datasetName ?? DatasetName.fromFile(path), documents: loaded.datasets.flatMap(\.documents),
            records: loaded.datasets.flatMap(\.records))
        return (merged, loaded.reports)
    }

    /// Every dataset in the file at `path` (one for a document).
    package static func loadAll(
        path: String, encoding: TextEncodingName? = nil, aliases: UnitAliases = .builtIn, datasetName: String? = nil
    ) throws(ImportError) -> (datasets: [Dataset], reports: [ImportReport]) {
        try loadAll(
            bytes: try FileBytes.read(path), path: path, encoding: encoding, aliases: aliases, datasetName: datasetName)
    }

    /// ``loadAll(path:encoding:aliases:datasetName:)`` on bytes already read.
    static func loadAll(
        bytes: [UInt8], path: String, encoding: TextEncodingName?, aliases: UnitAliases, datasetName: String?
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
        let document = try DocumentImporter(aliases: aliases).importBytes(
            bytes, file: path, encoding: encoding, datasetName: datasetName)
        return ([document.dataset], [document.report])
    }
}
