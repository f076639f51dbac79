import Testing

@testable import TaskQL

/// The questions of issue 3 on the bundled seed documents.
@Suite struct BundledDataTests {
    static let engine = Result { try Engine.bundled() }

    func count(_ text: String) throws -> Int? {
        let result = try Self.engine.get().prepare(text).run()
        guard case .int(let n) = result.rows.first?.last else { return nil }
        return n
    }

    @Test func haimenKeyTasksAndLivelihoodProjects() throws {
        #expect(try count(#"tasks | where city == "海门" and kind == "key" | count"#) == 173)
        #expect(try count(#"tasks | where city == "海门" and kind == "livelihood" | count"#) == 50)
    }

    /// Every Yixing task naming the development and reform commission, in
    /// any spelling: the alias-aware `has` agrees with a plain text search
    /// for the spellings (发改, 发展改革, 发展和改革).
    @Test func yixingFagaiweiCountsEverySpelling() throws {
        let viaAlias = try count(#"tasks | where city == "宜兴" and kind != "indicator" and units has "发改委" | count"#)
        let viaText = try count(
            #"tasks | where city == "宜兴" and kind != "indicator" and (units contains "发改" or units contains "发展改革" or units contains "发展和改革") | count"#
        )
        #expect(viaAlias == viaText)
        #expect((viaAlias ?? 0) > 0)
    }

    @Test func misspeltFieldFailsBeforeEvaluation() throws {
        let q = #"tasks | where lead_unit has "发改委""#
        let engine = try Self.engine.get()
        do {
            _ = try engine.prepare(q)
            Issue.record("prepared a query with a misspelt field")
        } catch {
            #expect(error.diagnostics.first?.help == "did you mean lead_units?")
            #expect(error.diagnostics.first?.span == span(of: "lead_unit", in: q))
        }
    }

    @Test(arguments: [
        #"tasks | where lead_units has "发改委" and due <= 2020-06-30 | select city, number, text"#,
        #"tasks | where text contains "5G" | count by city"#,
        #"tasks | explode lead_units as unit | count by unit | sort by count desc | take 10"#,
        "tasks | summarize n = count(), units = dcount(lead_units) by city, kind",
        #"tasks | where kind == "livelihood" and city in ["海门", "太仓"] | sort by due, number"#,
        "tasks | top 5 by len(text) desc | select id, text",
        #"tasks | where text matches "[0-9]+万平方米" | select city, text"#,
        #"tasks | search "通州湾""#,
    ])
    func briefExamplesRun(_ query: String) throws {
        _ = try Self.engine.get().prepare(query).run()
    }

    @Test func letWithAParameterAsInTheBrief() throws {
        let session = Session(engine: try Self.engine.get())
        let outcomes = try session.execute(
            SourceText(
                name: "<brief>",
                text: "let mine = tasks | where leaders has $leader\nmine | where due < 2020-07-01 | count"),
            parameters: ["leader": "周国强"])
        #expect(outcomes.count == 2)
    }
}
