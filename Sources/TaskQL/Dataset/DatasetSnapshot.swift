import SystemPackage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Snapshots of loaded dataset files (``SnapshotFile``): a large dataset
/// file `FILE.jsonl` gets `FILE.jsonl.tqsnap` beside it the first time it is
/// loaded, and later loads read that instead while it was made from the
/// file as it is now (same size and hash; an unchanged modification time
/// spares rehashing the file). A snapshot that is stale, damaged or of
/// another version is ignored and rewritten; a file of that name that is
/// not a snapshot is never replaced. A snapshot named directly
/// (`taskql FILE.tqsnap`) is a dataset file of its own.
enum DatasetSnapshot {
    static let fileExtension = "tqsnap"
    /// Smaller dataset files load in milliseconds: no snapshot beside them.
    static let minimumSourceSize = 4 << 20

    /// Where the snapshot of the dataset file at `source` goes.
    static func path(besides source: String) -> String { source + "." + fileExtension }

    /// What was loaded from a snapshot: the builder's table and catalog.
    struct Contents {
        var table: TaskTable
        var catalog: [DatasetEntry]
    }

    /// Writes `contents` as a snapshot to `path`, made from `source` (nil:
    /// from memory). Replaces `path` atomically.
    static func write(_ contents: Contents, source: SnapshotFile.Source?, to path: String) throws(ImportError) {
        var catalog = ""
        for entry in contents.catalog {
            let rows = (contents.table.datasetRows[entry.name] ?? []).reduce(0) { $0 + $1.count }
            JSONLineWriter.header(name: entry.name, records: rows, documents: entry.documents, into: &catalog)
        }
        try FileBytes.write(to: path, durable: false) { fd in
            var writer = SnapshotWriter(fd: fd)
            try writer.section(Array(catalog.utf8))
            try contents.table.write(to: &writer)
            try writer.finish(source: source)
        }
    }

    /// The snapshot at `path`, checked through and through, with its header.
    static func read(path: String) throws(SnapshotError) -> (header: SnapshotFile.Header, contents: Contents) {
        var reader = try SnapshotReader(path: path)
        return (reader.header, try contents(of: &reader))
    }

    /// The sections of an opened snapshot, checked through and through.
    private static func contents(of reader: inout SnapshotReader) throws(SnapshotError) -> Contents {
        let catalogBytes = try reader.array(of: UInt8.self)
        let table = try TaskTable(reading: &reader)
        try reader.finish()
        let catalog = try entries(catalogBytes)
        guard Set(catalog.map(\.name)) == Set(table.datasetRows.keys), Set(catalog.map(\.name)).count == catalog.count
        else { throw SnapshotError("the catalog does not name the table's datasets") }
        return Contents(table: table, catalog: catalog)
    }

    /// The snapshot beside the dataset file at `source` when it was made
    /// from that file as it is now; nil when there is none or it is not usable.
    static func read(besides source: String) -> Contents? {
        // The header first: a stale snapshot is known without reading its columns.
        guard let current = try? sourceStatus(source), current.size >= minimumSourceSize,
            var reader = try? SnapshotReader(path: path(besides: source)), let made = reader.header.source,
            made.size == current.size
        else { return nil }
        if !made.hasSameModificationTime(as: current) {
            // Touched, copied or rewritten: the same bytes still do.
            guard let bytes = try? FileBytes.read(source), bytes.withUnsafeBytes(ContentHash.of) == made.hash
            else { return nil }
        }
        return try? contents(of: &reader)
    }

    /// Writes the snapshot beside `source` (whose bytes, read when its
    /// status was `status`, are `bytes`), when the file is large enough and
    /// the name is free or holds a snapshot. Failing to (a read-only
    /// directory, a full disk) only costs the next load its speed.
    static func writeBeside(_ contents: Contents, source: String, status: SnapshotFile.Source, bytes: [UInt8]) {
        guard status.size >= minimumSourceSize, status.size == UInt64(bytes.count) else { return }
        let path = path(besides: source)
        if access(path, F_OK) == 0, !SnapshotFile.hasMagic(path) { return }
        var made = status
        made.hash = bytes.withUnsafeBytes(ContentHash.of)
        try? write(contents, source: made, to: path)
    }

    /// The size and modification time of the file at `path` (no hash yet).
    static func sourceStatus(_ path: String) throws(Errno) -> SnapshotFile.Source {
        var info = stat()
        guard stat(path, &info) == 0 else { throw Errno(rawValue: errno) }
        return SnapshotFile.Source(
            size: UInt64(info.st_size), modifiedSeconds: Int64(info.st_mtim.tv_sec),
            modifiedNanoseconds: Int64(info.st_mtim.tv_nsec), hash: 0)
    }

    /// The catalog section: one dataset header line per entry.
    private static func entries(_ bytes: [UInt8]) throws(SnapshotError) -> [DatasetEntry] {
        var entries: [DatasetEntry] = []
        let outcome: Result<Void, SnapshotError> = bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < buffer.count {
                var end = start
                while end < buffer.count, buffer[end] != 0x0A { end += 1 }
                var scanner = JSONScanner(buffer, from: start, to: end)
                guard let header = try? DatasetHeaderLine.parse(&scanner) else {
                    return .failure(SnapshotError("the catalog is not valid"))
                }
                entries.append(DatasetEntry(name: header.dataset, documents: header.documents))
                start = end + 1
            }
            return .success(())
        }
        try outcome.get()
        return entries
    }
}
