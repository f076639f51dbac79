import Testing

@testable import TaskQL

/// Issue 14.1: the SQL compiler's text and bound values. What the SQL
/// answers is checked against the in-memory engine on a real PostgreSQL
/// (the differential tests in TaskQLPostgresTests); here: values are bound,
/// never spliced, stages that SQL cannot take in one SELECT are wrapped,
/// and what cannot be compiled is an error naming it.
@Suite struct SQLCompilerTests {
    static let engine = try! Engine.bundled()

    static func compile(_ text: String, parameters: [String: Value] = [:]) throws -> SQLQuery {
        try SQLCompiler.compile(text, engine: engine, parameters: parameters)
    }

    @Test func valuesAreBoundNeverSpliced() throws {
        let query = try Self.compile(
            #"tasks | where text contains "O'Brien\"; DROP" and city == $c | take 3"#, parameters: ["c": "海门"])
        #expect(!query.text.contains("O'Brien") && !query.text.contains("DROP") && !query.text.contains("海门"))
        #expect(
            query.parameters.contains(.string("%o'brien\"; drop%")), "the needle, ASCII-lowered: \(query.parameters)")
        #expect(query.parameters.contains(.string("海门")))
        #expect(query.text.contains("$1::text") && query.text.hasSuffix("LIMIT 3"), "\(query.text)")
    }

    @Test func unitNamesAreCanonicalisedWhenCompiled() throws {
        let query = try Self.compile(#"tasks | where lead_units has "发展改革委" | count"#)
        let canonical = Self.engine.aliases.canonical("发展改革委")
        #expect(query.parameters.contains(.string(canonical)), "\(query.parameters)")
        #expect(query.text.contains("t.lead_units_canonical @> ARRAY[$"), "\(query.text)")
    }

    @Test func aFilterAfterTakeWrapsTheSelect() throws {
        let query = try Self.compile(#"tasks | take 10 | where city == "海门" | select id"#)
        #expect(query.text.contains("FROM (SELECT") && query.text.contains("row_number() OVER"), "\(query.text)")
        #expect(query.columns == ["id"])
    }

    @Test func countByOrdersByCountThenKeys() throws {
        let query = try Self.compile("tasks | count by city")
        #expect(
            query.text.contains("GROUP BY t.city ORDER BY count(*) DESC, t.city COLLATE \"C\" ASC NULLS LAST"),
            "\(query.text)")
        #expect(query.columns == ["city", "count"] && query.columnTypes == [.string, .int])
    }

    @Test(arguments: [
        ("tasks | extend l = lower(text)", "lower()"), ("tasks | where text matches \"a{300}\"", "matches: a repeat"),
        ("tasks | extend n = int(title)", "int() of a text other"), ("diff haimen haimen", "diff"),
        (#"tasks | where text matches "[\\Da]""#, "matches: a set mixing"),
    ])
    func whatCannotBeCompiledIsNamed(query: String, construct: String) throws {
        #expect {
            try Self.compile(query)
        } throws: { error in
            guard let d = (error as? DiagnosticError)?.diagnostics.first else { return false }
            return d.code == .notCompilable && d.message.hasPrefix(construct)
        }
    }

    /// `matches` binds TQL's pattern spelt for PostgreSQL: `.` never a
    /// newline, `\d` TQL's Unicode digits, non-capturing groups, escapes.
    @Test func patternsAreSpeltForPostgreSQL() throws {
        let query = try Self.compile(#"tasks | where text matches "^(5G|\\d+万)." | count"#)
        guard case .string(let pattern)? = query.parameters.first else {
            Issue.record("no bound pattern: \(query.parameters)")
            return
        }
        #expect(pattern.hasPrefix("^(?:(?:5G|(?:[\\U00000030-\\U00000039\\U00000660-"), "\(pattern)")
        #expect(pattern.hasSuffix(")+万))[^\\n]"), "\(pattern)")
        #expect(query.usesRegex && query.text.contains("t.text ~ $1::text"))
        #expect((try? SQLRegex.postgresPattern(#"a.b\("#).get()) == #"a[^\n]b\U00000028"#)
    }

    /// `text contains` a known needle reads the stored folded copy with
    /// LIKE (the trigram index), LIKE's own characters escaped; on a
    /// computed text it folds in SQL.
    @Test func textContainsUsesTheFoldedColumn() throws {
        let query = try Self.compile(#"tasks | where text contains "6%_5G" | count"#)
        #expect(query.text.contains("t.text_folded LIKE $1::text"), "\(query.text)")
        #expect(query.parameters == [.string(#"%6\%\_5g%"#)])
        let computed = try Self.compile(#"tasks | where text + "" contains "5G" | count"#)
        #expect(computed.text.contains("strpos(translate("), "\(computed.text)")
    }

    @Test func aUnitNameIsBoundOnce() throws {
        let query = try Self.compile(#"tasks | where lead_units has "发展改革委" | count"#)
        #expect(query.parameters.count == 1, "\(query.parameters)")
    }

    @Test func searchBindsItsNeedleOnce() throws {
        let query = try Self.compile(#"tasks | search "5G" | count"#)
        #expect(query.parameters == [.string("5g")], "\(query.parameters)")
        // The task text reads its stored folded copy; other fields fold in SQL.
        #expect(query.text.contains("(strpos(t.text_folded, $1::text) > 0)"), "\(query.text)")
        #expect(
            query.text.contains(
                "strpos(translate(t.city, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), $1::text) > 0"))
    }

    @Test func aMissingParameterIsE0405() throws {
        #expect {
            try Self.compile("tasks | where leaders has $leader")
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.first?.code == .missingParameter
        }
    }
}
