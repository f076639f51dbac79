import Testing

@testable import TaskQL

/// Flattened rows whose cells do not fit the header's count.
@Suite struct CellRowGroupingTests {
    static func tasks(_ text: String) throws -> [RawTask] {
        var notes = ReaderNotes()
        return try CellTableReader().read(DocumentLines(file: "t.txt", text: text), notes: &notes)
    }

    /// A page that drops a merged cell: each row's cells go where they read best.
    @Test func aRowShortOfACellIsPlacedByWhatItsCellsAre() throws {
        let text = """
            序号 |
            主要任务 |
            全年目标 |
            分管领导 |
            牵头单位 |
            协同单位 |
            进展情况 |
            1 |
            优化提升背街后巷交通组织。 |
            完成50条 |
            徐国江 |
            城管局 |
            市政局、相关街道 |
            已完成30%。 |
            2 |
            新建建筑垃圾中转站8个。 |
            徐国江 |
            城管局 |
            崇川经济开发区 |
            已建成3个。 |
            3 |
            新增达标小区210个。 |
            李华 |
            环卫处 |
            各街道 |
            推进中。 |
            """
        let tasks = try Self.tasks(text)
        #expect(tasks.map(\.number) == ["1", "2", "3"])
        #expect(tasks.map(\.leaders) == [["徐国江"], ["徐国江"], ["李华"]])
        #expect(tasks.map(\.leadUnits) == [["城管局"], ["城管局"], ["环卫处"]])
        #expect(tasks.map(\.coUnits) == [["市政局", "相关街道"], ["崇川经济开发区"], ["各街道"]])
        #expect(tasks[1].extras.map(\.value) == ["已建成3个。"])
    }

    /// One unit per cell (a list cell printed item by item) joins its column.
    @Test func surplusUnitCellsJoinTheirListColumn() throws {
        let text = "序号\n\n民生实事\n\n责任单位\n\n完成时限\n\n1\n\n新建学校。\n\n县教育局\n\n县住建局\n\n12月底前\n\n2\n\n新建医院。\n\n县卫健局\n\n9月底前\n"
        let tasks = try Self.tasks(text)
        #expect(tasks.map(\.leadUnits) == [["县教育局", "县住建局"], ["县卫健局"]])
        #expect(tasks.map(\.deadline) == ["12月底前", "9月底前"])
    }
}
