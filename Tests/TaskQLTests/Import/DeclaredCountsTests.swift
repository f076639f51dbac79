import Testing

@testable import TaskQL

/// The report checks the counts a notice declares against what was found.
@Suite struct DeclaredCountsTests {
    static func counts(_ text: String, limit: Int = 60) -> [DeclaredCounts.Count] {
        DeclaredCounts.find(in: DocumentLines(file: "n.txt", text: text), limit: limit)
    }

    @Test func countsByKind() {
        let found = Self.counts("细化分解为9个方面173项重点工作和10个方面50件为民办实事项目，由市政府分管领导牵头负责。")
        #expect(found.map(\.kind) == [.key, .livelihood])
        #expect(found.map(\.declared) == [173, 50])
    }

    @Test func chineseNumeralsAndGenericWords() {
        #expect(Self.counts("今年确定十件民生实事").map(\.declared) == [10])
        let generic = Self.counts("将全年的目标任务分解成60项具体工作任务")
        #expect(generic.map(\.declared) == [60] && generic.first?.kind == nil)
        #expect(Self.counts("共9个方面，另有3个附件").isEmpty)
    }

    @Test func onlyTheNoticeCounts() {
        #expect(Self.counts("通知\n1、新建学校10所，民生实事3件", limit: 1).isEmpty)
    }

    @Test func seedsMatchTheirNotices() throws {
        let haimen = try SeedDocuments.imported("000").report
        #expect(haimen.declaredCounts.map(\.declared) == [173, 50])
        #expect(haimen.declaredCounts.allSatisfy { $0.declared == $0.found })
        #expect(haimen.rendered().contains("declared counts: key 173 ✓, livelihood 50 ✓"))
        let yixing = try SeedDocuments.imported("001").report
        #expect(yixing.declaredCounts.map(\.declared) == [60] && yixing.declaredCounts[0].found == 60)
    }

    @Test func aShortfallIsAWarning() throws {
        let text =
            "今年安排5项重点工作，分解如下。\n1、新建学校。\n牵头单位：市教育局\n2、新建医院。\n牵头单位：市卫健委\n"
            + "3、新建公园。\n牵头单位：市园林局\n"
        let doc = try DocumentImporter().importText(text, file: "short.txt")
        #expect(doc.report.warnings.contains { $0.message == "the notice declares 5 key items, 3 were found" })
    }
}
