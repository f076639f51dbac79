import Testing

@testable import TaskQL

/// `pivot` and `matrix` (issue 12.2) on the six-task fixture, whose units
/// are 发改委 under three spellings, so the matrix must count canonical
/// names: 发改委 leads hm-1, yx-1 and yx-3 and co-operates on hm-2.
@Suite struct PivotTests {
    static let engines = [EngineFixture.engine, FastPathDifferentialTests.plainTwin(of: EngineFixture.engine)]

    @Test func matrixCountsCanonicalUnitsByRole() throws {
        for engine in Self.engines {
            let result = try runQuery("tasks | matrix", engine: engine)
            #expect(result.columns == ["unit", "lead", "co", "total"])
            #expect(result.rows.first == [.string("发改委"), .int(3), .int(1), .int(4)])
            #expect(result.rows.count == 7)
            // Totals never grow down the rows, and each is lead + co.
            let totals = result.rows.map { $0[3] }
            #expect(totals == totals.sorted { Value.sortOrder($0, $1) > 0 })
            #expect(result.rows.allSatisfy { row in row[3] == Self.sum(row[1], row[2]) })
        }
    }

    /// A unit named as lead and co of one task counts once, as lead; the
    /// lists may be computed columns (then read as values, not the store).
    @Test func leadingWinsOverCooperatingOnOneTask() throws {
        let result = try runQuery("tasks | extend co_units = lead_units | matrix")
        #expect(result.rows.allSatisfy { $0[2] == .int(0) })
        #expect(result.rows.first == [.string("发改委"), .int(3), .int(0), .int(3)])
    }

    @Test func matrixByKeysSplitsTheRows() throws {
        let result = try runQuery(#"tasks | matrix by city | where unit == "发改委""#)
        #expect(result.columns == ["unit", "city", "lead", "co", "total"])
        #expect(
            result.rows == [
                [.string("发改委"), .string("宜兴"), .int(2), .int(0), .int(2)],
                [.string("发改委"), .string("海门"), .int(1), .int(1), .int(2)],
            ])
    }

    @Test func pivotSpreadsCountsOverTheValues() throws {
        for engine in Self.engines {
            let result = try runQuery("tasks | pivot city by kind", engine: engine)
            #expect(result.columns == ["city", "indicator", "key", "livelihood", "total"])
            #expect(
                result.rows == [
                    [.string("宜兴"), .int(1), .int(2), .int(0), .int(3)],
                    [.string("海门"), .int(0), .int(2), .int(1), .int(3)],
                ])
        }
    }

    /// Listed columns come in the list's order; rows with other values
    /// are not counted, and a key left with nothing is left out.
    @Test func pivotInListsTheColumns() throws {
        let result = try runQuery(#"tasks | pivot city by kind in ["livelihood", "indicator"]"#)
        #expect(result.columns == ["city", "livelihood", "indicator", "total"])
        #expect(
            result.rows == [[.string("宜兴"), .int(0), .int(1), .int(1)], [.string("海门"), .int(1), .int(0), .int(1)]])
        let none = try runQuery(#"tasks | pivot city by kind in ["report"]"#)
        #expect(none.rows.isEmpty)
    }

    /// Exploded units by dataset, and the null column when a value is missing.
    @Test func pivotOfExplodedUnitsAndNulls() throws {
        let units = try runQuery(#"tasks | explode lead_units as u | pivot unit(u) by dataset | take 1"#)
        #expect(units.rows == [[.string("发改委"), .int(1), .int(2), .int(3)]])
        let sections = try runQuery("tasks | pivot city by section")
        #expect(sections.columns == ["city", "一、经济", "二、民生", "null", "total"])
        #expect(sections.rows.first == [.string("宜兴"), .int(0), .int(0), .int(3), .int(3)])
    }

    /// Later stages see the pivot's columns by name.
    @Test func stagesAfterPivotNameItsColumns() throws {
        let result = try runQuery("tasks | pivot city by kind | where key > 1 | sort by livelihood desc | select city")
        #expect(result.rows == [[.string("海门")], [.string("宜兴")]])
    }

    @Test(arguments: [
        ("tasks | where city == $c | pivot kind by city", DiagnosticCode.pivotColumnsUnknown),
        (#"tasks | pivot city by kind in ["key", "key"]"#, .duplicateColumn),
        ("tasks | pivot city by units", .typeMismatch),
        ("tasks | pivot kind by city in [1, 2]", .typeMismatch),
        ("tasks | pivot city by kind in [kind]", .unknownField),
        ("tasks | select city | matrix", .unknownField),
        ("tasks | extend key = 1 | pivot key by kind", .duplicateColumn),
    ])
    func pivotMistakesAreDiagnosed(_ text: String, _ code: DiagnosticCode) throws {
        #expect(try diagnostic(text)?.code == code, "\(text)")
    }

    /// With the columns listed, the rows may depend on parameters.
    @Test func listedColumnsAllowParameters() throws {
        let result = try runQuery(
            #"tasks | where city == $c | pivot kind by city in ["海门"]"#, parameters: ["c": .string("海门")])
        #expect(result.rows == [[.string("key"), .int(2), .int(2)], [.string("livelihood"), .int(1), .int(1)]])
    }

    static func sum(_ a: Value, _ b: Value) -> Value {
        if case .int(let x) = a, case .int(let y) = b { return .int(x + y) }
        return .null
    }
}
