import Foundation
import Testing

@testable import TaskQL

/// The same document in every encoding the importer reads.
@Suite struct EncodingImportTests {
    let utf8: [UInt8]
    let expected: [TaskRecord]

    init() throws {
        utf8 = Array(try Data(contentsOf: URL(fileURLWithPath: FixtureDocuments.path("label-lines-nanjing.txt"))))
        expected = try DocumentImporter().importBytes(utf8, file: "nanjing.txt").records
    }

    func records(_ bytes: [UInt8], encoding: TextEncodingName? = nil) throws -> (TextEncodingName, [TaskRecord]) {
        let doc = try DocumentImporter().importBytes(bytes, file: "nanjing.txt", encoding: encoding)
        return (doc.report.encoding, doc.records)
    }

    static func utf16(_ text: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
        var out: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            let (hi, lo) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
            out += bigEndian ? [hi, lo] : [lo, hi]
        }
        return out
    }

    @Test func utf8WithByteOrderMark() throws {
        let (encoding, records) = try records([0xEF, 0xBB, 0xBF] + utf8)
        #expect(encoding == .utf8 && records == expected)
    }

    @Test(arguments: [(false, true), (true, true), (false, false), (true, false)])
    func utf16(bigEndian: Bool, bom: Bool) throws {
        let bytes = Self.utf16(String(decoding: utf8, as: UTF8.self), bigEndian: bigEndian, bom: bom)
        let (encoding, records) = try records(bytes)
        #expect(encoding == (bigEndian ? .utf16BE : .utf16LE))
        #expect(records == expected)
    }

    @Test func gb18030IsDetected() throws {
        let path = try FixtureDocuments.path("label-lines-nanjing.gb18030.txt")
        let doc = try DocumentImporter().importFile(at: path)
        #expect(doc.report.encoding == .gb18030)
        #expect(doc.records.map(\.text) == expected.map(\.text))
        #expect(doc.records.map(\.leadUnits) == expected.map(\.leadUnits))
        #expect(doc.info.city == "南京")
        let explicit = try DocumentImporter().importFile(at: path, encoding: TextEncodingName(name: "GBK"))
        #expect(explicit.records.map(\.text) == expected.map(\.text))
    }

    @Test func encodingNames() {
        #expect(TextEncodingName(name: "UTF-8") == .utf8)
        #expect(TextEncodingName(name: "utf16le") == .utf16LE)
        #expect(TextEncodingName(name: "gb2312") == .gb18030)
        #expect(TextEncodingName(name: "GBK") == .gb18030)
        #expect(TextEncodingName(name: "latin1") == nil)
    }

    @Test func gb18030ReadAsUTF8IsAnErrorWithTheOffset() throws {
        let bytes = Array(
            try Data(contentsOf: URL(fileURLWithPath: FixtureDocuments.path("label-lines-nanjing.gb18030.txt"))))
        let error = try #require(throws: ImportError.self) {
            try DocumentImporter().importBytes(bytes, file: "gb.txt", encoding: .utf8)
        }
        #expect(error.byteOffset == 0)
        #expect(error.description == "gb.txt: byte 0: error: invalid UTF-8")
    }
}
