import Foundation
import Testing

@testable import TaskQL

/// `diff A B`: the changes from one version of a decomposition to another,
/// by the matching rule of ``DatasetDiff``.
@Suite struct DiffTests {
    typealias T = EngineFixture

    /// `first` and `second` as two datasets, and `diff first second` as
    /// (change, number_a, number_b, before, after) rows.
    func changes(_ first: [TaskRecord], _ second: [TaskRecord]) throws -> [[Value]] {
        let a = Dataset(name: "v1", documents: [], records: first)
        let b = Dataset(name: "v2", documents: [], records: second)
        let engine = Engine(datasets: [a, b], aliases: T.aliases)
        let query = "diff v1 v2 | select change, number_a, number_b, before, after"
        let rows = try runQuery(query, engine: engine).rows
        let plain = try runQuery(query, engine: FastPathDifferentialTests.plainTwin(of: engine)).rows
        #expect(plain == rows)
        return rows
    }

    func task(
        _ id: String, _ number: String, _ text: String, section: String? = "一、经济", kind: TaskKind = .key,
        leaders: [String] = ["周国强"], lead: [String] = ["发改委"], co: [String] = [], deadline: String? = "全年"
    ) -> TaskRecord {
        T.task(
            id, "", "海门", kind, number, text, section: section, leaders: leaders, lead: lead, co: co,
            deadline: deadline)
    }

    static let texts = [
        "推进疏港铁路一期工程建设", "加快打造沿江沿海临港高端绿色产业基地", "完善城市公园小游园微绿地体系",
        "全面推广垃圾分类规范建筑餐厨垃圾处置", "实施小区管理规范提升工程常态整治违法建设",
    ]

    func version(_ prefix: String, _ indices: [Int], edit: (inout [TaskRecord]) -> Void = { _ in }) -> [TaskRecord] {
        var tasks = indices.enumerated().map { n, k in task("\(prefix)-\(n + 1)", "\(n + 1)", Self.texts[k]) }
        edit(&tasks)
        return tasks
    }

    @Test func theSameTasksHaveNoChanges() throws {
        let first = version("a", [0, 1, 2])
        // Other punctuation, another spelling of the same unit, the same
        // deadline text, another section numbering: no change.
        let second = version("b", [0, 1, 2]) { tasks in
            tasks[0].text = "推进疏港铁路，一期工程建设。"
            tasks[1].leadUnits = ["市发展改革委"]
            tasks[2].section = "（一）经济"
        }
        #expect(try changes(first, second) == [])
    }

    /// Renumbering that follows from a task added or removed is no change.
    @Test func addedAndRemovedTasksDoNotRenumberTheOthers() throws {
        let rows = try changes(version("a", [0, 1, 2, 3]), version("b", [0, 4, 2, 3]))
        // A removed task is listed where it was: after the task before it.
        #expect(
            rows == [
                ["removed", "2", nil, .string(Self.texts[1]), nil],
                ["added", nil, "2", nil, .string(Self.texts[4])],
            ])
        #expect(
            try changes(version("a", [0, 2, 3]), version("b", [0, 1, 2, 3])) == [
                ["added", nil, "2", nil, .string(Self.texts[1])]
            ])
    }

    /// Only the task that left its place among the others is `moved`.
    @Test func aTaskMovedAmongOthersIsMoved() throws {
        let rows = try changes(version("a", [0, 1, 2, 3, 4]), version("b", [1, 2, 3, 0, 4]))
        #expect(rows == [["moved", "1", "4", "1", "4"]])
    }

    @Test func everyChangedFieldIsARow() throws {
        let first = version("a", [0, 1])
        let second = version("b", [0, 1]) { tasks in
            tasks[0].deadline = "6月底前"
            tasks[0].leaders = ["姜勇"]
            tasks[0].coUnits = ["市住建局"]
            tasks[1].leadUnits = ["发改委", "市住建局"]
            tasks[1].text = "加快打造沿江沿海临港高端绿色产业基地，培育壮大特色海洋经济"
            tasks[1].kind = .livelihood
        }
        #expect(
            try changes(first, second) == [
                ["leaders", "1", "1", "周国强", "姜勇"],
                ["co_units", "1", "1", nil, "市住建局"],
                ["deadline", "1", "1", "全年", "6月底前"],
                ["kind", "2", "2", "key", "livelihood"],
                ["text", "2", "2", .string(Self.texts[1]), "加快打造沿江沿海临港高端绿色产业基地，培育壮大特色海洋经济"],
                ["lead_units", "2", "2", "发改委", "发改委、市住建局"],
            ])
    }

    /// The part most like the whole continues it; the other part is `split`
    /// from it (or `merged` into it).
    @Test func splitAndMergedTasksNameTheirCounterpart() throws {
        let (short, long) = ("推进疏港铁路一期工程建设", "加快打造沿江沿海临港高端绿色产业基地，培育壮大特色海洋经济")
        let whole = short + "，" + long
        let split = try changes(
            [task("a-1", "1", whole)], [task("b-1", "1", short), task("b-2", "2", long)])
        #expect(
            split == [
                ["split", "1", "1", .string(whole), .string(short)],
                ["text", "1", "2", .string(whole), .string(long)],
            ])
        let merged = try changes(
            [task("a-1", "1", short), task("a-2", "2", long)], [task("b-1", "1", whole)])
        #expect(
            merged == [
                ["text", "2", "1", .string(long), .string(whole)],
                ["merged", "1", "1", .string(short), .string(whole)],
            ])
    }

    @Test func theLongestRunInOrderStays() {
        #expect(DatasetDiff.longestIncreasingRun([0, 1, 2, 3]) == [0, 1, 2, 3])
        #expect(DatasetDiff.longestIncreasingRun([1, 2, 3, 0, 4]) == [0, 1, 2, 4])
        #expect(DatasetDiff.longestIncreasingRun([]) == [])
    }

    @Test func mistakesAreDiagnosed() throws {
        let unknown = try #require(try diagnostic("diff haimen haimne"))
        #expect(unknown.code == DiagnosticCode.unknownSource)
        #expect(unknown.help?.contains("haimen") == true)
        let notADataset = try #require(try diagnostic("diff tasks haimen"))
        #expect(notADataset.message == "diff compares two loaded datasets, and 'tasks' is not one")
        let missing = try #require(try diagnostic("diff haimen"))
        #expect(missing.code == DiagnosticCode.unexpectedToken)
    }

    /// Issue 12: a real document and an edited copy (Examples/data, made by
    /// make-adjusted.py from the Haimen seed) give exactly the nine edits.
    @Test func aRealDocumentAndAnEditedCopyGiveExactlyTheEdits() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../..")
            .standardized
        var builder = EngineBuilder(aliases: .builtIn)
        try builder.load(root.appendingPathComponent("Sources/TaskQL/Resources/seeds/000_07f1fbb038e9b517.txt").path)
        try builder.load(
            root.appendingPathComponent("Examples/data/haimen-2020-adjusted.txt").path, datasetName: "haimen_adjusted")
        let engine = builder.build()
        let rows = try runQuery(
            "diff haimen haimen_adjusted | select change, number_a, number_b, before, after", engine: engine
        ).rows
        let short = rows.map { row in
            row.map { v -> Value in
                guard case .string(let s) = v, s.count > 12 else { return v }
                return .string(String(s.prefix(12)) + "…")
            }
        }
        #expect(
            short == [
                ["deadline", "36", "35", "12月底前", "9月底前"],
                ["moved", "35", "37", "35", "37"],
                ["leaders", "42", "42", "沈旭东", "姜勇"],
                // 47 and 48 merged: the text more like the merged one (48's)
                // continues, under 47's cells; 47 is merged into it.
                ["text", "48", "47", "继续深化国有企业改革，完…", "整合区镇审批服务执法力量…"],
                ["lead_units", "48", "47", "国资办", "编办"],
                ["co_units", "48", "47", "城发集团、交通产业集团、…", "相关部门、各区镇"],
                ["merged", "47", "47", "整合区镇审批服务执法力量…", "整合区镇审批服务执法力量…"],
                ["lead_units", "49", "48", "国资办、住建局", "财政局、住建局"],
                ["text", "50", "49", "启动实施公益类事业单位改…", "全面启动实施公益类事业单…"],
                // 57 split after its first sentence.
                ["split", "57", "56", "继续办好东洲英才创业周、…", "继续办好东洲英才创业周、…"],
                ["text", "57", "57", "继续办好东洲英才创业周、…", "全面落实人才政策“20条…"],
                ["removed", "62", nil, "用好国家鼓励进口政策，规…", nil],
                ["added", nil, "63", nil, "加快建设海门港新区综合保…"],
            ])
    }
}
