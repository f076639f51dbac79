/// Which front-end reads a file: decided from its first bytes, then its name.
///
/// Magic bytes win over the name (a `.doc` that is really a `.docx`, a page
/// saved as `.txt`), so a user who renamed a file still gets it read.
enum DocumentFormat: String, Sendable, Equatable {
    /// Plain text (UTF-8, UTF-16, GB18030 …), read by the line readers.
    case text
    /// A web page, read by ``HTMLFrontEnd``.
    case html
    /// A Word 2007+ document (a zip archive with `word/document.xml`).
    case docx
    /// A legacy binary Office document (Word 97–2003 `.doc`, WPS `.wps`).
    case legacyOffice
    /// A PDF file.
    case pdf
    /// Another zip archive (`.xlsx`, `.odt` …) or other binary data.
    case unsupportedArchive

    static func detect(_ bytes: [UInt8], file: String) -> DocumentFormat {
        let name = file.lowercased()
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return name.hasSuffix(".docx") || contains(bytes, "word/document.xml") ? .docx : .unsupportedArchive
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .legacyOffice }
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if name.hasSuffix(".html") || name.hasSuffix(".htm") || name.hasSuffix(".shtml") || name.hasSuffix(".xhtml") {
            return .html
        }
        if name.hasSuffix(".doc") || name.hasSuffix(".wps") { return .legacyOffice }
        if name.hasSuffix(".pdf") { return .pdf }
        return .text
    }

    /// Whether the bytes contain `needle` (a zip's central directory names its parts).
    private static func contains(_ bytes: [UInt8], _ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard bytes.count >= pattern.count, let first = pattern.first else { return false }
        var index = 0
        while index + pattern.count <= bytes.count {
            if bytes[index] == first, bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return true }
            index += 1
        }
        return false
    }
}
