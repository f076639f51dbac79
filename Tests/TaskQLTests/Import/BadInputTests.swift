import Foundation
import Testing

@testable import TaskQL

/// Input the importer cannot read gets a clear error, never a crash or an
/// empty dataset.
@Suite struct BadInputTests {
    func importError(_ bytes: [UInt8], file: String = "bad.txt") throws -> ImportError {
        try #require(throws: ImportError.self) { try DocumentImporter().importBytes(bytes, file: file) }
    }

    /// Found by fuzz-import-html: a task numbered with 49 digits overflowed
    /// `Int` while its id was made, and trapped.
    @Test func aHugeTaskNumberDoesNotTrap() throws {
        #expect(ChineseNumerals.value(of: String(repeating: "7", count: 30)) == nil)
        #expect(ChineseNumerals.value(of: String(repeating: "七", count: 30)) == nil)
        #expect(ChineseNumerals.value(of: "123456789012345678") == 123_456_789_012_345_678)
        let url = try #require(
            Bundle.module.url(forResource: "Fixtures/fuzz/import-html-long-number.html", withExtension: nil))
        let bytes = Array(try Data(contentsOf: url))
        do {
            let imported = try DocumentImporter().importBytes(bytes, file: "long.html")
            #expect(imported.dataset.records.allSatisfy { !$0.id.isEmpty })
        } catch {
            #expect(!error.message.isEmpty)
        }
    }

    /// Found by fuzz-import-text: a signature date of year 20122 (a typo's
    /// extra digit) was the document's date and plan year, and the dataset
    /// file written from it did not read back (`20122-01-20` is no
    /// `YYYY-MM-DD`). A date is of years 1–9999, and a document's date and
    /// year are plausible ones (1949–2200).
    @Test func anImplausibleDocumentYearIsNoDate() throws {
        #expect(CivilDate(year: 10_000, month: 1, day: 1) == nil)
        // Found by fuzz-import-text too: a signature year past Int32's days trapped.
        #expect(CivilDate(year: 123_456_789_012, month: 1, day: 1) == nil)
        #expect(CivilDate(year: 0, month: 1, day: 1) == nil)
        #expect(CivilDate(year: 9999, month: 12, day: 31) != nil)
        let text = """
            苏州市人民政府
            20122年1月20日

            一、产业创新
            1.推动生物医药产业集群发展。
            责任单位：市发改委、市科技局
            完成时限：上半年
            2.建设太湖科学城。
            责任单位：市科技局
            完成时限：上半年
            """
        let imported = try DocumentImporter().importText(text, file: "typo.txt", encoding: .utf8)
        #expect(imported.info.date == nil)
        #expect(imported.info.year != 20122)
        #expect(imported.records.allSatisfy { $0.due.map { $0.year <= 9999 } ?? true })
        let written = DatasetFile.encode([imported.dataset])
        #expect(try DatasetFile.decode(written, file: "typo.jsonl") == [imported.dataset])
    }

    @Test func emptyFile() throws {
        #expect(try importError([]).description == "bad.txt: error: the file is empty")
        #expect(try importError(Array("\n \n\u{3000}\n".utf8)).message == "the file has no text")
    }

    @Test func binaryFile() throws {
        let error = try importError([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x41])
        #expect(error.byteOffset == 7)
        #expect(error.message.contains("binary"))
    }

    @Test func undecodableBytesNameTheOffset() throws {
        let bytes = Array("第一行\n".utf8) + [0x80, 0xFF, 0x80] + Array("尾".utf8)
        let error = try importError(bytes)
        #expect(error.byteOffset == 10)
        #expect(error.description.hasPrefix("bad.txt: byte 10: error: cannot decode"))
    }

    @Test func noRecognisableTasks() throws {
        let error = try #require(throws: ImportError.self) {
            try DocumentImporter().importFile(at: FixtureDocuments.path("prose-only.txt"))
        }
        #expect(error.message.hasPrefix("no recognisable tasks"))
    }

    @Test func missingFileAndDirectory() throws {
        let missing = try #require(throws: ImportError.self) {
            try DocumentImporter().importFile(at: "/nonexistent/plan.txt")
        }
        #expect(missing.description == "/nonexistent/plan.txt: error: no such file")
        let directory = try #require(throws: ImportError.self) { try DocumentImporter().importFile(at: "/tmp") }
        #expect(directory.message.contains("directory"))
    }

    @Test func randomBytesNeverCrash() {
        var generator = SystemRandomNumberGenerator()
        for length in [1, 2, 3, 17, 256, 4096] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(throws: ImportError.self) { try DocumentImporter().importBytes(bytes, file: "r.bin") }
        }
    }
}
