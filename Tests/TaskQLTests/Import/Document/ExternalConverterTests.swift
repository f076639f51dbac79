import Foundation
import Testing

@testable import TaskQL

/// .doc, .wps and .pdf go through LibreOffice and pdftotext when installed,
/// and say which package to install when not.
@Suite struct ExternalConverterTests {
    static let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)

    static func importer(searchPath: [String]) -> DocumentImporter {
        var importer = DocumentImporter()
        importer.converter = ExternalConverter(searchPath: searchPath)
        return importer
    }

    @Test func aDocWithoutLibreOfficeNamesThePackage() {
        let error = #expect(throws: ImportError.self) {
            try Self.importer(searchPath: ["/nonexistent"]).importBytes(Self.ole, file: "plan.doc")
        }
        #expect(error?.message.contains("LibreOffice is not installed") == true)
        #expect(error?.message.contains("apt-get install libreoffice-writer") == true)
    }

    @Test func aWPSFileByItsNameToo() {
        #expect(DocumentFormat.detect(Array("plain".utf8), file: "计划.WPS") == .legacyOffice)
        #expect(DocumentFormat.detect(Self.ole, file: "plan.txt") == .legacyOffice)
    }

    @Test func aPDFWithoutPdftotextNamesThePackage() {
        let error = #expect(throws: ImportError.self) {
            try Self.importer(searchPath: ["/nonexistent"]).importBytes(Array("%PDF-1.4\n".utf8), file: "plan.pdf")
        }
        #expect(error?.message.contains("poppler-utils") == true)
    }

    static var soffice: String? {
        ["/usr/bin/soffice", "/usr/bin/libreoffice"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A .doc that LibreOffice saved (from the GB18030 page) imports as the page does.
    @Test(.enabled(if: soffice != nil, "LibreOffice is installed by `make deps`"))
    func aDocSavedByLibreOfficeImportsLikeItsPage() throws {
        let page = try StructuredFrontEndTests.fixture("jiangcheng-2024-gbk.html")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("taskql-doc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("plan.html")
        try FileManager.default.copyItem(atPath: page, toPath: copy.path)
        let profile = directory.appendingPathComponent("profile").absoluteString
        // Through the converter's own runner: no input, a deadline, killed when over.
        try ExternalConverter(searchPath: []).run(
            try #require(Self.soffice),
            [
                "-env:UserInstallation=\(profile)", "--headless", "--infilter=HTML (StarWriter)",
                "--convert-to", "doc:MS Word 97", "--outdir", directory.path, copy.path,
            ], file: "plan.html")
        let doc = directory.appendingPathComponent("plan.doc").path
        #expect(DocumentFormat.detect(try FileBytes.read(doc), file: doc) == .legacyOffice)
        let fromDoc = try DocumentImporter().importFile(at: doc)
        let fromPage = try DocumentImporter().importFile(at: page)
        #expect(fromDoc.records.count == 6)
        #expect(
            fromDoc.records.map(StructuredFrontEndTests.Seen.init)
                == fromPage.records.map(StructuredFrontEndTests.Seen.init))
    }
}
