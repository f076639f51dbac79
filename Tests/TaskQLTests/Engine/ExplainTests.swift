import Testing

@testable import TaskQL

/// `explain QUERY`: the checked plan and what each stage did, as rows.
@Suite struct ExplainTests {
    static let engine: Engine = {
        var options = EngineOptions()
        options.reportsTimes = false
        return Engine(
            datasets: [EngineFixture.haimen, EngineFixture.yixing], aliases: EngineFixture.aliases, options: options)
    }()

    func explained(_ text: String, engine: Engine = ExplainTests.engine, parameters: [String: Value] = [:]) throws
        -> [[Value]]
    {
        try runQuery("explain " + text, engine: engine, parameters: parameters).rows
    }

    @Test func everyStageWithItsPlanAndRows() throws {
        let prepared = try prepareQuery(
            #"explain tasks | where lead_units has "发改委" | select city, number | sort by number desc"#,
            engine: Self.engine)
        #expect(prepared.columns == ["step", "stage", "plan", "rows_in", "rows_out", "ms"])
        let rows = try prepared.run()
        #expect(
            rows.rows == [
                ["source", "tasks", "every task of 2 datasets", nil, 6, nil],
                [
                    "1", #"where lead_units has "发改委""#,
                    #"keep rows where (lead_units has "发改委") [canonical units] is true"#, 6, 3, nil,
                ],
                ["2", "select city, number", "columns city: string, number: string", 3, 3, nil],
                ["3", "sort by number desc", "stable sort by number desc", 3, 3, nil],
                [
                    "unit", "发改委",
                    "canonical name 发改委; alias entries: 发展改革委、市发展和改革委员会、市发展改革委; in the data as: 发展改革委、市发展改革委",
                    nil, 2, nil,
                ],
            ])
    }

    /// A fused pair is one step; dates bring the deadline rows.
    @Test func fusedStagesAndDeadlines() throws {
        let rows = try explained("haimen | sort by due | take 2 | select id, due")
        #expect(
            rows[1].prefix(5) == [
                "1-2", "sort by due | take 2", "stable sort by due; first 2 rows (run as one step)", 3, 2,
            ])
        #expect(
            rows.filter { $0[0] == "due" } == [
                ["due", "12月底前", "due 2020-12-31 (plan year 2020)", nil, 1, nil],
                ["due", "6月底前", "due 2020-06-30 (plan year 2020)", nil, 1, nil],
                ["due", "全年", "due 2020-12-31 (plan year 2020)", nil, 1, nil],
            ])
        let yixing = try explained("yixing | where due is null")
        #expect(
            yixing.contains {
                $0 == ["due", "持续推进", "no due date: the text names no month, quarter, half or year", nil, 1, nil]
            })
        #expect(try explained("haimen | count").allSatisfy { $0[0] != "due" })
    }

    @Test func letsParametersAndTimes() throws {
        let rows = try explained(#"tasks | where city == $city | count"#, parameters: ["city": "海门"])
        #expect(rows.map { $0[4] } == [6, 3, 1])
        let throughLet = try runQuery(
            "let mine = tasks | where city == \"海门\"; explain mine | count", engine: Self.engine)
        #expect(throughLet.rows[0].prefix(5) == ["source", "mine", "a let pipeline of 1 stages, run first", nil, 3])
        let diff = try explained("diff haimen yixing | count")
        #expect(
            diff[0].prefix(3) == ["source", "diff haimen yixing", "the changes from dataset haimen to dataset yixing"])
        // With times (the default) every step has its milliseconds.
        let timed = try runQuery("explain tasks | count", engine: EngineFixture.engine).rows
        #expect(timed.allSatisfy { if case .decimal(let ms) = $0[5] { ms >= 0 } else { false } })
        // A failing query fails to explain, with its own diagnostic.
        let failing = try #require(try diagnostic("explain tasks | where city == $city | count"))
        #expect(failing.code == DiagnosticCode.missingParameter)
    }
}
