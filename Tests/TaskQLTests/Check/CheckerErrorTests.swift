import Testing

@testable import TaskQL

@Suite struct CheckerErrorTests {
    @Test func misspeltFieldSuggestsTheFieldAndPointsAtIt() throws {
        let q = #"tasks | where lead_unit has "发改委""#
        let d = try #require(try diagnostic(q))
        #expect(d.code.rawValue == "E0301")
        #expect(d.message == "unknown field 'lead_unit'")
        #expect(d.help == "did you mean lead_units?")
        #expect(d.span == span(of: "lead_unit", in: q))
    }

    struct Case: Sendable, CustomStringConvertible {
        var query: String
        var code: DiagnosticCode
        var message: String
        var help: String?
        var spanText: String
        /// Which occurrence of `spanText` the span covers.
        var occurrence = 1
        var description: String { query }
    }

    static let cases: [Case] = [
        Case(
            query: "tasks | where lenn(text) > 3", code: .unknownFunction, message: "unknown function 'lenn'",
            help: "did you mean len?", spanText: "lenn"),
        Case(
            query: "taks | count", code: .unknownSource,
            message: "unknown source 'taks': not tasks, a dataset or a let name", help: "did you mean tasks?",
            spanText: "taks"),
        Case(
            query: "haiman | count", code: .unknownSource,
            message: "unknown source 'haiman': not tasks, a dataset or a let name", help: "did you mean haimen?",
            spanText: "haiman"),
        Case(
            query: #"tasks | where lead_units has "发改为""#, code: .unknownUnit,
            message: "unknown unit '发改为': not in the loaded data or the alias table", help: "did you mean 发改委?",
            spanText: #""发改为""#),
        Case(
            query: #"tasks | where due < "abc""#, code: .typeMismatch,
            message: "cannot compare a date with the text \"abc\"", help: "write a date as 2020-06-30, without quotes",
            spanText: #""abc""#),
        Case(
            query: "tasks | where len(5) > 1", code: .badArguments,
            message: "wrong arguments: len(text or list) -> integer; found integer", help: nil, spanText: "5"),
        Case(
            query: "tasks | where count() > 1", code: .misplacedAggregate,
            message: "aggregate count() can only be used in summarize",
            help: "e.g. `| summarize n = count(…) by city`; to count rows use `| count`", spanText: "count()"),
        Case(
            query: "tasks | take -1", code: .invalidCount, message: "take needs a non-negative integer, found '-1'",
            help: nil, spanText: "-1"),
        Case(
            query: #"tasks | where text matches "[0-9""#, code: .invalidRegex,
            message: "invalid regular expression: '[' without a closing ']'", help: nil, spanText: #""[0-9""#),
        Case(
            query: #"tasks | count by city | where kind == "key""#, code: .unknownField,
            message: "unknown field 'kind': an earlier stage no longer passes it on", help: nil, spanText: "kind"),
        Case(
            query: "tasks | where due == null", code: .comparisonWithNull,
            message: "comparison with null is never true",
            help: "write `due is null`", spanText: "null"),
        Case(
            query: "tasks | where year == $y and city == $y", code: .parameterConflict,
            message: "parameter $y is used as integer and as string", help: nil, spanText: "$y", occurrence: 2),
        Case(
            query: "tasks | where zzzzzz == 1", code: .unknownField, message: "unknown field 'zzzzzz'", help: nil,
            spanText: "zzzzzz"),
        Case(
            query: "tasks | select city, 城市", code: .duplicateColumn, message: "two columns named 'city'",
            help: "give one of them another name with `as`", spanText: "城市"),
        Case(
            query: "tasks | summarize n = count(), c = city by kind", code: .fieldOutsideAggregate,
            message: "'city' is used outside an aggregate in summarize",
            help: "group by it with `by city`, or wrap it in an aggregate such as min(city)", spanText: "city"),
        Case(
            query: #"tasks | where text has "5G""#, code: .typeMismatch,
            message: "'has' needs a list on the left, found string",
            help: "to look for text inside text, use contains", spanText: "text"),
        Case(
            query: "tasks | where city + 1 > 2", code: .typeMismatch, message: "cannot use '+' on string and integer",
            help: nil, spanText: "city + 1"),
        Case(
            query: "tasks | summarize n = sum(count()) by city", code: .misplacedAggregate,
            message: "an aggregate cannot be inside another aggregate", help: nil, spanText: "count()"),
        Case(
            query: "tasks | explode text", code: .typeMismatch, message: "explode needs a list, found string",
            help: nil,
            spanText: "text"),
        // Issue 9: this said "cannot look for integer in a list of date".
        Case(
            query: #"tasks | where [1,"a",2020-01-01] has 1"#, code: .typeMismatch,
            message: "list elements must have one type: found integer, string and date", help: nil,
            spanText: #"[1,"a",2020-01-01]"#),
        Case(
            query: #"tasks | where city in ["海门", 3, null]"#, code: .typeMismatch,
            message: "list elements must have one type: found string and integer", help: nil,
            spanText: #"["海门", 3, null]"#),
    ]

    @Test(arguments: cases) func checkErrors(_ c: Case) throws {
        let d = try #require(try diagnostic(c.query))
        #expect(d.code == c.code)
        #expect(d.message == c.message)
        #expect(d.help == c.help)
        #expect(d.span == span(of: c.spanText, in: c.query, occurrence: c.occurrence))
    }

    /// A mixed list points at the list, and a note at its first misfit;
    /// integers and decimals, and null, mix.
    @Test func mixedListNotesItsFirstMisfit() throws {
        let q = #"tasks | where [1, 2.5, "a", 3] has 1"#
        let d = try #require(try diagnostic(q))
        #expect(d.message == "list elements must have one type: found integer, decimal and string")
        #expect(d.notes.map(\.message) == ["the first element of another type"])
        #expect(d.notes.first?.span == span(of: #""a""#, in: q))
        #expect(try diagnostic("tasks | where [1, 2.5, null] has 1 | count") == nil)
    }

    @Test func errorsComeBeforeAnyRowIsRead() throws {
        // A check error is thrown by prepare, not by run.
        #expect(throws: DiagnosticError.self) { try prepareQuery(#"tasks | where lead_unit has "发改委""#) }
    }

    @Test func chineseFieldNamesResolve() throws {
        #expect(try countOf(#"tasks | where 城市 == "海门" | count"#) == 3)
        #expect(try countOf(#"tasks | where 牵头单位 has "发改委" | count"#) == 3)
    }

    @Test func parametersAreTypedFromTheirUses() throws {
        let q = try prepareQuery("tasks | where leaders has $leader and due < $asof | take $n")
        #expect(q.parameters == ["leader": .string, "asof": .date, "n": .int])
    }
}
