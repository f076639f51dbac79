/// Reads a dataset file line by line over its UTF-8 bytes: headers start
/// datasets, other lines are records of the current one, handed to a
/// ``DatasetSink`` as they are read.
struct DatasetFileReader<Sink: DatasetSink> {
    let file: String
    var sink: Sink
    private var header: DatasetFile.Header?
    private var headerLine = 0
    /// Whether the sink has a dataset open.
    private var open = false
    private var recordCount = 0
    private var datasetCount = 0
    /// Bytes after the current line, to bound what a header's count reserves.
    private var remainingBytes = 0

    init(file: String, sink: Sink) {
        self.file = file
        self.sink = sink
    }

    /// Reads a file's UTF-8 bytes (after any byte-order mark; valid UTF-8,
    /// see ``DatasetFile/utf8Body(_:)``) in place into `sink`: no decoded
    /// copy of the whole file is made. Throws on the first bad line (the
    /// sink may then hold part of the file).
    static func read(bytes: [UInt8], file: String, into sink: inout Sink) throws(ImportError) {
        // The sink is moved in and back out: a copy would share its columns
        // and the first record would copy them all.
        var reader = DatasetFileReader(file: file, sink: consume sink)
        let outcome: Result<Void, ImportError> = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(ImportError) in
                try reader.readLines(buffer)
                try reader.finish()
            }
        }
        sink = reader.sink
        try outcome.get()
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
            throw ImportError(
                code: .invalidDatasetFile, file: file, line: number,
                message: "not a JSON object; a dataset file has one per line")
        }
        let line = UnsafeBufferPointer(rebasing: buffer[scanner.i..<end])
        if Self.isHeader(line) {
            let header: DatasetFile.Header
            do {
                header = try DatasetHeaderLine.parse(&scanner)
            } catch {
                throw ImportError(
                    code: .invalidDatasetFile, file: file, line: number,
                    column: Self.column(of: error.column, in: buffer, lineStart: start),
                    message: "not a dataset header: \(error.message)")
            }
            try startDataset(header, number: number)
            return
        }
        do {
            let record = try TaskRecordLine.parse(&scanner)
            if !open {
                // Records before any header (a plain JSON Lines export).
                sink.startDataset(name: record.dataset, documents: [], expectedRecords: nil)
                open = true
            }
            sink.add(record)
            recordCount += 1
        } catch {
            throw ImportError(
                code: .invalidDatasetFile, file: file, line: number,
                column: Self.column(of: error.column, in: buffer, lineStart: start),
                message: "not a task record: \(error.message)")
        }
    }

    /// The 1-based column, in characters, of byte `offset` on the line
    /// starting at byte `lineStart` (valid UTF-8: count the bytes that start one).
    static func column(of offset: Int, in buffer: UnsafeBufferPointer<UInt8>, lineStart: Int) -> Int {
        var column = 1
        for i in lineStart..<min(offset, buffer.count) where buffer[i] & 0xC0 != 0x80 { column += 1 }
        return column
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

    private mutating func startDataset(_ next: DatasetFile.Header, number: Int) throws(ImportError) {
        guard next.format == DatasetFile.formatName else {
            throw ImportError(
                code: .invalidDatasetFile, file: file, line: number, message: "unknown format \"\(next.format)\"")
        }
        guard next.version <= DatasetFile.formatVersion else {
            throw ImportError(
                code: .invalidDatasetFile, file: file, line: number,
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
        let reserve = next.records.map { max(0, min($0, remainingBytes / 100)) }
        sink.startDataset(name: next.dataset, documents: next.documents, expectedRecords: reserve)
        open = true
    }

    mutating func finish() throws(ImportError) {
        try endDataset()
        if datasetCount == 0 {
            throw ImportError(code: .invalidDatasetFile, file: file, message: "the dataset file holds no datasets")
        }
    }

    private mutating func endDataset() throws(ImportError) {
        defer {
            header = nil
            recordCount = 0
        }
        guard open else { return }
        if let expected = header?.records, expected != recordCount {
            throw ImportError(
                code: .invalidDatasetFile, file: file, line: headerLine,
                message: "the header announces \(expected) records but \(recordCount) follow (truncated file?)")
        }
        sink.endDataset()
        open = false
        datasetCount += 1
    }
}

extension DatasetFileReader where Sink == DatasetCollector {
    /// The datasets in `text`.
    static func decode(_ text: String, file: String) throws(ImportError) -> [Dataset] {
        try decode(bytes: Array(text.utf8), file: file)
    }

    /// The datasets in valid UTF-8 bytes (see ``read(bytes:file:into:)``).
    static func decode(bytes: [UInt8], file: String) throws(ImportError) -> [Dataset] {
        var collector = DatasetCollector()
        try read(bytes: bytes, file: file, into: &collector)
        return collector.datasets
    }
}
