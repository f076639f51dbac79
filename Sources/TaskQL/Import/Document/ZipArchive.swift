/// A zip archive held in memory, read as far as a `.docx` needs: the
/// central directory, and the stored or deflated contents of an entry.
///
/// Every offset and size the archive gives is checked against its length
/// before it is used, so a damaged or hostile file is a ``ZipError``, never
/// a trap. (ZIPFoundation, used before, trapped on a local header offset
/// past the end of an in-memory archive — weichsel/ZIPFoundation#394 — and
/// converts 64-bit offsets and adds sizes unchecked; fuzzing found the first.)
/// ZIP64, multi-disk and encrypted archives are refused: Word never writes
/// them for documents under 4 GB.
struct ZipArchive {
    /// One file in the archive, as the central directory describes it.
    struct Entry: Equatable {
        var path: String
        /// 0 stored, 8 deflated.
        var method: UInt16
        var flags: UInt16
        var crc32: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
    }

    private let bytes: [UInt8]
    /// The entries in central-directory order.
    let entries: [Entry]

    private static let endRecordSignature: UInt32 = 0x0605_4B50
    private static let directorySignature: UInt32 = 0x0201_4B50
    private static let localHeaderSignature: UInt32 = 0x0403_4B50
    private static let endRecordSize = 22
    private static let directoryHeaderSize = 46
    private static let localHeaderSize = 30

    /// Reads the central directory of `bytes`.
    init(_ bytes: [UInt8]) throws(ZipError) {
        self.bytes = bytes
        let end = try Self.endRecord(in: bytes)
        let count = Int(Self.u16(bytes, end + 10))
        let size = Int(Self.u32(bytes, end + 12))
        let start = Int(Self.u32(bytes, end + 16))
        guard Self.u16(bytes, end + 4) == 0, Self.u16(bytes, end + 6) == 0 else {
            throw ZipError.unreadable("an archive split over several disks")
        }
        guard count != 0xFFFF, size != 0xFFFF_FFFF, start != 0xFFFF_FFFF else {
            throw ZipError.unreadable("a ZIP64 archive (for files over 4 GB)")
        }
        guard start <= end, size <= end - start else {
            throw ZipError.unreadable("the central directory lies outside the file")
        }
        entries = try Self.directory(bytes, from: start, to: start + size, count: count)
    }

    /// The first entry at `path`.
    func entry(_ path: String) -> Entry? { entries.first { $0.path == path } }

    /// The uncompressed contents of `entry`, at most `limit` bytes (more is
    /// ``ZipError/tooLarge``, whatever the directory claims), CRC-checked.
    func contents(of entry: Entry, limit: Int) throws(ZipError) -> [UInt8] {
        guard entry.flags & 1 == 0 else { throw ZipError.unreadable("\(entry.path) is encrypted") }
        let header = entry.localHeaderOffset
        guard header <= bytes.count - Self.localHeaderSize, Self.u32(bytes, header) == Self.localHeaderSignature else {
            throw ZipError.unreadable("\(entry.path) has no local header where the directory says")
        }
        let dataStart =
            header + Self.localHeaderSize + Int(Self.u16(bytes, header + 26)) + Int(Self.u16(bytes, header + 28))
        guard dataStart <= bytes.count, entry.compressedSize <= bytes.count - dataStart else {
            throw ZipError.unreadable("\(entry.path) runs past the end of the file")
        }
        let data = bytes[dataStart..<(dataStart + entry.compressedSize)]
        let contents: [UInt8]
        switch entry.method {
        case 0:
            guard data.count <= limit else { throw .tooLarge }
            contents = Array(data)
        case 8:
            contents = try Inflater.inflate(data, limit: limit)
        default:
            throw ZipError.unreadable("\(entry.path) is compressed with method \(entry.method), not deflate")
        }
        guard contents.count == entry.uncompressedSize, Inflater.crc32(contents) == entry.crc32 else {
            throw ZipError.unreadable("\(entry.path) is damaged (its size or checksum does not match)")
        }
        return contents
    }

    /// The offset of the end-of-central-directory record: the last one in
    /// the final 64 KiB (its comment may hold anything, even a signature).
    private static func endRecord(in bytes: [UInt8]) throws(ZipError) -> Int {
        guard bytes.count >= endRecordSize else { throw ZipError.unreadable("too short for a zip archive") }
        let last = bytes.count - endRecordSize
        for offset in stride(from: last, through: max(0, last - 0xFFFF), by: -1)
        where u32(bytes, offset) == endRecordSignature {
            return offset
        }
        throw ZipError.unreadable("no end of central directory record")
    }

    private static func directory(_ bytes: [UInt8], from start: Int, to end: Int, count: Int) throws(ZipError)
        -> [Entry]
    {
        var entries: [Entry] = []
        var offset = start
        for _ in 0..<count {
            guard offset <= end - directoryHeaderSize, u32(bytes, offset) == directorySignature else {
                throw ZipError.unreadable("the central directory is damaged")
            }
            let nameLength = Int(u16(bytes, offset + 28))
            let next =
                offset + directoryHeaderSize + nameLength + Int(u16(bytes, offset + 30)) + Int(u16(bytes, offset + 32))
            guard next <= end else { throw ZipError.unreadable("the central directory is damaged") }
            let entry = Entry(
                path: String(
                    decoding: bytes[(offset + directoryHeaderSize)..<(offset + directoryHeaderSize + nameLength)],
                    as: UTF8.self),
                method: u16(bytes, offset + 10), flags: u16(bytes, offset + 8), crc32: u32(bytes, offset + 16),
                compressedSize: Int(u32(bytes, offset + 20)), uncompressedSize: Int(u32(bytes, offset + 24)),
                localHeaderOffset: Int(u32(bytes, offset + 42)))
            guard entry.compressedSize != 0xFFFF_FFFF, entry.uncompressedSize != 0xFFFF_FFFF,
                entry.localHeaderOffset != 0xFFFF_FFFF
            else { throw ZipError.unreadable("a ZIP64 archive (for files over 4 GB)") }
            entries.append(entry)
            offset = next
        }
        return entries
    }

    /// Little-endian integers at `offset` (the caller has checked the bounds).
    private static func u16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    private static func u32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(u16(bytes, offset)) | UInt32(u16(bytes, offset + 2)) << 16
    }
}

/// Why an archive, or an entry of it, cannot be read.
enum ZipError: Error, Equatable, CustomStringConvertible {
    /// Not a zip archive, a damaged one, or one of a kind not read.
    case unreadable(String)
    /// An entry holds more than the caller's limit.
    case tooLarge

    var description: String {
        switch self {
        case .unreadable(let why): why
        case .tooLarge: "an entry is larger than the limit"
        }
    }
}
