import Foundation
import Testing

@testable import TaskQL

/// The seed documents, read from the package's resources by path so the
/// tests read exactly the files that ship.
enum TableSeeds {
    static let haimen = "000_07f1fbb038e9b517.txt"
    static let yixing = "001_8c26460259d3c740.txt"
    static let huzhou = "002_ad606db79030d1db.txt"
    static let taicang = "003_41a8f5c6a5cd55f4.txt"
    static let nantong = "004_3dced76db18c069d.txt"

    static func document(_ name: String, filePath: String = #filePath) throws -> DocumentLines {
        let url = URL(fileURLWithPath: filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/TaskQL/Resources/seeds/\(name)")
        return DocumentLines(file: name, text: try String(contentsOf: url, encoding: .utf8))
    }

    static func read(
        _ name: String, with reader: some LayoutReader = CellTableReader()
    ) throws -> (tasks: [RawTask], notes: ReaderNotes) {
        var notes = ReaderNotes()
        let tasks = try reader.read(try document(name), notes: &notes)
        return (tasks, notes)
    }
}

@Suite("Cell-per-line tables: Haimen")
struct CellTableHaimenTests {
    let tasks: [RawTask]
    let notes: ReaderNotes

    init() throws {
        (tasks, notes) = try TableSeeds.read(TableSeeds.haimen)
    }

    var key: [RawTask] { tasks.filter { $0.kind == .key } }
    var livelihood: [RawTask] { tasks.filter { $0.kind == .livelihood } }

    func key(_ number: String) throws -> RawTask {
        try #require(key.first { $0.number == number })
    }

    @Test func declaredCounts() {
        #expect(key.count == 173)
        #expect(Set(key.compactMap(\.section)).count == 9)
        #expect(key.allSatisfy { $0.section != nil })
        #expect(key.map(\.number) == (1...173).map(String.init))
        #expect(livelihood.count == 50)
        #expect(Set(livelihood.compactMap(\.section)).count == 10)
        #expect(livelihood.map(\.number) == (1...50).map(String.init))
        #expect(tasks.count == 223)
    }

    @Test func keyTaskThree() throws {
        let task = try key("3")
        #expect(task.leaders == ["周国强", "姜勇"])
        #expect(task.leadUnits == ["交通局", "商务局"])
        #expect(task.coUnits == ["发改委", "开发区", "通海港口公司"])
        #expect(task.deadline == "全年")
        #expect(task.section == "突出跨江融合，构建一体化发展新格局")
        #expect(task.line == 49)
    }

    @Test func firstAndLastRows() throws {
        let first = try key("1")
        #expect(first.text.hasPrefix("立足“大通州湾”核心区"))
        #expect(first.leaders == ["沈旭东"])
        #expect(first.coUnits == ["海门港新区", "各有关部门"])
        #expect(first.line == 31)
        let last = try #require(livelihood.last)
        #expect(last.number == "50")
        #expect(last.text == "提档升级农路20公里，新建改造农桥25座，改善农村出行条件。")
        #expect(last.coUnits == ["相关区镇"])
        #expect(last.deadline == "12月底前")
        #expect(last.section == "便捷出行")
    }

    @Test func rowAfterPageBreakReprintsSection() throws {
        let seventh = try key("7")
        #expect(seventh.section == (try key("6")).section)
        #expect(seventh.line == 95)
        #expect(seventh.leaders == ["周国强"])
    }

    @Test func mergedLeaderCellInheritsFromAbove() throws {
        let eighth = try key("8")
        #expect(eighth.leaders == ["周国强"])
        #expect(eighth.leadUnits == ["交通局", "住建局"])
        #expect(eighth.coUnits == ["自然资源局", "相关区镇", "交通产业集团"])
        #expect((try key("19")).leaders == ["沈旭东", "姜勇"])
        #expect((try key("19")).leadUnits == ["发改委"])
        #expect((notes.inheritedCells["leaders"] ?? 0) > 0)
        #expect((notes.inheritedCells["lead_units"] ?? 0) > 0)
    }

    @Test func gluedNamesAreSplit() throws {
        #expect((try key("22")).leaders == ["沈旭东", "姜勇"])
    }

    @Test func coUnitsAreNotInvented() throws {
        // Page breaks leave blank 协同单位 runs blank: the column is not merged.
        #expect((try key("11")).coUnits.isEmpty)
        #expect(notes.inheritedCells["co_units"] == nil)
    }

    /// 完成时限 is printed for 168 of 173 key tasks: the one blank run, right
    /// after task 23's `12月底前`, is a merged cell (Docs/MergedCells.md).
    @Test func denseDeadlineColumnInheritsItsOneBlankRun() throws {
        #expect((try key("23")).deadline == "12月底前")
        for number in 24...28 { #expect((try key(String(number))).deadline == "12月底前") }
        #expect((try key("29")).deadline == "12月底前")
        #expect((notes.inheritedCells["deadline"] ?? 0) >= 5)
    }

    /// The notice says every task has an owner (由市政府分管领导牵头负责), so a
    /// merged leader cell runs across the category boundary another column draws.
    @Test func ownerCellsCrossACategoryBoundary() throws {
        let livelihood = try TableSeeds.read(TableSeeds.haimen).tasks.filter { $0.kind == .livelihood }
        func project(_ number: String) throws -> RawTask { try #require(livelihood.first { $0.number == number }) }
        #expect(try project("28").section == "公共文体")
        #expect(try project("29").section == "教育惠民")
        #expect(try project("29").leaders == ["黄静"])
        #expect(try project("47").leaders == ["周国强"])
        for number in ["48", "49", "50"] {
            #expect(try project(number).section == "便捷出行")
            #expect(try project(number).leaders == ["周国强"])
        }
    }

    @Test func splitDeadlineIsJoined() throws {
        #expect((try key("17")).deadline == "8月底前")
    }

    @Test func captionBeforeSecondTableIsNotACell() throws {
        let lastKey = try key("173")
        #expect(lastKey.deadline == "12月底前")
        #expect(lastKey.coUnits == ["各部门", "各区镇"])
    }

    @Test func confidence() throws {
        #expect(CellTableReader().confidence(try TableSeeds.document(TableSeeds.haimen)) >= 80)
    }
}
