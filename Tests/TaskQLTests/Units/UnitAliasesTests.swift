import Foundation
import Testing

@testable import TaskQL

@Suite struct UnitAliasesTests {
    let aliases = UnitAliases.builtIn

    static let sameUnit: [(String, String)] = [
        ("发改委", "发改委"), ("发展改革委", "发改委"), ("市发展改革委", "发改委"), ("市发展和改革委员会", "发改委"),
        ("发展和改革委员会", "发改委"), ("南通市发展改革委", "发改委"), ("市发展改革委(铁办)", "发改委"),
        ("市发展改革委（铁办）", "发改委"), ("市发改委", "发改委"),
        ("住建局", "住建局"), ("住房城乡建设局", "住建局"), ("市住房和城乡建设局", "住建局"), ("市建设局", "住建局"),
        ("湖州市建设局", "住建局"), ("人社局", "人社局"), ("市人力资源社会保障局", "人社局"), ("市人力社保局", "人社局"),
        ("工业和信息化局", "工信局"), ("市工业和信息化局", "工信局"), ("市经信局", "经信局"),
        ("卫生健康委", "卫健委"), ("市卫生健康委", "卫健委"), ("市市场监管局", "市场监管局"), ("市场监管局", "市场监管局"),
        ("市监局", "市场监管局"), ("市场监督管理局", "市场监管局"), ("市监委", "监委"), ("市教育局", "教育局"),
        ("市财政局", "财政局"), ("宜兴生态环境局", "生态环境局"), ("市委组织部(人才办)", "组织部"),
        ("南通市委宣传部", "宣传部"), ("市委政法委", "政法委"), ("市政府办公室", "政府办"), ("市交通运输局", "交通局"),
        ("市 发 改 委", "发改委"), ("呼和浩特市监局", "市场监管局"), ("乌鲁木齐市发展改革委", "发改委"),
        ("南通市监局", "市场监管局"),
    ]

    @Test(arguments: sameUnit)
    func canonical(_ printed: String, _ expected: String) {
        #expect(aliases.canonical(printed) == expected)
    }

    @Test func distinctOrgansStayApart() {
        #expect(aliases.canonical("市监委") != aliases.canonical("市监局"))
        #expect(aliases.canonical("经信局") != aliases.canonical("工信局"))
        #expect(aliases.canonical("文体广电旅游局") != aliases.canonical("文化广电旅游局"))
        #expect(aliases.canonical("卫健局") != aliases.canonical("卫健委"))
        #expect(aliases.canonical("市委宣传部") != aliases.canonical("市委组织部"))
    }

    @Test func unknownUnitsLoseOnlyTheirPrefixAndNote() {
        #expect(aliases.canonical("市投资发展集团") == "投资发展集团")
        #expect(aliases.canonical("宜兴海关") == "海关")
        #expect(aliases.canonical("南太湖新区管委会") == "南太湖新区管委会")
        #expect(aliases.canonical("市场开发服务中心") == "市场开发服务中心")
        #expect(aliases.canonical("市级有关部门") == "市级有关部门")
        #expect(aliases.canonical("市民中心") == "市民中心")
        #expect(aliases.canonical("团市委") == "团市委")
        #expect(aliases.canonical("各区县政府") == "各区县政府")
    }

    @Test func aliasListsAndEntries() {
        let names = aliases.aliases(of: "发改委")
        #expect(names.contains("发展改革委") && names.contains("发展和改革委员会"))
        #expect(aliases.aliases(of: "市发展改革委") == names)
        #expect(aliases.entries.contains { $0.alias == "市监局" && $0.canonical == "市场监管局" })
        #expect(aliases.entries.count > 100)
    }

    @Test func userFileExtendsAndOverrides() throws {
        let path = NSTemporaryDirectory() + "aliases-\(UUID().uuidString).txt"
        try """
        # local names
        开发区 = 经济技术开发区, 经开区，开发区管委会
        发改委 = 发改办   # a county's spelling
        工信局 = 经信局
        """.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let merged = try aliases.merging(contentsOf: path)
        #expect(merged.canonical("市经开区") == "开发区")
        #expect(merged.canonical("开发区管委会") == "开发区")
        #expect(merged.canonical("发改办") == "发改委")
        #expect(merged.canonical("市发展改革委") == "发改委")
        // Merging 经信局 into 工信局 takes 经信局's own aliases along.
        #expect(merged.canonical("经济和信息化局") == "工信局")
        // The original table is unchanged.
        #expect(aliases.canonical("经开区") == "经开区")
        #expect(aliases.canonical("经信局") == "经信局")
    }

    @Test func badAliasFileLinesAreErrorsWithTheirLine() throws {
        let error = try #require(throws: ImportError.self) {
            try aliases.merging(text: "# ok\n发改委 = 发展改革委\n住建局 住房城乡建设局\n", file: "a.txt")
        }
        #expect(error.description == "a.txt:3: error: expected `canonical = alias, alias, …`")
        let missing = try #require(throws: ImportError.self) { try aliases.merging(contentsOf: "/nonexistent/a.txt") }
        #expect(missing.message == "no such file")
    }

    @Test func builtInTableParses() throws {
        let parsed = try UnitAliases(pairs: []).merging(text: UnitAliases.builtInTable)
        #expect(parsed == aliases)
        #expect(!aliases.entries.isEmpty)
    }

    /// Lookups are cached (misses too); a cached answer is the answer. How
    /// fast they are is `make bench`'s question, not a timed test's.
    @Test func cachedLookupsGiveTheSameAnswers() {
        let names = (0..<1000).map { "市单位\($0)" } + ["市发展改革委(铁办)", "宜兴生态环境局", "市监局"]
        let first = names.map(aliases.canonical)
        for _ in 0..<3 { #expect(names.map(aliases.canonical) == first) }
        #expect(first.suffix(3) == ["发改委", "生态环境局", "市场监管局"])
    }
}
