import Testing

@testable import TaskQL

/// Tables printed as space-aligned columns (typed pages, `pdftotext -layout`).
@Suite struct SpacedColumnsReaderTests {
    static let page = """
        江城市2024年民生实事项目分解表
        序号    项目名称              责任领导    牵头单位      配合单位              完成时限
        1       新建中小学3所，       王明        市教育局      市财政局、            2024年9月
                新增学位5400个。                                市自然资源局          底前
        2       改造老旧小区120个     李华        市住建局      各区人民政府          2024年底前
        3       新增养老床位800张     王明        市民政局                            长期

        序号    项目名称              责任领导    牵头单位      配合单位              完成时限
        4       建设口袋公园20个      李华        市园林局      各区人民政府          2024年6月底前
        """

    @Test func rowsAndWrappedCells() throws {
        let document = DocumentLines(file: "p.txt", text: Self.page)
        var notes = ReaderNotes()
        let tasks = try SpacedColumnsReader().read(document, notes: &notes)
        #expect(tasks.map(\.number) == ["1", "2", "3", "4"])
        #expect(tasks[0].text == "新建中小学3所，新增学位5400个。")
        #expect(tasks[0].leaders == ["王明"])
        #expect(tasks[0].coUnits == ["市财政局", "市自然资源局"])
        #expect(tasks[0].deadline == "2024年9月底前")
        #expect(tasks[2].coUnits.isEmpty)
        #expect(tasks[3].leadUnits == ["市园林局"])
        #expect(tasks.allSatisfy { $0.kind == .livelihood })
    }

    @Test func piecesSplitAtTwoSpaces() {
        let pieces = SpacedColumnsReader.pieces("1   2024 年 12   市科技局")
        #expect(
            pieces == [.init(start: 0, text: "1"), .init(start: 4, text: "2024 年 12"), .init(start: 16, text: "市科技局")])
    }

    @Test func proseIsNotATable() {
        let prose = DocumentLines(file: "p.txt", text: "一、总体要求\n坚持稳中求进工作总基调，  推动高质量发展。\n")
        #expect(SpacedColumnsReader().confidence(prose) == 0)
    }
}
