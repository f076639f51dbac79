@testable import TaskQL

/// A small in-memory data set with the messy unit names of real documents:
/// 市发展改革委, 发展改革委 and 发改委 are one unit.
enum EngineFixture {
    static let aliases = UnitAliases(pairs: [
        ("市发展改革委", "发改委"), ("发展改革委", "发改委"), ("市发展和改革委员会", "发改委"), ("市住建局", "住建局"),
    ])

    static func task(
        _ id: String, _ dataset: String, _ city: String, _ kind: TaskKind, _ number: String, _ text: String,
        section: String? = nil, title: String? = nil, leaders: [String] = [], lead: [String] = [],
        co: [String] = [], deadline: String? = nil, due: String? = nil
    ) -> TaskRecord {
        TaskRecord(
            id: id, dataset: dataset, city: city, year: 2020, kind: kind, section: section, subsection: nil,
            number: number, title: title, text: text, leaders: leaders, leadUnits: lead, coUnits: co,
            deadline: deadline, due: due.flatMap { CivilDate(iso: $0) }, source: "\(id).txt:1")
    }

    static let haimen = Dataset(
        name: "haimen", documents: [],
        records: [
            task(
                "hm-1", "haimen", "海门", .key, "1", "推进5G基站建设", section: "一、经济", leaders: ["周国强"],
                lead: ["市发展改革委"], co: ["市工信局"], deadline: "12月底前", due: "2020-12-31"),
            task(
                "hm-2", "haimen", "海门", .key, "2", "建设10万平方米保障房", section: "一、经济", leaders: ["姜勇"],
                lead: ["市住建局"], co: ["发展改革委", "市财政局"], deadline: "6月底前", due: "2020-06-30"),
            task(
                "hm-3", "haimen", "海门", .livelihood, "1", "新增养老床位200张", section: "二、民生", title: "养老工程",
                leaders: ["周国强", "姜勇"], lead: ["市民政局"], deadline: "全年", due: "2020-12-31"),
        ])

    static let yixing = Dataset(
        name: "yixing", documents: [],
        records: [
            task(
                "yx-1", "yixing", "宜兴", .key, "1", "优化营商环境", lead: ["发展改革委"], co: ["市场监管局"],
                deadline: "持续推进"),
            task("yx-2", "yixing", "宜兴", .indicator, "2", "GDP增长6%", lead: ["市统计局"]),
            task(
                "yx-3", "yixing", "宜兴", .key, "3", "5g network pilot", leaders: ["周国强"],
                lead: ["市工信局", "市发展改革委"], deadline: "3月底前", due: "2020-03-31"),
        ])

    static let engine = Engine(datasets: [haimen, yixing], aliases: aliases)

    /// `dataset` as another year's document would give it: the same name
    /// and tasks, other ids (a task id is loaded once).
    static func nextYear(_ dataset: Dataset) -> Dataset {
        var copy = dataset
        for i in copy.records.indices {
            copy.records[i].id += "-2021"
            copy.records[i].year = 2021
        }
        return copy
    }
}

/// Parses and runs `text` on `engine`.
func runQuery(
    _ text: String, engine: Engine = EngineFixture.engine, parameters: [String: Value] = [:],
    cancellation: CancellationHandle? = nil
) throws -> QueryResult {
    try prepareQuery(text, engine: engine).run(parameters, cancellation: cancellation)
}

/// Parses and checks `text` on `engine`.
func prepareQuery(_ text: String, engine: Engine = EngineFixture.engine) throws -> PreparedQuery {
    let source = SourceText(name: "<test>", text: text)
    return try engine.prepare(try parseForTest(source), source: source)
}

/// The first diagnostic of preparing or running `text`, or nil.
func diagnostic(_ text: String, engine: Engine = EngineFixture.engine, parameters: [String: Value] = [:]) throws
    -> Diagnostic?
{
    do {
        _ = try runQuery(text, engine: engine, parameters: parameters)
        return nil
    } catch let error as DiagnosticError {
        return error.diagnostics.first
    }
}

/// The span of the n-th occurrence of `part` in `text`, in UTF-8 bytes.
func span(of part: String, in text: String, occurrence: Int = 1) -> SourceSpan {
    var from = text.startIndex
    var range = text.range(of: part)!
    for _ in 0..<occurrence {
        range = text.range(of: part, range: from..<text.endIndex)!
        from = range.upperBound
    }
    let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
    return SourceSpan(start: start, end: start + part.utf8.count)
}

/// The single integer cell of a one-cell result (`| count`).
func countOf(_ text: String, parameters: [String: Value] = [:]) throws -> Int? {
    let result = try runQuery(text, parameters: parameters)
    guard result.rows.count == 1, case .int(let n) = result.rows[0].last! else { return nil }
    return n
}

/// One column of a result as plain text.
func column(_ name: String, of result: QueryResult) -> [String] {
    guard let c = result.columns.firstIndex(of: name) else { return [] }
    return result.rows.map { $0[c].displayText }
}

/// The real parser, for tests that check and run parsed scripts.
func parseForTest(_ source: SourceText) throws -> Script { try Parser.parse(source) }
