import Testing

@testable import TaskQL

/// Nantong 004: the 2020 plan paragraphs of a narrative report.
@Suite struct NantongImportTests {
    let doc: ImportedDocument
    init() throws { doc = try SeedDocuments.imported("004") }

    @Test func planParagraphsUnderTheirHeadings() {
        #expect(doc.info.layout == "narrative-report")
        #expect(doc.records.allSatisfy { $0.kind == .report })
        var sections: [String] = []
        for r in doc.records where sections.last != r.section { sections.append(r.section ?? "") }
        #expect(
            sections == [
                "2020年目标任务", "以推进国家战略实施为引领,聚力建设新出海口打造发展新引擎", "以解决突出问题为导向,坚决打赢三大攻坚战",
                "以实施重大项目为抓手,构建具有集群竞争优势的现代产业体系", "以增强科技创新能力为目标,营造具有特色的“双创”生态",
                "以加快改革开放为动力,推动开发区做大做强", "以深化生态园林城市建设为重点,提高城市宜居宜业功能和品质",
                "以促进城乡融合为关键,推动乡村振兴战略深入实施",
            ])
        #expect(doc.records.count == 29)
    }

    @Test func paragraphsAreTitledByTheirLeadSentence() throws {
        let port = try #require(doc.records.first { $0.number == "1.2" })
        #expect(port.title == "加快提升港口功能")
        #expect(port.text.hasPrefix("加快提升港口功能。深化港口一体化改革"))
        // The paragraph broken by a page break is joined again.
        #expect(port.text.contains("通海港区至通州湾(东灶港)"))
        #expect(port.id == "nantong-2020-report-1.2")
        #expect(port.source == "004_3dced76db18c069d.txt:39")
    }

    @Test func newspaperArtefactsAreUndone() throws {
        let lone = try #require(doc.records.first { $0.title == "打造特色优势产业集群" })
        #expect(lone.text.hasPrefix("打造特色优势产业集群。深入实施强链补链计划"))
        let last = try #require(doc.records.last)
        #expect(last.number == "7.1")
        #expect(!last.text.contains("下转"))
        #expect(last.text.hasSuffix("城乡统筹协调发展。"))
        let targets = try #require(doc.records.first { $0.number == "0.3" })
        #expect(targets.text.contains("一般公共预算收入增长2.6%"))
    }

    @Test func metadata() {
        #expect(doc.info.city == "南通")
        #expect(doc.info.year == 2020)
        #expect(doc.info.title == "政府工作报告")
    }
}
