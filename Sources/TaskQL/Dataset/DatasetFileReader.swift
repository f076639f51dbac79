import Foundation

/// Reads a dataset file line by line over its UTF-8 bytes: headers start
/// datasets, other lines are records of the current one.
struct DatasetFileReader {
    let file: String
    private var datasets: [Dataset] = []
    private var header: DatasetFile.Header?
    private var headerLine = 0
    private var records: [TaskRecord] = []
    private var sawRecordsWithoutHeader = false
    /// Bytes after the current line, to bound what a header's count reserves.
    private var remainingBytes = 0

    init(file: String) { self.file = file }

    /// The datasets in `text`.
    static func decode(_ text: String, file: String) throws(ImportError) -> [Dataset] {
        try decode(bytes: Array(text.utf8), file: file)
    }

    /// The datasets in a file's UTF-8 bytes (after any byte-order mark),
    /// read in place: no decoded copy of the whole file is made, and each
    /// string is checked for valid UTF-8 as it is read.
    static func decode(bytes: [UInt8], file: String) throws(ImportError) -> [Dataset] {
        var reader = DatasetFileReader(file: file)
        let outcome: Result<[Dataset], ImportError> = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(ImportError) in
                try reader.readLines(buffer)
                return try reader.finish()
            }
        }
        return try outcome.get()
    }

    private mutating func readLines(_ buffer: UnsafeBufferPointer<UInt8>) throws(ImportError) {
        var start = 0
        var number = 0
        while start < buffer.count {
            var end = start
            while end < buffer.count, buffer[end] != 0x0A { end += 1 }
            number += 1
            try take(buffer, start, end, number: number)
            start = end + 1
            remainingBytes = buffer.count - start
        }
    }

    private mutating func take(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, number: Int)
        throws(ImportError)
    {
        var scanner = JSONScanner(buffer, from: start, to: end)
        scanner.skipSpace()
        if scanner.atEnd { return }
        guard buffer[scanner.i] == 0x7B else {
            throw ImportError(file: file, line: number, message: "not a JSON object; a dataset file has one per line")
        }
        let line = UnsafeBufferPointer(rebasing: buffer[scanner.i..<end])
        if Self.isHeader(line) {
            try startDataset(Data(line), number: number)
            return
        }
        do {
            records.append(try TaskRecordLine.parse(&scanner))
            if header == nil { sawRecordsWithoutHeader = true }
        } catch {
            throw ImportError(
                file: file, line: number,
                message: "not a task record: \(error.message) (byte \(error.column - start + 1) of the line)")
        }
    }

    /// A header line names the format: `{"format":"taskql-dataset",…`.
    static func isHeader(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let marker = Array("\"format\"".utf8)
        guard line.count > marker.count else { return false }
        for i in 1..<min(line.count - marker.count, 8) where line[i] == 0x22 {
            if (0..<marker.count).allSatisfy({ line[i + $0] == marker[$0] }) { return true }
        }
        return false
    }

    private mutating func startDataset(_ data: Data, number: Int) throws(ImportError) {
        let next: DatasetFile.Header
        do {
            next = try JSONDecoder().decode(DatasetFile.Header.self, from: data)
        } catch {
            throw ImportError(file: file, line: number, message: "not a dataset header: \(error)")
        }
        guard next.format == DatasetFile.formatName else {
            throw ImportError(file: file, line: number, message: "unknown format \"\(next.format)\"")
        }
        guard next.version <= DatasetFile.formatVersion else {
            throw ImportError(
                file: file, line: number,
                message:
                    "dataset format version \(next.version) is newer than this TaskQL reads (\(DatasetFile.formatVersion))"
            )
        }
        try endDataset()
        header = next
        headerLine = number
        // The header says how many records follow: one allocation instead of
        // repeated doubling (bounded by what the rest of the file can hold,
        // so a wrong count cannot reserve gigabytes).
        if let expected = next.records { records.reserveCapacity(max(0, min(expected, remainingBytes / 100))) }
    }

    mutating func finish() throws(ImportError) -> [Dataset] {
        try endDataset()
        if datasets.isEmpty { throw ImportError(file: file, message: "the dataset file holds no datasets") }
        return datasets
    }

    private mutating func endDataset() throws(ImportError) {
        defer { records = [] }
        if let header {
            if let expected = header.records, expected != records.count {
                throw ImportError(
                    file: file, line: headerLine,
                    message: "the header announces \(expected) records but \(records.count) follow (truncated file?)")
            }
            datasets.append(Dataset(name: header.dataset, documents: header.documents, records: records))
        } else if sawRecordsWithoutHeader {
            datasets.append(Dataset(name: records.first?.dataset ?? DatasetName.fromFile(file), documents: [], records: records))
        }
    }
}
