@testable import TaskQL

/// A small dataset with the messes real documents have: the same unit
/// spelt three ways, missing deadlines, several leaders.
enum SampleTasks {
    static func record(
        _ n: Int, city: String = "海门", kind: TaskKind = .key, text: String, leaders: [String] = ["周国强"],
        lead: [String], co: [String] = [], deadline: String? = "全年", due: String? = "2020-12-31", section: String? = "一、交通"
    ) -> TaskRecord {
        TaskRecord(
            id: "sample-2020-\(kind.rawValue)-\(n)", dataset: "sample", city: city, year: 2020, kind: kind,
            section: section, subsection: nil, number: String(n), title: nil, text: text, leaders: leaders,
            leadUnits: lead, coUnits: co, deadline: deadline, due: due.flatMap { CivilDate(iso: $0) },
            source: "sample.txt:\(n)")
    }

    static let records: [TaskRecord] = [
        record(1, text: "推进5G基站建设", lead: ["市发展改革委"], co: ["交通局"], deadline: "6月底前", due: "2020-06-30"),
        record(2, text: "完成河道疏浚", leaders: ["周国强", "姜勇"], lead: ["交通局", "商务局"], co: ["发改委"]),
        record(3, city: "宜兴", text: "加快推进农业现代化建设", leaders: [], lead: ["发展改革委"], deadline: nil, due: nil),
        record(4, city: "宜兴", kind: .livelihood, text: "新增公共停车位3000个", leaders: ["沈旭东"], lead: ["住建局"], co: ["市发展和改革委员会"], deadline: "3月底前", due: "2020-03-31"),
        record(5, city: "太仓", kind: .indicator, text: "地区生产总值增长6%左右", leaders: ["顾晓东"], lead: ["商务局"], section: "综合指标"),
    ]

    static var aliases: UnitAliases {
        UnitAliases(pairs: [
            ("市发展改革委", "发改委"), ("发展改革委", "发改委"), ("市发展和改革委员会", "发改委"),
            ("住房城乡建设局", "住建局"),
        ])
    }

    static func engine(options: EngineOptions = EngineOptions()) -> Engine {
        Engine(datasets: [Dataset(name: "sample", documents: [], records: records)], aliases: aliases, options: options)
    }

    /// Runs one query and returns its rows as display text.
    static func rows(_ query: String, _ parameters: [String: Value] = [:]) throws -> [[String]] {
        try engine().prepare(query).run(parameters).rows.map { $0.map(\.displayText) }
    }

    static func count(_ query: String, _ parameters: [String: Value] = [:]) throws -> Int {
        let result = try engine().prepare(query).run(parameters)
        guard case .int(let n)? = result.rows.first?.first else { return -1 }
        return n
    }
}
