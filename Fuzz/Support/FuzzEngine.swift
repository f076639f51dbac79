@testable import TaskQL

/// The engine queries run against: a few synthetic tasks with the awkward
/// values real documents have (missing fields, empty lists, extreme dates,
/// unit names that are aliases of each other, extra columns), plus one
/// bundled seed document for realistic volume. Built once per process.
public enum FuzzEngine {
    /// File access off, so `load` is refused; rows and time bounded, so a
    /// query that would explode (`explode` on `explode`, a huge `sort`) ends
    /// in a diagnostic well inside libFuzzer's timeout.
    public static let options = EngineOptions(allowFileAccess: false, maxRows: 20_000, timeLimit: 2)

    /// The shared engine.
    public static let shared: Engine = {
        var datasets = [synthetic]
        if let seed = try? BundledDatasets.load().first(where: { $0.name == "yixing" }) { datasets.append(seed) }
        return Engine(datasets: datasets, aliases: aliases, options: options)
    }()

    /// Tab completion over the engine's names, as the REPL builds it.
    public static let completion: CompletionProvider = {
        let engine = shared
        return CompletionProvider(
            vocabulary: CompletionVocabulary(
                keywords: Keyword.allCases.map(\.rawValue),
                stages: Keyword.allCases.filter(\.isStageName).map(\.rawValue),
                fields: engine.fieldNames, functions: engine.functionNames,
                sources: ["tasks"] + engine.datasetNames, parameters: parameters.keys.sorted(), units: engine.unitNames,
                leaders: engine.leaderNames, dotCommands: [".help", ".load", ".format", ".schema"]))
    }()

    /// Values for the parameters the example queries and tests use, one of
    /// each type, so `$name` queries check and run.
    public static let parameters: [String: Value] = [
        "leader": "周国强", "unit": "发改委", "city": "海门", "re": "[0-9]+万", "n": 3, "d": 2.5, "x": .null,
        "date": .date(CivilDate(iso: "2020-06-30")!), "units": .list(["发改委", "住建局"]), "flag": true, "p": "a",
    ]

    static let aliases = UnitAliases(pairs: [
        ("市发展改革委", "发改委"), ("发展改革委", "发改委"), ("市发展和改革委员会", "发改委"), ("市住建局", "住建局"),
    ])

    static let synthetic = Dataset(
        name: "haimen", documents: [],
        records: [
            task(
                "hm-1", .key, "1", "推进5G基站建设", section: "一、经济", leaders: ["周国强"], lead: ["市发展改革委"],
                co: ["市工信局"], deadline: "12月底前", due: "2020-12-31"),
            task(
                "hm-2", .key, "2", "建设10万平方米保障房", section: "一、经济", leaders: ["姜勇"], lead: ["市住建局"],
                co: ["发展改革委", "市财政局"], deadline: "6月底前", due: "2020-06-30"),
            task(
                "hm-3", .livelihood, "1", "新增养老床位200张", section: "二、民生", title: "养老工程",
                leaders: ["周国强", "姜勇"], lead: ["市民政局"], deadline: "全年", due: "2020-12-31",
                extra: [ExtraField(name: "进展情况", value: "已完成"), ExtraField(name: "备注", value: "")]),
            task("hm-4", .indicator, "", "", lead: [], deadline: nil, due: "0001-01-01"),
            task(
                "hm-5", .report, "（七）", "5g network pilot 🙂\tTAB\n第二行", section: "", title: "",
                leaders: ["", "周国强"], lead: ["市发展和改革委员会", ""], co: ["市住建局"], deadline: "持续推进",
                due: "9999-12-31"),
        ])

    static func task(
        _ id: String, _ kind: TaskKind, _ number: String, _ text: String, section: String? = nil,
        title: String? = nil, leaders: [String] = [], lead: [String] = [], co: [String] = [],
        deadline: String? = nil, due: String? = nil, extra: [ExtraField] = []
    ) -> TaskRecord {
        TaskRecord(
            id: id, dataset: "haimen", city: "海门", year: 2020, kind: kind, section: section, subsection: nil,
            number: number, title: title, text: text, leaders: leaders, leadUnits: lead, coUnits: co,
            deadline: deadline, due: due.flatMap { CivilDate(iso: $0) }, source: "\(id).txt:1", extra: extra)
    }
}
