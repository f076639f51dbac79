import Testing

@testable import TaskQL

@Suite("Pipe-flattened tables")
struct PipeTableReaderTests {
    @Test func markdownTableWithSeparator() throws {
        let (tasks, notes) = try TableFixtures.read("pipe-with-separator.txt", with: PipeTableReader())
        #expect(tasks.map(\.number) == ["1", "2", "3"])
        #expect(tasks.allSatisfy { $0.kind == .key })
        #expect(tasks[0].leaders == ["赵六"])
        #expect(tasks[0].coUnits == ["财政局", "各街道"])
        #expect(tasks[0].line == 5)
        #expect(tasks[1].leaders == ["赵六", "孙七"])
        #expect(tasks[1].leadUnits == ["交通局", "大数据局"])
        #expect(tasks[2].leaders == ["赵六", "孙七"])  // blank leader cell: merged
        #expect(tasks[2].coUnits.isEmpty)
        #expect(tasks[2].deadline == "上半年")
        #expect(notes.inheritedCells == ["leaders": 1])
        #expect(PipeTableReader().confidence(try TableFixtures.document("pipe-with-separator.txt")) >= 70)
    }

    @Test func fullWidthBarsWithoutSeparatorOrNumbers() throws {
        let (tasks, notes) = try TableFixtures.read("pipe-fullwidth-no-separator.txt", with: PipeTableReader())
        #expect(tasks.map(\.number) == ["1", "2", "3"])
        #expect(tasks.allSatisfy { $0.kind == .livelihood })
        #expect(tasks[0].text == "新增停车泊位2000个。")
        #expect(tasks[0].deadline == "年底前")
        #expect(tasks[1].leaders == ["钱八"])
        #expect(tasks[1].coUnits == ["各镇"])
        #expect(tasks[2].leaders == ["周九"])
        #expect(tasks[2].coUnits.isEmpty)
        #expect(notes.warnings.map(\.line) == [5])
    }

    @Test func cellTablesAreNotPipeTables() throws {
        #expect(PipeTableReader().confidence(try TableSeeds.document(TableSeeds.haimen)) == 0)
        #expect(CellTableReader().confidence(try TableFixtures.document("pipe-with-separator.txt")) == 0)
    }

    @Test func pipeLinesSplitIntoCells() throws {
        let cells = try #require(PipeTableReader.pipeCells("序号 | 任务 | 牵头单位", lineNumber: 1))
        #expect(cells.map(\.lines) == [["序号 "], [" 任务 "], [" 牵头单位"]])
        #expect(PipeTableReader.pipeCells("一、总体要求 | 其他", lineNumber: 1) == nil)
    }
}
