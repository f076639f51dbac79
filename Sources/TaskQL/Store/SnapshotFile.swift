import SystemPackage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The binary snapshot file: a loaded table's columns as they are in
/// memory, so that reopening a large dataset reads arrays instead of
/// parsing JSON (see Docs/SNAPSHOTS.md).
///
/// A 64-byte header, then sections, each its byte count and
/// ``ContentHash`` (two little-endian `UInt64`s) followed by its bytes:
///
/// | bytes | header field |
/// |---|---|
/// | 0–7 | magic `\x89TQSNP\r\n` |
/// | 8–11 | format version (``version``) |
/// | 12–15 | number of sections |
/// | 16–23 | source file size (0 when written from memory) |
/// | 24–39 | source modification time: seconds, nanoseconds |
/// | 40–47 | source hash (``ContentHash`` of its bytes) |
/// | 48–55 | 1 when the snapshot has a source file |
/// | 56–63 | hash of bytes 0–55 |
///
/// The sections are read into arrays with `pread`, not memory-mapped: a
/// mapped file that another program truncates kills the reading process
/// with SIGBUS, and the library runs inside other people's programs.
enum SnapshotFile {
    static let magic: [UInt8] = [0x89, 0x54, 0x51, 0x53, 0x4E, 0x50, 0x0D, 0x0A]
    /// Bumped whenever the sections or their meaning change; a snapshot
    /// of another version is not read (a dataset file beside it is
    /// reread and the snapshot rewritten).
    static let version: UInt32 = 2
    static let headerSize = 64

    /// The file a snapshot was made from, as it was then.
    struct Source: Equatable {
        var size: UInt64
        var modifiedSeconds: Int64
        var modifiedNanoseconds: Int64
        var hash: UInt64

        /// Whether `other` is the same file unchanged: same size and hash
        /// (the times only save rehashing, see ``DatasetSnapshot``).
        func hasSameModificationTime(as other: Source) -> Bool {
            modifiedSeconds == other.modifiedSeconds && modifiedNanoseconds == other.modifiedNanoseconds
        }
    }

    struct Header {
        var sections: UInt32
        var source: Source?

        var bytes: [UInt8] {
            var out = magic
            func put<T: FixedWidthInteger>(_ value: T) {
                withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
            }
            put(version)
            put(sections)
            put(source?.size ?? 0)
            put(source?.modifiedSeconds ?? 0)
            put(source?.modifiedNanoseconds ?? 0)
            put(source?.hash ?? 0)
            put(UInt64(source == nil ? 0 : 1))
            put(out.withUnsafeBytes { ContentHash.of($0) })
            return out
        }

        /// The header in `bytes` (64 of them), or why it is not one.
        init(parsing bytes: [UInt8]) throws(SnapshotError) {
            guard bytes.count == headerSize, bytes.starts(with: magic) else {
                throw SnapshotError("not a TaskQL snapshot (no snapshot header)")
            }
            func get<T: FixedWidthInteger>(_ offset: Int, as _: T.Type) -> T {
                bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
            }
            let check = bytes.withUnsafeBytes { ContentHash.of(UnsafeRawBufferPointer(rebasing: $0[..<56])) }
            guard get(56, as: UInt64.self) == check else { throw SnapshotError("the snapshot header is damaged") }
            let found = get(8, as: UInt32.self)
            guard found == version else {
                throw SnapshotError("snapshot format version \(found); this TaskQL reads version \(version)")
            }
            sections = get(12, as: UInt32.self)
            source =
                get(48, as: UInt64.self) == 0
                ? nil
                : Source(
                    size: get(16, as: UInt64.self), modifiedSeconds: get(24, as: Int64.self),
                    modifiedNanoseconds: get(32, as: Int64.self), hash: get(40, as: UInt64.self))
        }

        init(sections: UInt32, source: Source?) {
            self.sections = sections
            self.source = source
        }
    }

    /// Whether the file at `path` is a regular file that starts with the
    /// snapshot magic. (Only regular files are opened: reading the first
    /// bytes of a pipe would take them from the loader.)
    static func hasMagic(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
            let fd = try? FileDescriptor.open(FilePath(path), .readOnly)
        else { return false }
        defer { try? fd.close() }
        var first = [UInt8](repeating: 0, count: magic.count)
        let n = (try? first.withUnsafeMutableBytes { try fd.read(fromAbsoluteOffset: 0, into: $0) }) ?? 0
        return n == magic.count && first == magic
    }
}

/// Why a snapshot could not be read: damaged, truncated, of another
/// version, or not one.
struct SnapshotError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// Writes a snapshot's sections to an open file, then its header.
struct SnapshotWriter {
    let fd: FileDescriptor
    private var offset = Int64(SnapshotFile.headerSize)
    private var sections: UInt32 = 0

    init(fd: FileDescriptor) { self.fd = fd }

    /// Appends one section: an array's elements as they are in memory.
    mutating func section<Element: BitwiseCopyable>(_ array: [Element]) throws {
        try array.withUnsafeBytes { bytes in try section(bytes) }
    }

    mutating func section(_ bytes: UnsafeRawBufferPointer) throws {
        var prefix: [UInt8] = []
        for value in [UInt64(bytes.count), ContentHash.of(bytes)] {
            withUnsafeBytes(of: value.littleEndian) { prefix.append(contentsOf: $0) }
        }
        try prefix.withUnsafeBytes { try write($0) }
        try write(bytes)
        sections += 1
    }

    /// Writes the header, last, so that a snapshot cut short by a crash has
    /// none (and the temporary file it is in is never renamed anyway).
    func finish(source: SnapshotFile.Source?) throws {
        let header = SnapshotFile.Header(sections: sections, source: source).bytes
        _ = try header.withUnsafeBytes { b in try fd.writeAll(toAbsoluteOffset: 0, b) }
    }

    private mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
        _ = try fd.writeAll(toAbsoluteOffset: offset, bytes)
        offset += Int64(bytes.count)
    }
}

/// Reads a snapshot's sections in order, each checked against its hash
/// and the file's size before anything is allocated for it.
struct SnapshotReader: ~Copyable {
    private let fd: FileDescriptor
    private let size: Int
    private var offset = SnapshotFile.headerSize
    private var sectionsLeft: UInt32
    let header: SnapshotFile.Header

    /// Opens `path` and reads its header.
    init(path: String) throws(SnapshotError) {
        let fd: FileDescriptor
        do {
            fd = try FileDescriptor.open(FilePath(path), .readOnly)
        } catch {
            throw SnapshotError("cannot open the snapshot: \(error)")
        }
        var info = stat()
        guard fstat(fd.rawValue, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            try? fd.close()
            throw SnapshotError("not a regular file")
        }
        var bytes = [UInt8](repeating: 0, count: SnapshotFile.headerSize)
        let n = (try? bytes.withUnsafeMutableBytes { try fd.read(fromAbsoluteOffset: 0, into: $0) }) ?? 0
        let header: SnapshotFile.Header
        do {
            header = try SnapshotFile.Header(parsing: Array(bytes[..<n]))
        } catch {
            try? fd.close()
            throw error
        }
        // Every stored property at once: a noncopyable value cannot be
        // left half-initialised on a path that throws.
        self.fd = fd
        size = Int(info.st_size)
        self.header = header
        sectionsLeft = header.sections
    }

    deinit { try? fd.close() }

    /// The next section as an array of `Element`.
    mutating func array<Element: BitwiseCopyable>(of _: Element.Type) throws(SnapshotError) -> [Element] {
        guard sectionsLeft > 0 else { throw SnapshotError("the snapshot has fewer sections than this TaskQL reads") }
        sectionsLeft -= 1
        let prefix: [UInt64] = try read(count: 2)
        let (byteCount, hash) = (UInt64(littleEndian: prefix[0]), UInt64(littleEndian: prefix[1]))
        let stride = MemoryLayout<Element>.stride
        guard byteCount <= UInt64(size - offset), Int(byteCount) % stride == 0 else {
            throw SnapshotError("a section runs past the end of the file (truncated?) at byte \(offset - 16)")
        }
        let start = offset
        let array: [Element] = try read(count: Int(byteCount) / stride)
        guard ContentHash.of(array) == hash else {
            throw SnapshotError("the section at byte \(start - 16) is damaged (its hash does not match)")
        }
        return array
    }

    /// Checks that every section was read and nothing follows them.
    func finish() throws(SnapshotError) {
        guard sectionsLeft == 0, offset == size else {
            throw SnapshotError("the snapshot has more in it than this TaskQL reads")
        }
    }

    private mutating func read<Element: BitwiseCopyable>(count: Int) throws(SnapshotError) -> [Element] {
        let byteCount = count * MemoryLayout<Element>.stride
        guard byteCount <= size - offset else {
            throw SnapshotError("the snapshot ends early at byte \(size) (truncated?)")
        }
        var failure: (any Error)?
        let at = offset
        let array = [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Bitwise-copyable elements: bytes from the file are valid
            // values of them, whatever they are.
            let raw = UnsafeMutableRawBufferPointer(buffer)
            var filled = 0
            while filled < byteCount {
                do {
                    let n = try fd.read(
                        fromAbsoluteOffset: Int64(at + filled),
                        into: UnsafeMutableRawBufferPointer(rebasing: raw[filled...]))
                    if n == 0 { break }
                    filled += n
                } catch {
                    failure = error
                    break
                }
            }
            initialized = filled == byteCount ? count : 0
        }
        if let failure { throw SnapshotError("cannot read the snapshot: \(failure)") }
        guard array.count == count else { throw SnapshotError("the snapshot ends early (truncated while read?)") }
        offset += byteCount
        return array
    }
}
