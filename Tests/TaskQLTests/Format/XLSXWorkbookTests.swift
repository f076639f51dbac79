import Foundation
import Testing
import ZIPFoundation

@testable import TaskQL

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Issue 13.7: the workbook's parts, read back from the archive: well-formed
/// XML, a bold frozen header, typed cells, hostile text kept well-formed,
/// sheet names Excel accepts. (LibreOffice reads a real one in
/// `XLSXRoundTripTests`.)
@Suite struct XLSXWorkbookTests {
    static let result = QueryResult(
        columns: ["id", "due", "n", "share", "late", "units", "note"],
        rows: [
            [
                .string("a-1"), .date(CivilDate(iso: "2020-06-30")!), .int(12), .decimal(0.5), .bool(true),
                .list([.string("发改委"), .string("财政局")]), .null,
            ],
            [.string("a-2"), .null, .int(-3), .decimal(2.25), .bool(false), .list([]), .string("x < y & \"z\"")],
        ])

    /// The archive's parts by path.
    static func parts(_ bytes: [UInt8]) throws -> [String: String] {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = String(decoding: data, as: UTF8.self)
        }
        return parts
    }

    static func isWellFormed(_ xml: String) -> Bool { XMLParser(data: Data(xml.utf8)).parse() }

    @Test func everyPartIsThereAndWellFormed() throws {
        let bytes = try XLSXWorkbook(sheets: [("进度", Self.result), ("second", Self.result)]).data()
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), "a zip archive")
        let parts = try Self.parts(bytes)
        #expect(
            Set(parts.keys) == [
                "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
            ])
        for (path, xml) in parts { #expect(Self.isWellFormed(xml), "\(path) is well-formed") }
        #expect(parts["xl/workbook.xml"]!.contains(#"<sheet name="进度" sheetId="1""#))
    }

    @Test func cellsAreTypedAndTheHeaderBoldAndFrozen() throws {
        let sheet = try #require(
            try Self.parts(try XLSXWorkbook(sheets: [("s", Self.result)]).data())["xl/worksheets/sheet1.xml"])
        #expect(sheet.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        #expect(sheet.contains(#"<c r="A1" t="inlineStr" s="1"><is><t xml:space="preserve">id</t></is></c>"#))
        // 2020-06-30 is Excel day 44012.
        #expect(sheet.contains(#"<c r="B2" s="2"><v>44012</v></c>"#), "\(sheet)")
        #expect(sheet.contains(#"<c r="C2"><v>12</v></c>"#) && sheet.contains(#"<c r="D3"><v>2.25</v></c>"#))
        #expect(sheet.contains(#"<c r="E2" t="b"><v>1</v></c>"#))
        #expect(sheet.contains("发改委、财政局"))
        #expect(!sheet.contains(#"r="G2""#), "null is no cell")
        #expect(sheet.contains("x &lt; y &amp; &quot;z&quot;"))
        // Display width: the id column is "a-1" wide plus a margin; 发改委、财政局 is 14 columns.
        #expect(sheet.contains(#"<col min="6" max="6" width="16" customWidth="1"/>"#), "\(sheet)")
    }

    @Test func hostileTextStaysWellFormed() throws {
        let hostile = "a\u{0}b\u{1}c\u{FFFE}d]]><!--e_x0041_f\u{1F600}\r\n"
        let result = QueryResult(columns: ["t\u{7}"], rows: [[.string(hostile)]])
        let sheet = try #require(
            try Self.parts(try XLSXWorkbook(sheets: [("x", result)]).data())["xl/worksheets/sheet1.xml"])
        #expect(Self.isWellFormed(sheet))
        #expect(sheet.contains("abcd]]&gt;&lt;!--e_x005F_x0041_f\u{1F600}\r\n"), "\(sheet)")
    }

    @Test func sheetNamesAreMadeValidForExcel() {
        let empty = QueryResult(columns: ["a"], rows: [])
        let workbook = XLSXWorkbook(sheets: [
            ("a/b:c[d]*?", empty), ("'quoted'", empty), ("", empty), (String(repeating: "长", count: 40), empty),
            (String(repeating: "长", count: 40), empty), ("A/B:C[D]*?", empty),
        ])
        #expect(
            workbook.sheetNames == [
                "a_b_c_d___", "quoted", "Sheet3", String(repeating: "长", count: 31),
                String(repeating: "长", count: 27) + " (2)", "A_B_C_D___ (2)",
            ], "\(workbook.sheetNames)")
    }

    @Test func moreColumnsThanASheetHoldsIsAnError() {
        let wide = QueryResult(columns: (0...XLSXWorkbook.maximumColumns).map { "c\($0)" }, rows: [])
        #expect(throws: XLSXWorkbook.Failure.self) { try XLSXWorkbook(sheets: [("w", wide)]).data() }
        #expect(throws: XLSXWorkbook.Failure.self) { try XLSXWorkbook(sheets: []).data() }
    }

    @Test func encodeGivesTheWorkbookForXLSXAndTextOtherwise() throws {
        #expect(try ResultFormatter(format: .xlsx).encode(Self.result).starts(with: [0x50, 0x4B]))
        #expect(
            try ResultFormatter(format: .csv).encode(Self.result)
                == Array(ResultFormatter(format: .csv).render(Self.result).utf8))
    }
}
