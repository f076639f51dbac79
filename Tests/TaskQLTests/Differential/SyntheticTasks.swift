@testable import TaskQL

/// A dataset made to trip fast paths: nulls in every nullable field, empty
/// lists, units in several spellings of one organ, ties in every sort key,
/// full-width and compatibility characters, canonically equivalent
/// spellings (`é` precomposed and decomposed, U+F900 and U+8C48), ASCII
/// case variants, and an empty text.
enum SyntheticTasks {
    static let aliases: UnitAliases = {
        var aliases = UnitAliases.builtIn
        aliases.add(alias: "市发展和改革委员会", canonical: "发改委")
        return aliases
    }()

    static let cities = ["海门", "太仓", "呼和浩特", "ＡＢ市"]
    static let texts = [
        "推进5G基站建设", "推进5g网络试点", "建设５Ｇ网络", "新增养老床位200张", "GDP增长6%", "",
        "café 改造", "cafe\u{301} 改造", "\u{F900}山公园提升", "\u{8C48}山公园提升", "①新增 ②改造 ㈠完善",
        "建设10万平方米保障房，完成年度目标任务的100%", "通州湾示范区建设", "Ａｂｃ全角 abc", "优化营商环境",
    ]
    static let units: [[String]] = [
        [], ["市发展改革委"], ["发改委"], ["市发展和改革委员会", "市住建局"], ["呼和浩特市监局"], ["市场监管局", "市财政局"],
        ["各镇（区）"], ["市工信局", "发改委", "市工信局"],
    ]
    static let leaders: [[String]] = [[], ["周国强"], ["周国强", "姜勇"], ["姜勇"], ["Ａ某"]]
    static let sections: [String?] = [nil, "一、经济", "二、民生", "一、经济"]
    static let deadlines: [String?] = [nil, "6月底前", "12月底前", "持续推进", "上半年"]
    static let dues: [String?] = [nil, "2020-06-30", "2020-12-31", "2020-06-30", "2021-03-31", "9999-12-31"]
    static let titles: [String?] = [nil, nil, "养老工程", "é工程", "e\u{301}工程"]

    static let records: [TaskRecord] = (0..<96).map { i in
        TaskRecord(
            id: "syn-\(i % 48)-\(i / 48)", dataset: i % 3 == 0 ? "beta" : "alpha", city: cities[i % cities.count],
            year: 2019 + i % 3, kind: TaskKind.allCases[i % 4 == 3 ? 1 : i % 3], section: sections[i % sections.count],
            subsection: i % 5 == 0 ? "（一）" : nil, number: String(i % 7 + 1), title: titles[i % titles.count],
            text: texts[(i * 7) % texts.count], leaders: leaders[i % leaders.count],
            leadUnits: units[i % units.count], coUnits: units[(i + 3) % units.count],
            deadline: deadlines[i % deadlines.count], due: dues[(i / 2) % dues.count].flatMap { CivilDate(iso: $0) },
            source: "syn.txt:\(i + 1)")
    }

    static let engine: Engine = {
        let datasets = ["alpha", "beta"].map { name in
            Dataset(name: name, documents: [], records: records.filter { $0.dataset == name })
        }
        return Engine(datasets: datasets, aliases: aliases)
    }()

    /// Strings that occur in the data (whole values and pieces of texts),
    /// so that generated conditions keep some rows and drop others.
    static let vocabulary: [String] = {
        var words = cities + texts + units.flatMap { $0 } + leaders.flatMap { $0 }
        words += sections.compactMap { $0 } + deadlines.compactMap { $0 } + titles.compactMap { $0 }
        words += ["5G", "5g", "５Ｇ", "é", "e\u{301}", "\u{F900}", "\u{8C48}", "①", "建设", "发改委", "市", "GDP", "abc"]
        words += ["key", "livelihood", "indicator", "alpha", "syn-1-0", "2020", "（", "%", ""]
        return words
    }()
}
