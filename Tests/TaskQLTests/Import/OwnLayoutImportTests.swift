import Testing

@testable import TaskQL

/// Documents written for the tests in layouts the seeds do not show.
@Suite struct OwnLayoutImportTests {
    /// `牵头领导:`/`牵头单位:`/`配合单位:`/`完成时限:` lines after each item,
    /// full-width punctuation, padded names, bracketed labels two on a line.
    @Test func labelLines() throws {
        let doc = try DocumentImporter().importFile(at: FixtureDocuments.path("label-lines-nanjing.txt"))
        #expect(doc.info.layout == "labelled-items")
        #expect(doc.records.map(\.id) == (1...4).map { "nanjing-2021-key-\($0)" })
        let first = doc.records[0]
        #expect(first.leaders == ["张明"])
        #expect(first.leadUnits == ["市发改委"])
        #expect(first.coUnits == ["市科技局", "市财政局", "江北新区管委会"])
        #expect(first.deadline == "2021年12月底前" && first.due == CivilDate(year: 2021, month: 12, day: 31))
        #expect(first.section == "推动经济高质量发展")
        #expect(first.text == "加快建设综合性国家科学中心，推进紫金山实验室建设。" && first.title == nil)
        #expect(doc.records[1].leaders == ["李华", "王强"])
        #expect(doc.records[1].coUnits == ["市发展和改革委员会", "市商务局"])
        #expect(doc.records[2].leadUnits == ["市人社局"] && doc.records[2].coUnits == ["市财政局"])
        #expect(doc.records[3].deadline == "持续推进" && doc.records[3].due == nil)
        #expect(doc.info.documentNumber == "宁政办发〔2021〕12号")
        #expect(doc.info.authority == "南京市人民政府办公室")
        #expect(doc.info.date == CivilDate(year: 2021, month: 3, day: 5))
    }

    /// `(牵头单位:…;配合单位:…;完成时限:…)` at the end of the item, content
    /// paragraphs after it, `(一)` sections and a livelihood part.
    @Test func inlineLabels() throws {
        let doc = try DocumentImporter().importFile(at: FixtureDocuments.path("inline-labels-shaoxing.txt"))
        #expect(doc.records.count(.key) == 3 && doc.records.count(.livelihood) == 2)
        let road = doc.records[0]
        #expect(road.title == "加快杭绍台高速公路建设")
        #expect(road.text == "确保杭绍台高速公路绍兴段全线贯通。同步推进沿线互通和连接线建设。")
        #expect(road.leadUnits == ["市交通运输局"] && road.coUnits == ["市发改委", "市自然资源规划局"])
        #expect(road.due == CivilDate(year: 2021, month: 9, day: 30))
        #expect(road.section == "扩大有效投资")
        #expect(doc.records[1].coUnits == ["越城区政府", "柯桥区政府"])
        #expect(doc.records[2].section == "深化改革开放" && doc.records[2].title == nil)
        let books = try #require(doc.records.first(.livelihood, number: "1"))
        #expect(books.text == "新建城市书房20家。" && books.leadUnits == ["市文化广电旅游局"])
        #expect(books.due == CivilDate(year: 2021, month: 11, day: 30))
        #expect(doc.info.city == "绍兴" && doc.info.year == 2021 && doc.datasetName == "shaoxing")
        #expect(doc.info.title == "关于下达2021年政府工作报告重点工作任务的通知")
    }

    /// Traditional characters: `責任單位` with the first-unit-leads note,
    /// `牽頭單位`/`配合單位`, `民生實事`, `號`.
    @Test func traditionalCharacters() throws {
        let doc = try DocumentImporter().importFile(at: FixtureDocuments.path("traditional-suzhou.txt"))
        #expect(doc.records.count == 3)
        #expect(doc.records[0].leadUnits == ["市發改委"] && doc.records[0].coUnits == ["市科技局", "市工信局"])
        #expect(doc.records[1].leadUnits == ["市科技局"] && doc.records[1].coUnits == ["高新區管委會"])
        #expect(doc.records[1].due == CivilDate(year: 2022, month: 6, day: 30))
        #expect(doc.records[2].kind == .livelihood)
        #expect(doc.records[2].coUnits == ["市衛健委", "市財政局"])
        #expect(doc.records[2].due == CivilDate(year: 2022, month: 9, day: 30))
        #expect(doc.info.documentNumber == "蘇府〔2022〕8號")
        #expect(doc.info.city == "苏州" && doc.datasetName == "suzhou")
    }

    /// Without a statement that the first unit leads, every 责任单位 leads.
    @Test func responsibleUnitsWithoutStatementAllLead() throws {
        let text = """
            2021年重点工作
            1.推进河道整治。
            责任单位:市水利局、市农业农村局
            2.建设口袋公园10个。
            责任单位:市住建局
            3.开展文明城市创建。
            责任单位:市文明办、市城管局
            """
        let doc = try DocumentImporter().importText(text, file: "plain.txt")
        #expect(doc.records[0].leadUnits == ["市水利局", "市农业农村局"] && doc.records[0].coUnits.isEmpty)
        #expect(doc.info.year == 2021)
        #expect(doc.datasetName == "plain")
        #expect(doc.records[0].id == "plain-2021-key-1")
    }

    /// Numbered paragraphs with full-width parentheses and commas.
    @Test func parenthesisedUnitsFullWidth() throws {
        let text = """
            一、城市建设
            1、建设地铁3号线。（市交通运输局、发展改革委，各区政府）
            完成主体工程。
            2、改造老旧小区。（市住房城乡建设局）
            3、新建公园5个。（市城管局、财政局）
            """
        let doc = try DocumentImporter().importText(text, file: "x.txt")
        #expect(doc.info.layout == "numbered-paragraphs")
        #expect(doc.records[0].leadUnits == ["市交通运输局", "市发展改革委", "各区政府"])
        #expect(doc.records[0].title == "建设地铁3号线" && doc.records[0].text == "完成主体工程。")
        #expect(doc.records[2].leadUnits == ["市城管局", "市财政局"])
    }

    @Test func duplicateNumbersGetUniqueIdsAndAWarning() throws {
        let text = """
            2021年重点工作
            1.甲。
            牵头单位:市水利局
            2.乙。
            牵头单位:市水利局
            2.丙。
            牵头单位:市水利局
            4.丁。
            牵头单位:市水利局
            """
        let doc = try DocumentImporter().importText(text, file: "dup.txt")
        #expect(doc.records.map(\.id) == ["dup-2021-key-1", "dup-2021-key-2", "dup-2021-key-2-2", "dup-2021-key-4"])
        let numbering = doc.report.warnings.filter { $0.message.contains("numbered") || $0.message.contains("missing") }
        #expect(numbering.map(\.line) == [6, 8])
        #expect(doc.report.warnings.contains { $0.message.hasPrefix("no city found") })
        #expect(doc.report.rendered().contains("dup.txt:8: warning: key item 3 is missing"))
    }
}
