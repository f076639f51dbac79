import Foundation
import Testing

@testable import TaskQL

/// Documents written for these tests, in table layouts the seeds do not use.
enum TableFixtures {
    static func document(_ name: String, filePath: String = #filePath) throws -> DocumentLines {
        let url = URL(fileURLWithPath: filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/tables/\(name)")
        return DocumentLines(file: name, text: try String(contentsOf: url, encoding: .utf8))
    }

    static func read(_ name: String, with reader: some LayoutReader) throws -> (tasks: [RawTask], notes: ReaderNotes) {
        var notes = ReaderNotes()
        let tasks = try reader.read(try document(name), notes: &notes)
        return (tasks, notes)
    }
}

@Suite("Cell-per-line tables: layouts not in the seeds")
struct CellTableVariantTests {
    @Test func traditionalHeadersWithoutNumberColumn() throws {
        let (tasks, notes) = try TableFixtures.read("cell-traditional-no-number.txt", with: CellTableReader())
        #expect(tasks.map(\.number) == ["1", "2", "3"])
        #expect(tasks.allSatisfy { $0.kind == .key })
        #expect(tasks[0].section == "推進產業升級")
        #expect(tasks[0].leaders == ["王明"])
        #expect(tasks[0].coUnits == ["發改委", "各區鎮"])
        #expect(tasks[0].deadline == "12月底前")
        #expect(tasks[0].line == 15)
        #expect(tasks[1].section == "推進產業升級")
        #expect(tasks[1].leaders == ["王明"])
        #expect(tasks[1].leadUnits == ["工信局"])
        #expect(tasks[1].coUnits == ["科技局"])
        #expect(tasks[2].section == "保障改善民生")  // bookmark marker removed
        #expect(tasks[2].leaders == ["李華", "王明"])  // padded name glued to a known one
        #expect(tasks[2].leadUnits == ["民政局", "衛健委"])
        #expect(tasks[2].coUnits.isEmpty)
        #expect(notes.inheritedCells == ["section": 1, "leaders": 1, "lead_units": 1])
        #expect(notes.warnings.isEmpty)
    }

    @Test func reorderedColumnsInALivelihoodTable() throws {
        let (tasks, notes) = try TableFixtures.read("cell-reordered-livelihood.txt", with: CellTableReader())
        #expect(tasks.count == 3)
        #expect(tasks.allSatisfy { $0.kind == .livelihood })
        #expect(tasks[0].title == "城区道路改造工程")
        #expect(tasks[0].text == "改造道路12条。")
        #expect(tasks[0].leaders == ["张三丰"])
        #expect(tasks[0].leadUnits == ["住建局"])
        #expect(tasks[0].coUnits == ["交通局", "各街道"])
        #expect(tasks[0].deadline == "9月底前")
        #expect(tasks[1].leaders == ["张三丰"])
        #expect(tasks[1].leadUnits == ["住建局"])
        #expect(tasks[1].coUnits.isEmpty)
        #expect(tasks[2].title == "社区食堂建设")
        #expect(tasks[2].leadUnits == ["民政局"])
        #expect(notes.warnings.count == 1)
        #expect(notes.warnings.first?.line == 29)
    }

    @Test func textWithoutHeaderIsNotATable() {
        let document = DocumentLines(file: "x.txt", text: "\t一、总体要求\n\t各单位要抓好落实。\n\t牵头单位负责\n")
        #expect(CellTableReader().confidence(document) == 0)
        var notes = ReaderNotes()
        #expect((try? CellTableReader().read(document, notes: &notes)) == [])
    }

    @Test func headerNamesMapToRoles() {
        let cases: [(String, TableColumnRole?)] = [
            ("主  要  任  务", .text), ("牵头\n领导", .leaders), ("主要责任单位", .leadUnits),
            ("相关单位", .coUnits), ("配合單位", .coUnits), ("完成\n时限", .deadline), ("门类", .section),
            ("项  目", .subsection), ("工程名称", .title), ("项目名称和主要内容", .text), ("序号", .number),
            ("项目办", nil), ("全年", nil), ("12月底前", nil),
        ]
        for (name, role) in cases {
            #expect(TableHeader.role(forHeaderName: TableCellText.headerKey(name)) == role, "\(name)")
        }
    }
}
