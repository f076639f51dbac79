import Foundation

/// The JSON Lines dataset file (`taskql import … -o FILE.jsonl`).
///
/// Each dataset is a header line followed by one ``TaskRecord`` per line:
///
/// ```
/// {"format":"taskql-dataset","version":1,"dataset":"yixing","records":70,"documents":[{…DocumentInfo…}]}
/// {"id":"yixing-2020-indicator-1","dataset":"yixing","city":"宜兴",…}
/// ```
///
/// Several datasets may follow each other in one file. Every record key is
/// always written (null or `[]` when empty); see Docs/IMPORTING.md.
public enum DatasetFile {
    /// The `version` written in headers; files with a higher version are refused.
    public static let formatVersion: Int = 1
    /// The `format` written in headers.
    public static let formatName = "taskql-dataset"

    struct Header: Codable {
        var format: String
        var version: Int
        var dataset: String
        var records: Int?
        var documents: [DocumentInfo]
    }

    /// Writes `datasets` to `path` (replacing it).
    public static func write(_ datasets: [Dataset], to path: String) throws(ImportError) {
        try FileBytes.write(Array(encode(datasets).utf8), to: path)
    }

    /// The file's text for `datasets`: headers and records, one JSON object per line.
    public static func encode(_ datasets: [Dataset]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var out = ""
        for dataset in datasets {
            let header = Header(
                format: formatName, version: formatVersion, dataset: dataset.name, records: dataset.records.count,
                documents: dataset.documents)
            out += line(header, encoder)
            for record in dataset.records { out += line(record, encoder) }
        }
        return out
    }

    private static func line(_ value: some Encodable, _ encoder: JSONEncoder) -> String {
        // Task records and headers hold only strings, numbers, dates and
        // lists, which always encode.
        guard let data = try? encoder.encode(value) else { return "" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The datasets in the file at `path`.
    public static func read(path: String) throws(ImportError) -> [Dataset] {
        let bytes = try FileBytes.read(path)
        let decoded = try TextDecoder.decode(bytes, file: path, encoding: nil)
        return try decode(decoded.text, file: path)
    }

    /// The datasets in dataset-file text; `file` names it in errors. Lines
    /// before the first header (a plain JSON Lines export of records) form a
    /// dataset named after the file.
    public static func decode(_ text: String, file: String) throws(ImportError) -> [Dataset] {
        var reader = DatasetFileReader(file: file)
        for (index, line) in DocumentLines(file: file, text: text).lines.enumerated() {
            try reader.take(line, number: index + 1)
        }
        return try reader.finish()
    }
}
