import Foundation
import Testing

@testable import TaskQL

/// Progress tables: the extra columns the importer keeps (进展情况, 是否达序
/// …) are columns of `tasks`, named by their header, listed by `.schema`,
/// offered by completion and kept in dataset files.
@Suite struct ExtraColumnTests {
    /// A 进展情况表 as a web page: two extra columns, one with a header that
    /// is no identifier, and a second document without them.
    static let page = """
        <html><head><meta charset="utf-8"></head><body>
        <p>海门市人民政府办公室 2020年7月1日</p>
        <table border="1">
        <tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>完成时限</th><th>进展情况</th><th>是否达序（%）</th></tr>
        <tr><td>1</td><td>新建城市绿道30公里。</td><td>市住建局</td><td>12月底前</td><td>已完成18公里，完成60%。</td><td>是</td></tr>
        <tr><td>2</td><td>改造老旧小区20个。</td><td>市住建局</td><td>10月底前</td><td>已开工12个。</td><td>否</td></tr>
        <tr><td>3</td><td>新增停车泊位420个。</td><td>交通局</td><td>12月底前</td><td></td><td>否</td></tr>
        </table></body></html>
        """

    static func engine() throws -> Engine {
        var builder = EngineBuilder(aliases: .builtIn)
        let imported = try DocumentImporter().importBytes(Array(page.utf8), file: "进展.html", datasetName: "progress")
        builder.add(Dataset(name: "progress", documents: [imported.info], records: imported.records))
        builder.add(EngineFixture.yixing)
        return builder.build()
    }

    @Test func extraColumnsAreQueriedByName() throws {
        let engine = try Self.engine()
        let rows = try runQuery("progress | select number, 进展情况, 是否达序", engine: engine).rows
        #expect(
            rows == [
                ["1", "已完成18公里，完成60%。", "是"], ["2", "已开工12个。", "否"],
                // A blank cell is no value.
                ["3", nil, "否"],
            ])
        #expect(try runQuery(#"tasks | where 是否达序 == "否" | count"#, engine: engine).rows == [[2]])
        // Tasks whose documents have no such column have null there.
        #expect(try runQuery("yixing | where 进展情况 is null | count", engine: engine).rows == [[3]])
        #expect(try runQuery("tasks | count by 是否达序", engine: engine).rows == [[nil, 3], ["否", 2], ["是", 1]])
        // Every stage sees them, and the plain evaluator agrees.
        let query = #"tasks | where 进展情况 contains "完成" | select id, 进展情况 as p | sort by id"#
        #expect(
            try runQuery(query, engine: engine).rows
                == runQuery(query, engine: FastPathDifferentialTests.plainTwin(of: engine)).rows)
    }

    @Test func schemaCompletionAndFilesKnowThem() throws {
        let engine = try Self.engine()
        #expect(engine.schema.suffix(2).map(\.name) == ["进展情况", "是否达序"])
        #expect(engine.schema.last?.summary.contains("是否达序（%）") == true)
        #expect(engine.fieldNames.suffix(2) == ["进展情况", "是否达序"])
        // `.schema DATASET`: only the extra columns that dataset's tasks have.
        #expect(engine.schema(ofDataset: "progress")?.suffix(2).map(\.name) == ["进展情况", "是否达序"])
        #expect(engine.schema(ofDataset: "yixing")?.map(\.name) == TaskField.allCases.map(\.name))
        #expect(engine.schema(ofDataset: "nosuch") == nil)
        // A dataset file written from the engine keeps them.
        let reread = try DatasetFile.decode(DatasetFile.encode(engine.datasets), file: "extras.jsonl")
        #expect(reread.flatMap(\.records).map(\.extra) == engine.datasets.flatMap(\.records).map(\.extra))
        #expect(
            engine.datasets[0].records[0].extra == [
                ExtraField(name: "进展情况", value: "已完成18公里，完成60%。"), ExtraField(name: "是否达序（%）", value: "是"),
            ])
    }

    @Test func headersBecomeNamesNoOtherColumnHas() {
        let taken = Set(TaskField.allNames)
        #expect(ExtraColumns.queryName("是否达序（%）", taken: taken) == "是否达序")
        #expect(ExtraColumns.queryName("一季度 目标", taken: taken) == "一季度_目标")
        #expect(ExtraColumns.queryName("1季度", taken: taken) == "_1季度")
        #expect(ExtraColumns.queryName("text", taken: taken) == "text_2")
        #expect(ExtraColumns.queryName("序号", taken: taken) == "序号_2")
        #expect(ExtraColumns.queryName("备注", taken: taken.union(["备注"])) == "备注_2")
        #expect(ExtraColumns.queryName("and", taken: taken) == "and_2")
        #expect(ExtraColumns.queryName("（%）", taken: taken) == "extra")
    }

    /// A bar-terminated table whose text ends inside a cell (an excerpt
    /// cut short) keeps that cell.
    @Test func aLastCellWithoutItsBarIsKept() throws {
        let text = """
            序号 |
            工作任务 |
            牵头单位 |
            进展情况 |
            1 |
            新建城市绿道30公里。 |
            市住建局 |
            已完成18公里。 |
            2 |
            改造老旧小区20个。 |
            市住建局 |
            已开工12个，
            """
        let imported = try DocumentImporter().importText(text, file: "cut.txt", encoding: .utf8)
        #expect(imported.records.map(\.extra.first?.value) == ["已完成18公里。", "已开工12个，"])
    }
}
