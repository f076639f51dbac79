#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a dataset file over its UTF-8 bytes: headers start datasets, other
/// lines are records of the current one.
///
/// A large file is read on every core: its bytes are cut into parts at
/// line ends, each part's lines are parsed at once into a ``DatasetPart``
/// of its own (for an engine, a column store of the part's rows), and the
/// parts are then replayed in file order into the ``DatasetSink``: headers
/// open datasets, each part's rows are added to the dataset open at that
/// point, and the checks that span lines (a header's record count, records
/// before any header) run there. The first bad line in file order is the error, with
/// its line number in the whole file, exactly as a reading from the top
/// would report it; a part stops at its first bad line.
struct DatasetFileReader<Sink: DatasetSink> {
    let file: String
    /// Ctrl-C during `.load` of a large file: every part stops within a
    /// few thousand lines and the read throws `E0404`.
    var cancellation: CancellationHandle? = nil

    /// What one part held: its rows, the runs of them between headers, and
    /// the first bad line (numbers are lines of the part, from 1).
    struct PartRead {
        var part: Sink.Part
        var segments: [Segment] = []
        var failure: ImportError?
        /// Lines read (each part but the last ends at a line end).
        var lines = 0
    }

    /// Rows of a part after a header (or at the part's start, `header` nil:
    /// rows of whatever dataset is open there).
    struct Segment {
        var header: (header: DatasetFile.Header, line: Int)?
        var rows: Range<Int>
        /// The first row's `dataset` key: records before any header form a
        /// dataset of that name (a plain JSON Lines export).
        var firstDataset: String?
    }

    /// Parts at least this large are worth a thread of their own.
    static var minimumPartBytes: Int { 4 << 20 }

    /// Reads a file's UTF-8 bytes (after any byte-order mark; valid UTF-8,
    /// see ``DatasetFile/utf8Body(_:)``) in place into `sink`: no decoded
    /// copy of the whole file is made. `parts` (default: one per core for a
    /// large file) says how many threads parse it. Throws on the first bad
    /// line (the sink may then hold part of the file).
    static func read(
        bytes: [UInt8], file: String, into sink: inout Sink, parts: Int? = nil, cancellation: CancellationHandle? = nil
    ) throws(ImportError) {
        let reader = DatasetFileReader(file: file, cancellation: cancellation)
        let count = parts ?? min(ParallelRows.cores, max(1, bytes.count / minimumPartBytes))
        let reads = bytes.withUnsafeBufferPointer { buffer in
            ParallelRows.map(lineAlignedParts(buffer, count: max(1, count))) { _, range in
                reader.readPart(buffer, range)
            }
        }
        var replay = Replay(file: file)
        try replay.run(reads, into: &sink)
    }

    /// `count` ranges covering `buffer`, each after the first starting just
    /// after a line end (fewer when lines are long or the buffer small).
    static func lineAlignedParts(_ buffer: UnsafeBufferPointer<UInt8>, count: Int) -> [Range<Int>] {
        var starts = [0]
        for p in 1..<max(1, count) {
            let guess = max(starts.last!, buffer.count * p / count)
            guard guess < buffer.count, let newline = Self.lineEnd(buffer, from: guess) else { break }
            if newline + 1 < buffer.count, newline + 1 > starts.last! { starts.append(newline + 1) }
        }
        return starts.indices.map { i in starts[i]..<(i + 1 < starts.count ? starts[i + 1] : buffer.count) }
    }

    /// The index of the first `\n` at or after `from`, if any.
    private static func lineEnd(_ buffer: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < buffer.count, let base = buffer.baseAddress,
            let hit = memchr(base + from, 0x0A, buffer.count - from)
        else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// Parses the lines of `range` into a part.
    func readPart(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> PartRead {
        var read = PartRead(part: Sink.Part(reservingFor: range.count))
        var fields = TaskRecordLine.Fields()
        var start = range.lowerBound
        while start < range.upperBound {
            let end = min(Self.lineEnd(buffer, from: start) ?? range.upperBound, range.upperBound)
            read.lines += 1
            if read.lines & 4095 == 0, cancellation?.isCancelled == true {
                read.failure = ImportError(
                    code: .cancelled, file: file, line: read.lines, message: "loading cancelled")
                break
            }
            do {
                try take(buffer, start, end, number: read.lines, into: &read, fields: &fields)
            } catch {
                read.failure = error
                break
            }
            start = end + 1
        }
        close(&read)
        return read
    }

    private func take(
        _ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, number: Int, into read: inout PartRead,
        fields: inout TaskRecordLine.Fields
    ) throws(ImportError) {
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
            try check(header, line: number)
            close(&read)
            read.segments.append(Segment(header: (header, number), rows: read.part.count..<read.part.count))
            return
        }
        do {
            try TaskRecordLine.parse(&scanner, into: &fields)
        } catch {
            throw ImportError(
                code: .invalidDatasetFile, file: file, line: number,
                column: Self.column(of: error.column, in: buffer, lineStart: start),
                message: "not a task record: \(error.message)")
        }
        if read.segments.isEmpty {
            read.segments.append(
                Segment(
                    header: nil, rows: read.part.count..<read.part.count, firstDataset: fields.string(fields.dataset)))
        }
        read.part.add(fields)
    }

    /// Ends the last segment at the part's current row.
    private func close(_ read: inout PartRead) {
        guard let last = read.segments.indices.last else { return }
        read.segments[last].rows = read.segments[last].rows.lowerBound..<read.part.count
    }

    /// What a header must say to be read: this format, a version not newer.
    private func check(_ header: DatasetFile.Header, line: Int) throws(ImportError) {
        guard header.format == DatasetFile.formatName else {
            throw ImportError(
                code: .invalidDatasetFile, file: file, line: line, message: "unknown format \"\(header.format)\"")
        }
        guard header.version <= DatasetFile.formatVersion else {
            throw ImportError(
                code: .invalidDatasetFile, file: file, line: line,
                message:
                    "dataset format version \(header.version) is newer than this TaskQL reads (\(DatasetFile.formatVersion))"
            )
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

    /// The parts in file order into the sink: what reading from the top
    /// does, over parts already parsed.
    private struct Replay {
        let file: String
        private var header: (header: DatasetFile.Header, line: Int)?
        /// Whether the sink has a dataset open.
        private var open = false
        private var recordCount = 0
        private var datasetCount = 0

        init(file: String) { self.file = file }

        mutating func run(_ reads: consuming [PartRead], into sink: inout Sink) throws(ImportError) {
            var lineOffset = 0
            sink.reserveCapacity(forAdding: reads.map(\.part))
            for k in reads.indices {
                let read = reads[k]
                // The only reference to the part, so the sink can take it.
                var part = read.part
                reads[k].part = Sink.Part(reservingFor: 0)
                for segment in read.segments {
                    if let (next, line) = segment.header {
                        try endDataset(&sink)
                        header = (next, line + lineOffset)
                        sink.startDataset(name: next.dataset, documents: next.documents)
                        open = true
                    } else if !open, let name = segment.firstDataset {
                        sink.startDataset(name: name, documents: [])
                        open = true
                    }
                    sink.add(segment.rows, of: &part)
                    recordCount += segment.rows.count
                }
                if var failure = read.failure {
                    failure.line = failure.line.map { $0 + lineOffset }
                    throw failure
                }
                lineOffset += read.lines
            }
            try endDataset(&sink)
            if datasetCount == 0 {
                throw ImportError(code: .invalidDatasetFile, file: file, message: "the dataset file holds no datasets")
            }
        }

        private mutating func endDataset(_ sink: inout Sink) throws(ImportError) {
            defer {
                header = nil
                recordCount = 0
            }
            guard open else { return }
            if let (header, line) = header, let expected = header.records, expected != recordCount {
                throw ImportError(
                    code: .invalidDatasetFile, file: file, line: line,
                    message: "the header announces \(expected) records but \(recordCount) follow (truncated file?)")
            }
            sink.endDataset()
            open = false
            datasetCount += 1
        }
    }
}

extension DatasetFileReader where Sink == DatasetCollector {
    /// The datasets in `text`.
    static func decode(_ text: String, file: String) throws(ImportError) -> [Dataset] {
        try decode(bytes: Array(text.utf8), file: file)
    }

    /// The datasets in valid UTF-8 bytes (see ``read(bytes:file:into:parts:)``).
    static func decode(bytes: [UInt8], file: String) throws(ImportError) -> [Dataset] {
        var collector = DatasetCollector()
        try read(bytes: bytes, file: file, into: &collector)
        return collector.datasets
    }
}
