import Testing

@testable import TaskQL

/// Responsibility wherever a document states it, by the same rules
/// (Docs/IMPORTING.md, labelled-items).
@Suite struct ResponsibilityFormsTests {
    static func records(_ text: String) throws -> [TaskRecord] {
        try DocumentImporter().importText(text, file: "forms.txt").records
    }

    @Test func sentenceForms() throws {
        let records = try Self.records(
            """
            一、扩大有效投资
            1.实施重大项目攻坚。(市发改委牵头,市财政局、市自然资源局配合)
            2.落实提振信心措施。(省发展改革委牵头,省商务厅、财政厅等相关部门按职责分工负责)
            3.激活房地产市场。(省住房城乡建设厅、地方金融监管局按职责分工负责)
            4.优化审批服务。(市审批局主办,市司法局协办)
            """)
        #expect(records.map(\.leadUnits) == [["市发改委"], ["省发展改革委"], ["省住房城乡建设厅", "地方金融监管局"], ["市审批局"]])
        #expect(records.map(\.coUnits) == [["市财政局", "市自然资源局"], ["省商务厅", "财政厅"], [], ["市司法局"]])
        #expect(records.allSatisfy { $0.section == "扩大有效投资" })
    }

    @Test func labelsWithBothLeadAndResponsibleUnits() throws {
        let records = try Self.records(
            """
            1.地区生产总值增长6%。
            牵头单位:市发展改革委
            责任单位:各县(市)区政府,各开发区管委会,各相关部门
            2.一般公共预算收入增长5%。
            责任单位:市财政局、市税务局
            3.城乡居民收入稳步增长。
            牵头领导:王 明
            责任单位:市人社局、市妇联配合
            """)
        #expect(records[0].leadUnits == ["市发展改革委"])
        #expect(records[0].coUnits == ["各县(市)区政府", "各开发区管委会", "各相关部门"])
        #expect(records[1].leadUnits == ["市财政局", "市税务局"] && records[1].coUnits.isEmpty)
        #expect(records[2].leadUnits == ["市人社局"] && records[2].coUnits == ["市妇联"])
        #expect(records[2].leaders == ["王明"])
    }

    @Test func firstListedLeadsWhenTheNoticeSaysSo() throws {
        let records = try Self.records(
            """
            责任单位列第一位的为牵头单位,下同。
            1.推进城市更新。[责任单位:市住建局、市财政局等]
            2.建设口袋公园。[责任单位:市园林局、各县、市、区人民政府]
            3.改造老旧管网。[责任单位:市水务局]
            """)
        #expect(records.map(\.leadUnits) == [["市住建局"], ["市园林局"], ["市水务局"]])
        #expect(records.map(\.coUnits) == [["市财政局"], ["各县、市、区人民政府"], []])
    }

    @Test func groupHeadingsAndOnePageOnOneLine() throws {
        let records = try Self.records(
            "通知如下。 一、市发展改革委牵头工作(2项) 1.扩大有效投资。(配合单位:各区政府) 2.推进重大项目。"
                + " 二、李华副市长牵头重点工作 3.深化国企改革。(牵头单位:市国资委) 4.推进混改。(牵头单位:市国资委)")
        #expect(records.map(\.number) == ["1", "2", "3", "4"])
        #expect(records.map(\.leadUnits) == [["市发展改革委"], ["市发展改革委"], ["市国资委"], ["市国资委"]])
        #expect(records[0].coUnits == ["各区政府"])
        #expect(records[2].leaders == ["李华"])
        #expect(records[2].section == "李华副市长牵头重点工作")
    }

    @Test func sentencesThatEndInTheirStatementAreTasks() throws {
        let records = try Self.records(
            """
            一、深化改革
            (一)促进民营经济发展。落实支持政策(分管副省长负责,省发改委牵头)。优化营商环境,推进注册便利化(省市场监管局牵头)。
            (二)深化国企改革(省国资委牵头)。
            (三)深化财税改革(省财政厅牵头)。
            """)
        #expect(records.map(\.leadUnits) == [["省发改委"], ["省市场监管局"], ["省国资委"], ["省财政厅"]])
        #expect(records[0].leaders == ["分管副省长"])
        #expect(records.map(\.number) == ["一", "", "二", "三"])
    }

    @Test func gluedNumbersCountWhereTheLineStatesResponsibility() throws {
        let records = try Self.records(
            """
            1优化营商环境(牵头单位:市政务服务局;配合单位:市大数据局)
            2推进审批制度改革(牵头单位:市住建局)
            3开展涉企收费清理(市发改委牵头,市市场监管局配合)
            """)
        #expect(records.map(\.number) == ["1", "2", "3"])
        #expect(records[0].text == "优化营商环境")
        #expect(NumberedLine.parseGlued("3所学校建成") == nil)
        #expect(NumberedLine.parseGlued("2024年完成") == nil)
    }
}
