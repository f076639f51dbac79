// Fuzz target `import-docx`: a Word .docx through ZIPFoundation, libxml2's
// XML parser, the Word walker (paragraphs, numbering, tables with
// gridSpan/vMerge/gridBefore) and the table rules or line readers. An input
// that starts like a zip is the archive; any other input is the XML of
// `word/document.xml`, `word/numbering.xml` and `word/styles.xml` (cut at
// NULs), packed into a .docx (``FuzzDocx``).
import Foundation
import FuzzSupport

@testable import TaskQL

let importer = DocumentImporter()

@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let docx: [UInt8]
    if input.bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
        docx = input.bytes
    } else {
        let parts = input.pieces(3)
        docx = FuzzDocx.pack(document: parts[0], numbering: parts[1], styles: parts[2])
    }
    FuzzImport.check { () throws(ImportError) in
        // A small part limit: a zip bomb is refused, not inflated.
        let document = try DocxFrontEnd.read(docx, file: "fuzz.docx", partLimit: 4 << 20)
        return try importer.importStructured(document, encoding: .utf8, datasetName: nil)
    }
    return 0
}

exit(FuzzDriver.run(testOneInput))
