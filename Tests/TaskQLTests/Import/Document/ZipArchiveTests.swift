import Foundation
import Testing
import ZIPFoundation

@testable import TaskQL

/// The zip reader behind the .docx front-end: archives another writer made
/// read back exactly, and a damaged one is a ``ZipError``, never a trap.
@Suite struct ZipArchiveTests {
    /// An archive of `parts` written by ZIPFoundation.
    static func archive(_ parts: [(String, String)], compression: CompressionMethod = .deflate) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: compression
            ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
        }
        return [UInt8](try #require(archive.data))
    }

    static let document =
        "<w:document>" + String(repeating: "<w:p><w:r><w:t>推进重点工作</w:t></w:r></w:p>", count: 200)
        + "</w:document>"

    /// `bytes` with the little-endian UInt32 at `offset` replaced.
    static func patching(_ bytes: [UInt8], at offset: Int, _ value: UInt32) -> [UInt8] {
        var patched = bytes
        for i in 0..<4 { patched[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(i))) }
        return patched
    }

    /// Where the first central directory header starts (the archives here
    /// have no comment, so the end record is the last 22 bytes).
    static func directoryStart(_ bytes: [UInt8]) -> Int {
        let end = bytes.count - 22
        return (0..<4).reduce(0) { $0 | Int(bytes[end + 16 + $1]) << (8 * $1) }
    }

    @Test(arguments: [true, false])
    func entriesReadBackAsWritten(deflated: Bool) throws {
        let bytes = try Self.archive(
            [("word/document.xml", Self.document), ("word/empty.xml", ""), ("a/b.txt", "海门")],
            compression: deflated ? .deflate : .none)
        let zip = try ZipArchive(bytes)
        #expect(zip.entries.map(\.path) == ["word/document.xml", "word/empty.xml", "a/b.txt"])
        for (path, text) in [("word/document.xml", Self.document), ("word/empty.xml", ""), ("a/b.txt", "海门")] {
            let entry = try #require(zip.entry(path))
            #expect(try zip.contents(of: entry, limit: 1 << 20) == Array(text.utf8))
        }
        #expect(zip.entry("word/missing.xml") == nil)
    }

    /// Found by the import-docx fuzz target: a central directory that puts a
    /// local header past the end trapped inside ZIPFoundation's in-memory
    /// reader ("Range requires lowerBound <= upperBound").
    @Test func aLocalHeaderPastTheEndIsAnError() throws {
        let bytes = try Self.archive([("word/document.xml", Self.document)])
        let patched = Self.patching(bytes, at: Self.directoryStart(bytes) + 42, UInt32(bytes.count + 100))
        let error = #expect(throws: ImportError.self) { try DocxFrontEnd.read(patched, file: "x.docx") }
        #expect(error?.message.contains("no local header where the directory says") == true)
    }

    @Test(
        arguments: [
            (16, 0xFFFF_FFF0, "the central directory lies outside the file"),  // directory offset
            (12, 0x7FFF_FFFF, "the central directory lies outside the file"),  // directory size
            (16, 0xFFFF_FFFF, "a ZIP64 archive (for files over 4 GB)"),
        ] as [(Int, UInt32, String)])
    func aDamagedEndRecordIsAnError(field: Int, value: UInt32, reason: String) throws {
        let bytes = try Self.archive([("word/document.xml", Self.document)])
        let patched = Self.patching(bytes, at: bytes.count - 22 + field, value)
        #expect(throws: ZipError.unreadable(reason)) { try ZipArchive(patched) }
    }

    @Test func sizesThatLieAreCaught() throws {
        let bytes = try Self.archive([("word/document.xml", Self.document)])
        let header = Self.directoryStart(bytes)
        // A compressed size past the end of the file.
        let past = try ZipArchive(Self.patching(bytes, at: header + 20, 0x00FF_FFFF))
        #expect(throws: ZipError.unreadable("word/document.xml runs past the end of the file")) {
            try past.contents(of: past.entries[0], limit: 1 << 20)
        }
        // An uncompressed size below the real one: the limit holds for what
        // really comes out, and the size must match.
        let small = try ZipArchive(Self.patching(bytes, at: header + 24, 10))
        #expect(throws: ZipError.tooLarge) { try small.contents(of: small.entries[0], limit: 1024) }
        #expect(throws: ZipError.unreadable("word/document.xml is damaged (its size or checksum does not match)")) {
            try small.contents(of: small.entries[0], limit: 1 << 20)
        }
        // A checksum that does not match.
        let crc = try ZipArchive(Self.patching(bytes, at: header + 16, 0x1234_5678))
        #expect(throws: ZipError.unreadable("word/document.xml is damaged (its size or checksum does not match)")) {
            try crc.contents(of: crc.entries[0], limit: 1 << 20)
        }
    }

    /// Every truncation and every byte flipped of a small archive reads, or
    /// fails with a reason; none traps.
    @Test func everyCutAndFlippedByteIsAnErrorOrReads() throws {
        let bytes = try Self.archive([("word/document.xml", "<w:document><w:body/></w:document>")])
        func read(_ b: [UInt8]) {
            do {
                let zip = try ZipArchive(b)
                for entry in zip.entries { _ = try zip.contents(of: entry, limit: 1 << 16) }
            } catch {
                #expect(!error.description.isEmpty)
            }
        }
        for length in 0..<bytes.count { read(Array(bytes[..<length])) }
        for i in bytes.indices {
            var flipped = bytes
            flipped[i] ^= 0xFF
            read(flipped)
        }
    }
}
