// Fuzz target `import-html`: bytes as a saved web page — decoding,
// libxml2's HTML parser, the page walker (lines, grid tables with
// rowspan/colspan), then the table rules or the line readers.
import Foundation
import FuzzSupport

@testable import TaskQL

let importer = DocumentImporter()

@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput(data, size).bytes
    FuzzImport.check { () throws(ImportError) in
        let decoded = try TextDecoder.decode(bytes, file: "fuzz.html", encoding: nil)
        let page = try HTMLFrontEnd.read(decoded.text, file: "fuzz.html")
        return try importer.importStructured(page, encoding: decoded.encoding, datasetName: nil)
    }
    return 0
}

exit(FuzzDriver.run(testOneInput))
