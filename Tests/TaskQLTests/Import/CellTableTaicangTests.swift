import Testing

@testable import TaskQL

@Suite("Cell-per-line tables: Taicang")
struct CellTableTaicangTests {
    let tasks: [RawTask]
    let notes: ReaderNotes

    init() throws {
        (tasks, notes) = try TableSeeds.read(TableSeeds.taicang)
    }

    func of(_ kind: TaskKind) -> [RawTask] { tasks.filter { $0.kind == kind } }

    @Test func eightIndicatorsUnderTheVerticalHeading() throws {
        let indicators = of(.indicator)
        #expect(indicators.count == 8)
        #expect(indicators.allSatisfy { $0.section == "综合指标" })
        #expect(indicators.map(\.number) == (1...8).map(String.init))
        let first = try #require(indicators.first)
        #expect(first.subsection == "地区生产总值")
        #expect(first.text == "增长6%左右")
        #expect(first.leaders == ["顾晓东", "岳智宏"])
        #expect(first.line == 23)
        #expect(indicators[4].leaders == ["胡捷"])  // 胡　捷, ideographic padding
    }

    @Test func keyWorkRowsCarrySectionAndSubsection() throws {
        let key = of(.key)
        #expect(key.count == 152)
        #expect(key.allSatisfy { $0.section != nil && $0.subsection != nil })
        #expect(key.map(\.number) == (1...key.count).map(String.init))
        let sections = key.compactMap(\.section).reduce(into: [String]()) { list, s in
            if list.last != s { list.append(s) }
        }
        #expect(sections.count == 8)
        #expect(sections.allSatisfy { $0.hasPrefix("坚持") })
        #expect(sections[2] == "坚持改革为要，全力构筑开发开放大格局")  // printed `j坚` / `我坚持…`
        let second = key[1]
        #expect(second.text.hasPrefix("建成投用中欧先进制造产业园二期"))
        #expect(second.subsection == "扩大有效投入")
        #expect(second.leaders == ["顾晓东", "岳智宏"])
        #expect(second.leadUnits == ["发改委"])
        #expect(second.coUnits == ["各有关镇（区）", "有关部门"])
    }

    @Test func everyRowHasLeadersAndLeadUnits() {
        for task in tasks {
            #expect(!task.leaders.isEmpty, "line \(task.line)")
            #expect(!task.leadUnits.isEmpty, "line \(task.line)")
        }
    }

    @Test func twentyTwoProjects() throws {
        let projects = of(.livelihood)
        #expect(projects.count == 22)
        #expect(projects.map(\.number) == (1...22).map(String.init))
        let first = try #require(projects.first)
        #expect(first.title == "教育基础设施提升工程")
        #expect(first.section == "教育文化")
        #expect(first.text.contains("；2020年工作任务：1.直塘幼儿园迁建工程主体完工"))
        #expect(projects[1].section == "教育文化")
        // Category 就业创业及社会保障 prints no 相关单位: not inherited across categories.
        #expect(projects[6].coUnits.isEmpty)
    }

    @Test func truncatedLastRowIsKeptWithAWarning() throws {
        let last = try #require(of(.livelihood).last)
        #expect(last.number == "22")
        #expect(last.leadUnits == ["住建局"])
        #expect(
            notes.warnings.map(\.description) == [
                "003_41a8f5c6a5cd55f4.txt:1615: warning: table row has 7 of 8 cells; "
                    + "the document seems truncated, kept what is there"
            ])
    }

    @Test func mergedColumnsAreCounted() {
        #expect((notes.inheritedCells["leaders"] ?? 0) > 0)
        #expect((notes.inheritedCells["lead_units"] ?? 0) > 0)
        // 相关单位 is re-printed at every page break, so its blanks inherit.
        #expect((notes.inheritedCells["co_units"] ?? 0) > 0)
    }

    @Test(arguments: [TableSeeds.haimen, TableSeeds.taicang])
    func confidentOnTableSeeds(_ seed: String) throws {
        #expect(CellTableReader().confidence(try TableSeeds.document(seed)) >= 80)
    }

    @Test(arguments: [TableSeeds.yixing, TableSeeds.huzhou, TableSeeds.nantong])
    func notConfidentOnOtherSeeds(_ seed: String) throws {
        let document = try TableSeeds.document(seed)
        #expect(CellTableReader().confidence(document) <= 10)
        #expect(PipeTableReader().confidence(document) <= 10)
    }
}
