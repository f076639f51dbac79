import Foundation
import Testing
import ZIPFoundation

@testable import TaskQL

/// The .docx and .html front-ends: merges come from the file, never guessed,
/// and a broken or hostile file is an error, not a crash.
@Suite struct StructuredFrontEndTests {
    static func fixture(_ name: String) throws -> String {
        try #require(Bundle.module.url(forResource: "Fixtures/corpus/generated/" + name, withExtension: nil)).path
    }

    /// What a reader of the table sees in a record, without where it came from.
    struct Seen: Equatable {
        var number, text: String
        var section, deadline: String?
        var leaders, leadUnits, coUnits: [String]
        var extra: [ExtraField]
        init(_ r: TaskRecord) {
            (number, text, section, deadline) = (r.number, r.text, r.section, r.deadline)
            (leaders, leadUnits, coUnits, extra) = (r.leaders, r.leadUnits, r.coUnits, r.extra)
        }
    }

    @Test func docxAndHTMLOfOneTableGiveTheSameRecords() throws {
        let docx = try DocumentImporter().importFile(at: Self.fixture("jiangcheng-2024-merged.docx"))
        let html = try DocumentImporter().importFile(at: Self.fixture("jiangcheng-2024-mergedhtml.html"))
        #expect(docx.records.count == 45)
        #expect(docx.records.map(Seen.init) == html.records.map(Seen.init))
        #expect(docx.info.layout == "docx-table" && html.info.layout == "html-table")
    }

    @Test func verticalMergesAreExactAndNothingIsGuessed() throws {
        let doc = try DocumentImporter().importFile(at: Self.fixture("jiangcheng-2024-merged.docx"))
        func row(_ n: Int) throws -> TaskRecord { try #require(doc.records.first { $0.number == String(n) }) }
        // One merged 责任领导 cell runs from category 一 (rows 13–15) into 二 (16–19).
        for n in 13...19 { #expect(try row(n).leaders == (try row(13)).leaders) }
        #expect(try row(15).section != (try row(16)).section)
        // A merge across the page break (rows 20–30).
        for n in 20...30 { #expect(try row(n).leaders == (try row(20)).leaders) }
        // Cells that are really empty stay empty: no inheritance is guessed.
        #expect(try row(8).coUnits.isEmpty)
        #expect(try row(40).deadline == nil)
        #expect(try row(39).deadline == "12月底前")
        #expect(doc.report.inheritedCells.isEmpty)
        // The 进展情况 column is kept as an extra field, not mixed into the text.
        #expect(try row(1).extra.map(\.name) == ["进展情况"])
        #expect(try !row(1).text.contains(try row(1).extra[0].value))
    }

    @Test func wordAutomaticNumberingIsPrinted() throws {
        let doc = try DocumentImporter().importFile(at: Self.fixture("jiangcheng-2024-labels.docx"))
        #expect(doc.records.map(\.number) == (1...8).map(String.init))
    }

    @Test func numberFormats() {
        #expect(WordNumbering.format(11, as: "chineseCounting") == "十一")
        #expect(WordNumbering.format(3, as: "decimalEnclosedCircle") == "③")
        #expect(WordNumbering.format(12, as: "decimalFullWidth") == "１２")
        #expect(WordNumbering.format(27, as: "lowerLetter") == "aa")
        #expect(ChineseNumerals.spelled(105) == "一百零五")
        #expect(ChineseNumerals.spelled(20) == "二十")
    }

    /// A category row inside a table that names an owner gives it to the rows that name none.
    @Test func groupHeadingRowsGiveTheirOwner() throws {
        let page = """
            <table><tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>配合单位</th></tr>
            <tr><td colspan=4>（一）张三副市长牵头重点工作</td></tr>
            <tr><td>1</td><td>推进老旧小区改造</td><td>市住建局</td><td>市财政局</td></tr>
            <tr><td colspan=4>（二）市发展改革委牵头工作（2项）</td></tr>
            <tr><td>2</td><td>扩大有效投资</td><td></td><td>各区政府</td></tr></table>
            """
        let doc = try DocumentImporter().importBytes(Array(page.utf8), file: "groups.html")
        #expect(doc.records.map(\.section) == ["张三副市长牵头重点工作", "市发展改革委牵头工作（2项）"])
        #expect(doc.records.map(\.leaders) == [["张三"], []])
        #expect(doc.records.map(\.leadUnits) == [["市住建局"], ["市发展改革委"]])
        #expect(doc.records[1].coUnits == ["各区政府"])
    }

    // MARK: Broken and hostile files

    @Test func aFileThatIsNoZipIsNamedSo() throws {
        let error = #expect(throws: ImportError.self) {
            try DocumentImporter().importBytes(Array("PK\u{3}\u{4}garbage".utf8), file: "bad.docx")
        }
        #expect(error?.message.hasPrefix("not a .docx file") == true)
    }

    @Test func aZipWithoutADocumentIsNamedSo() throws {
        let archive = try Archive(accessMode: .create)
        let data = Data("hello".utf8)
        try archive.addEntry(with: "readme.txt", type: .file, uncompressedSize: Int64(data.count)) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
        let bytes = [UInt8](try #require(archive.data))
        let asDocx = #expect(throws: ImportError.self) { try DocumentImporter().importBytes(bytes, file: "x.docx") }
        #expect(asDocx?.message.contains("without word/document.xml") == true)
        let asOther = #expect(throws: ImportError.self) { try DocumentImporter().importBytes(bytes, file: "x.xlsx") }
        #expect(asOther?.message.contains("not a Word .docx") == true)
    }

    @Test func malformedDocumentXMLIsNamedSo() throws {
        let archive = try Archive(accessMode: .create)
        let data = Data("<w:document><w:body><w:p>".utf8)
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(data.count)) {
            position, size in data.subdata(in: Int(position)..<Int(position) + size)
        }
        let error = #expect(throws: ImportError.self) {
            try DocxFrontEnd.read([UInt8](try #require(archive.data)), file: "x.docx")
        }
        #expect(error?.message.contains("not well-formed") == true)
    }

    @Test func aPartLargerThanTheLimitIsRefused() throws {
        let bytes = try FileBytes.read(Self.fixture("jiangcheng-2024-merged.docx"))
        let error = #expect(throws: ImportError.self) { try DocxFrontEnd.read(bytes, file: "m.docx", partLimit: 1024) }
        #expect(error?.message.contains("larger than") == true)
    }

    @Test func deeplyNestedMarkupDoesNotOverflowTheStack() throws {
        func page(_ depth: Int) -> String {
            String(repeating: "<div>", count: depth) + "<table><tr><td>序号</td><td>主要任务</td><td>牵头单位</td></tr>"
                + "<tr><td>1</td><td>建设学校</td><td>市教育局</td></tr></table>" + String(repeating: "</div>", count: depth)
        }
        // Deeper than the tree keeps: folded, still read.
        let doc = try DocumentImporter().importBytes(Array(page(220).utf8), file: "deep.html")
        #expect(doc.records.map(\.leadUnits) == [["市教育局"]])
        let tree = try #require(MarkupParser.parse(Array(page(220).utf8), flavour: .html))
        var deepest = 0
        var stack = [(tree, 1)]
        while let (node, level) = stack.popLast() {
            deepest = max(deepest, level)
            stack += node.children.map { ($0, level + 1) }
        }
        #expect(deepest <= MarkupNode.maximumDepth + 1)
        // Deeper than libxml2 reads: a clear error, not a crash.
        let error = #expect(throws: ImportError.self) {
            try DocumentImporter().importBytes(Array(page(20_000).utf8), file: "deeper.html")
        }
        #expect(error?.message.contains("256") == true)
    }

    @Test func rowspansBeyondTheTableAndHugeColspansAreClamped() throws {
        let page = """
            <table><tr><th>序号</th><th>主要任务</th><th>牵头单位</th></tr>
            <tr><td colspan="99999999">一、交通</td></tr>
            <tr><td>1</td><td>修路</td><td rowspan="999999">市交通局</td></tr>
            <tr><td>2</td><td>架桥</td></tr></table>
            """
        let doc = try DocumentImporter().importBytes(Array(page.utf8), file: "spans.html")
        #expect(doc.records.map(\.section) == ["交通", "交通"])
        #expect(doc.records.map(\.leadUnits) == [["市交通局"], ["市交通局"]])
    }

    /// Found by fuzz-import-html: a row with no cell of its own (`<tr>` whose
    /// `<td>` was mangled) under a span from above was line 0, and the
    /// notice before the first task ended at line -1: a trap in `prefix`.
    /// Every row now has its own block number.
    @Test func aRowWithoutCellsOfItsOwnKeepsItsLine() throws {
        let page = """
            <p>现将重点工作任务分解如下（共2项重点工作）</p>
            <table><tr><th>序号</th><th>主要任务</th><th>牵头单位</th></tr>
            <tr><td>1</td><td rowspan="3">修路</td><td>市交通局</td></tr>
            <tr><td>2</td><td>市住建局</td></tr>
            <tr></tr></table>
            """
        let doc = try DocumentImporter().importBytes(Array(page.utf8), file: "cellless.html")
        #expect(doc.records.map(\.text) == ["修路", "修路", "修路"])
        #expect(doc.records.map(\.source) == ["cellless.html:3", "cellless.html:4", "cellless.html:5"])
    }
}
