#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The JSON Lines dataset file (`taskql import … -o FILE.jsonl`).
///
/// Each dataset is a header line followed by one ``TaskRecord`` per line:
///
/// ```
/// {"format":"taskql-dataset","version":1,"dataset":"yixing","records":70,"documents":[{"file":…}]}
/// {"id":"yixing-2020-indicator-1","dataset":"yixing","city":"宜兴",…}
/// ```
///
/// Several datasets may follow each other in one file. Every record key is
/// always written (null or `[]` when empty); see Docs/IMPORTING.md.
package enum DatasetFile {
    /// The `version` written in headers; files with a higher version are refused.
    package static let formatVersion: Int = 1
    /// The `format` written in headers.
    package static let formatName = "taskql-dataset"

    struct Header {
        var format: String
        var version: Int
        var dataset: String
        var records: Int?
        var documents: [DocumentInfo]
    }

    /// Writes `datasets` to `path` (replacing it).
    package static func write(_ datasets: [Dataset], to path: String) throws(ImportError) {
        try FileBytes.write(Array(encode(datasets).utf8), to: path)
    }

    /// The file's text for `datasets`: headers and records, one JSON object per line.
    package static func encode(_ datasets: [Dataset]) -> String {
        var out = ""
        for dataset in datasets {
            JSONLineWriter.header(dataset, into: &out)
            for record in dataset.records { JSONLineWriter.record(record, into: &out) }
        }
        return out
    }

    /// The datasets in the file at `path`.
    package static func read(path: String) throws(ImportError) -> [Dataset] {
        let bytes = try FileBytes.read(path)
        if let body = utf8Body(bytes) { return try DatasetFileReader<DatasetCollector>.decode(bytes: body, file: path) }
        let decoded = try TextDecoder.decode(bytes, file: path, encoding: nil)
        return try decode(decoded.text, file: path)
    }

    /// The bytes after a UTF-8 byte-order mark when they are a dataset file
    /// in valid UTF-8 (first non-blank byte `{`, no NUL byte) and `encoding`
    /// allows UTF-8, which is read as bytes in place; nil otherwise:
    /// documents, and files in other encodings or with bad bytes, go through
    /// ``TextDecoder``, which decodes them or names the offending byte.
    static func utf8Body(_ bytes: [UInt8], encoding: TextEncodingName? = nil) -> [UInt8]? {
        guard encoding == nil || encoding == .utf8 else { return nil }
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard let first = bytes[bom...].first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }),
            first == 0x7B
        else { return nil }
        let valid = bytes.withUnsafeBufferPointer { all in
            let body = UnsafeBufferPointer(rebasing: all[bom...])
            guard let start = body.baseAddress else { return false }
            return memchr(start, 0, body.count) == nil && UTF8Check.isValid(body)
        }
        guard valid else { return nil }
        return bom == 0 ? bytes : Array(bytes[bom...])
    }

    /// The datasets in dataset-file text; `file` names it in errors. Lines
    /// before the first header (a plain JSON Lines export of records) form a
    /// dataset named after the file.
    package static func decode(_ text: String, file: String) throws(ImportError) -> [Dataset] {
        try DatasetFileReader<DatasetCollector>.decode(text, file: file)
    }
}
