// Fuzz target `import-text`: bytes as a text document (.txt) — encoding
// detection and decoding (UTF-8, UTF-16, GB18030), then the layout readers
// and record assembly. Magic bytes of other formats are not followed: the
// external converters (LibreOffice, pdftotext) never run here.
import Foundation
import FuzzSupport

@testable import TaskQL

let importer = DocumentImporter()

@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput(data, size).bytes
    var lineCount = 0
    let document = FuzzImport.check { () throws(ImportError) in
        let decoded = try TextDecoder.decode(bytes, file: "fuzz.txt", encoding: nil)
        lineCount = DocumentLines(file: "fuzz.txt", text: decoded.text).lines.count
        return try importer.importText(decoded.text, file: "fuzz.txt", encoding: decoded.encoding)
    }
    // `source` is where `taskql` sends a user to check a task: a real line.
    for record in document?.records ?? [] {
        let line = record.source.split(separator: ":").last.flatMap { Int($0) }
        FuzzInvariant.require(
            line.map { 1...lineCount ~= $0 } == true, "source \(record.source) outside the \(lineCount) lines")
    }
    return 0
}

exit(FuzzDriver.run(testOneInput))
