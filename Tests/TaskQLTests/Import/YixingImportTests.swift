import Testing

@testable import TaskQL

/// Yixing 001: numbered paragraphs with units in trailing parentheses.
@Suite struct YixingImportTests {
    let doc: ImportedDocument
    init() throws { doc = try SeedDocuments.imported("001") }

    @Test func countsMatchTheNotice() {
        #expect(doc.info.layout == "numbered-paragraphs")
        #expect(doc.records.count(.key) == 50)
        #expect(doc.records.count(.livelihood) == 10)
        #expect(doc.records.count(.indicator) == 10)
        #expect(doc.records.count == 70)
        let keySections = Set(doc.records.filter { $0.kind == .key }.compactMap(\.section))
        #expect(keySections.count == 10)
        let livelihoodNumbers = doc.records.filter { $0.kind == .livelihood }.map(\.number)
        #expect(livelihoodNumbers == (51...60).map(String.init))
        #expect(doc.report.warnings.isEmpty)
    }

    @Test func taskOne() throws {
        let task = try #require(doc.records.first(.key, number: "1"))
        #expect(task.title == "加快推进农业现代化建设")
        #expect(task.section == "农业农村类")
        #expect(task.text.hasPrefix("积极发展精细稻米"))
        #expect(task.text.hasSuffix("确保自给率达30%。"))
        // `各相关镇、园区、街道` is one collective (各 covers every level after it).
        #expect(task.leadUnits == ["市农业农村局", "市供销社", "各相关镇、园区、街道"])
        #expect(task.coUnits.isEmpty)
        #expect(task.id == "yixing-2020-key-1")
        #expect(task.source == "001_8c26460259d3c740.txt:59")
        #expect(task.city == "宜兴" && task.year == 2020 && task.dataset == "yixing")
    }

    @Test func prefixWrittenOnceAppliesToItsGroupOnly() throws {
        let finance = try #require(doc.records.first(.key, number: "13"))
        #expect(
            finance.leadUnits == [
                "市委政法委", "市税务局", "市地方金融监管局", "市金融发展集团", "人民银行宜兴市支行", "无锡银保监分局宜兴监管组",
            ])
        let air = try #require(doc.records.first(.key, number: "27"))
        #expect(air.leadUnits.prefix(3) == ["宜兴生态环境局", "市污染防治攻坚办", "市发展改革委"])
        let reading = try #require(doc.records.first(.key, number: "44"))
        #expect(reading.leadUnits.prefix(4) == ["市委宣传部", "总工会", "团市委", "市文体广电旅游局"])
    }

    @Test func indicatorsHaveTextButNoTitle() throws {
        let gdp = try #require(doc.records.first(.indicator, number: "1"))
        #expect(gdp.text == "地区生产总值增长6.5%;一般公共预算收入增长5%。")
        #expect(gdp.title == nil && gdp.section == nil)
        #expect(gdp.leadUnits == ["市发展改革委", "市财政局", "市税务局"])
    }

    @Test func livelihoodProjects() throws {
        let last = try #require(doc.records.first(.livelihood, number: "60"))
        #expect(last.title == "安居工程项目")
        #expect(last.text == "完成新城嘉园三期公租房建设。")
        #expect(last.leadUnits == ["市住房城乡建设局", "丁蜀镇"])
        #expect(last.section == "10件民生实事项目")
    }

    @Test func metadata() {
        #expect(doc.info.title == "市政府关于印发2020年重点工作分解落实方案的通知")
        #expect(doc.info.authority == "宜兴市人民政府")
        #expect(doc.info.documentNumber == "宜政发〔2020〕160号")
        #expect(doc.info.date == CivilDate(year: 2020, month: 9, day: 11))
        #expect(doc.info.city == "宜兴")
        #expect(doc.info.year == 2020)
    }
}
