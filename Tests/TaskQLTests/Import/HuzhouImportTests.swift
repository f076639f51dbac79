import Testing

@testable import TaskQL

/// Huzhou 002: numbered items with `责任单位:` lines, leaders from headings.
@Suite struct HuzhouImportTests {
    let doc: ImportedDocument
    init() throws { doc = try SeedDocuments.imported("002") }

    @Test func countsMatchTheNotice() {
        #expect(doc.info.layout == "labelled-items")
        #expect(doc.records.count(.key) == 96)
        #expect(doc.records.count(.livelihood) == 10)
        #expect(doc.records.count == 106)
        let keys = doc.records.filter { $0.kind == .key }
        #expect(keys.map(\.number) == (1...96).map(String.init))
        let leadersOfSections = Set(keys.compactMap(\.leaders.first))
        #expect(leadersOfSections == ["王纲", "杨六顺", "闵云", "施根宝", "朱留沙", "项乐民", "夏坚定"])
        #expect(doc.report.warnings.isEmpty)
    }

    @Test func taskTen() throws {
        let task = try #require(doc.records.first(.key, number: "10"))
        #expect(task.leaders == ["杨六顺"])
        #expect(task.leadUnits == ["市发展改革委(铁办)"])
        #expect(task.coUnits == ["市交通运输局", "各区县政府", "南太湖新区管委会"])
        #expect(task.section == "杨六顺常务副市长牵头重点工作")
        #expect(task.id == "huzhou-2020-key-10")
    }

    @Test func firstListedUnitLeadsAndTheNoteIsDropped() throws {
        let task = try #require(doc.records.first(.key, number: "1"))
        #expect(task.leaders == ["王纲"])
        #expect(task.leadUnits == ["市经信局"])
        #expect(task.coUnits == ["市财政局", "市发展改革委", "市人力社保局", "市金融办", "市税务局"])
    }

    @Test func assistingViceMayorsAreLeadersToo() throws {
        let task = try #require(doc.records.first(.key, number: "44"))
        #expect(task.leaders == ["施根宝", "许继清"])
        let other = try #require(doc.records.first(.key, number: "69"))
        #expect(other.leaders == ["项乐民", "许继清"])
    }

    @Test func livelihoodItemsFromTheSecondAttachment() throws {
        let items = doc.records.filter { $0.kind == .livelihood }
        #expect(items.map(\.id) == (1...10).map { "huzhou-2020-livelihood-\($0)" })
        let first = try #require(items.first)
        #expect(first.number == "一")
        #expect(first.text.hasPrefix("持续推进水环境治理(2个子项)。完成10座病险水库"))
        #expect(first.leadUnits == ["市水利局"] && first.coUnits.isEmpty)
        #expect(first.leaders.isEmpty)
    }

    @Test func metadata() {
        #expect(doc.info.authority == "湖州市人民政府办公室")
        #expect(doc.info.date == CivilDate(year: 2020, month: 5, day: 22))
        #expect(doc.info.city == "湖州")
        #expect(doc.info.year == 2020)
        #expect(doc.info.documentNumber == nil)
    }
}
