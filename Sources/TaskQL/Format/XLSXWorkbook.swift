import Foundation
import ZIPFoundation

/// A result, or several, as an Office Open XML workbook (`.xlsx`) that
/// Excel, WPS and LibreOffice open as it is: one sheet per result, the
/// header row bold and frozen, column widths from the display width of
/// the cells (a Chinese character counts two), numbers as numbers, dates
/// as dates (`yyyy-mm-dd`), booleans as booleans, lists joined with `、`,
/// null as an empty cell.
///
/// ```swift
/// let bytes = try XLSXWorkbook(sheets: [("发改委", result)]).data()
/// ```
public struct XLSXWorkbook: Sendable {
    /// The sheets, in order: a name (made valid for Excel, see
    /// ``sheetNames``) and the rows.
    public var sheets: [(name: String, result: QueryResult)]

    /// Why a workbook could not be written.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// What went wrong, in one sentence.
        public var description: String
    }

    /// Excel's limits: a sheet has at most this many rows and columns.
    public static let maximumRows = 1_048_576
    /// See ``maximumRows``.
    public static let maximumColumns = 16_384

    /// A workbook of `sheets`.
    public init(sheets: [(name: String, result: QueryResult)]) { self.sheets = sheets }

    /// The sheet names as written: characters Excel refuses (`[]:*?/\`)
    /// replaced, at most 31 characters, no leading or trailing `'`, none
    /// empty, all different (`结果 (2)`).
    public var sheetNames: [String] {
        var used: Set<String> = []
        return sheets.enumerated().map { index, sheet in
            var name = String(sheet.name.map { "[]:*?/\\".contains($0) ? "_" : $0 })
            name = String(name.trimmingCharacters(in: CharacterSet(charactersIn: "'")).prefix(31))
            if name.trimmingCharacters(in: .whitespaces).isEmpty { name = "Sheet\(index + 1)" }
            var candidate = name
            var n = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(n))"
                candidate = String(name.prefix(31 - suffix.count)) + suffix
                n += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    /// The `.xlsx` file's bytes (a zip archive, deflated).
    public func data() throws(Failure) -> [UInt8] {
        guard !sheets.isEmpty else { throw Failure(description: "a workbook needs at least one sheet") }
        for (name, result) in sheets {
            if result.rows.count + 1 > Self.maximumRows || result.columns.count > Self.maximumColumns {
                throw Failure(
                    description:
                        "'\(name)' has \(result.rows.count) rows and \(result.columns.count) columns; a sheet holds at most \(Self.maximumRows - 1) rows under its header and \(Self.maximumColumns) columns"
                )
            }
        }
        var parts: [(String, String)] = [
            ("[Content_Types].xml", XLSXParts.contentTypes(sheetCount: sheets.count)),
            ("_rels/.rels", XLSXParts.packageRelationships),
            ("xl/workbook.xml", XLSXParts.workbook(sheetNames: sheetNames)),
            ("xl/_rels/workbook.xml.rels", XLSXParts.workbookRelationships(sheetCount: sheets.count)),
            ("xl/styles.xml", XLSXParts.styles),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", XLSXSheet(result: sheet.result).xml))
        }
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for (path, text) in parts {
                let bytes = Data(text.utf8)
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(bytes.count),
                    modificationDate: XLSXParts.timestamp, compressionMethod: .deflate
                ) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw Failure(description: "the archive kept no data") }
            return Array(data)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "cannot write the workbook: \(error)")
        }
    }
}
