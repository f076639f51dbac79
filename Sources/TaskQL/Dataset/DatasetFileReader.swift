import Foundation

/// Reads a dataset file line by line: headers start datasets, other lines
/// are records of the current one. Records are decoded a dataset at a time
/// (as one JSON array) and line by line only to locate an error.
struct DatasetFileReader {
    let file: String
    private var datasets: [Dataset] = []
    private var header: DatasetFile.Header?
    private var headerLine = 0
    private var recordLines: [(number: Int, text: Substring)] = []
    private let decoder = JSONDecoder()

    init(file: String) { self.file = file }

    mutating func take(_ line: String, number: Int) throws(ImportError) {
        let trimmed = LineText.trimmed(line)
        if trimmed.isEmpty { return }
        guard trimmed.hasPrefix("{") else {
            throw ImportError(file: file, line: number, message: "not a JSON object; a dataset file has one per line")
        }
        if trimmed.contains("\"format\"") && trimmed.contains(DatasetFile.formatName),
            let next = try? decoder.decode(DatasetFile.Header.self, from: Data(trimmed.utf8))
        {
            guard next.version <= DatasetFile.formatVersion else {
                throw ImportError(
                    file: file, line: number,
                    message: "dataset format version \(next.version) is newer than this TaskQL reads (\(DatasetFile.formatVersion))")
            }
            try endDataset()
            header = next
            headerLine = number
        } else {
            recordLines.append((number, Substring(trimmed)))
        }
    }

    mutating func finish() throws(ImportError) -> [Dataset] {
        try endDataset()
        if datasets.isEmpty { throw ImportError(file: file, message: "the dataset file holds no datasets") }
        return datasets
    }

    private mutating func endDataset() throws(ImportError) {
        defer { recordLines = [] }
        guard header != nil || !recordLines.isEmpty else { return }
        let records = try decodeRecords()
        if let header {
            if let expected = header.records, expected != records.count {
                throw ImportError(
                    file: file, line: headerLine,
                    message: "the header announces \(expected) records but \(records.count) follow (truncated file?)")
            }
            datasets.append(Dataset(name: header.dataset, documents: header.documents, records: records))
        } else {
            let stem = RecordAssembler.stem(RecordAssembler.baseName(file))
            datasets.append(Dataset(name: records.first?.dataset ?? stem, documents: [], records: records))
        }
    }

    private func decodeRecords() throws(ImportError) -> [TaskRecord] {
        if recordLines.isEmpty { return [] }
        var joined = "["
        joined.reserveCapacity(recordLines.reduce(2) { $0 + $1.text.utf8.count + 1 })
        for (i, line) in recordLines.enumerated() {
            if i > 0 { joined += "," }
            joined += line.text
        }
        joined += "]"
        if let records = try? decoder.decode([TaskRecord].self, from: Data(joined.utf8)) { return records }
        for (number, text) in recordLines {
            do {
                _ = try decoder.decode(TaskRecord.self, from: Data(text.utf8))
            } catch {
                throw ImportError(file: file, line: number, message: "not a task record: \(Self.describe(error))")
            }
        }
        throw ImportError(file: file, message: "the records cannot be decoded")
    }

    static func describe(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _): return "missing key \"\(key.stringValue)\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "wrong type at \"\(path)\""
        case .dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? "invalid JSON" : "invalid value at \"\(path)\": \(context.debugDescription)"
        default: return "invalid JSON"
        }
    }
}
