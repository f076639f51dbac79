import Testing

@testable import TaskQL

/// Golden tests for the canonical layout: each input, written as people do,
/// and the one text the formatter prints for it.
struct QueryFormatterLayoutTests {
    func formatted(_ text: String, width: Int = 80) -> String {
        do {
            return try QueryFormatter(lineWidth: width).format(SourceText(name: "q.tql", text: text))
        } catch {
            return "error: " + error.description
        }
    }

    // MARK: - Spacing and lines

    @Test func spacingIsCanonical() {
        #expect(
            formatted("tasks|where city==\"海门\"   and kind=='key'|count")
                == "tasks | where city == \"海门\" and kind == \"key\" | count\n")
        #expect(
            formatted("tasks|summarize n=count( ),u=dcount(units)by city|sort by n desc")
                == "tasks | summarize n = count(), u = dcount(units) by city | sort by n desc\n")
    }

    /// The example in `QueryFormatter`'s documentation.
    @Test func theDocumentedExampleFormatsAsDocumented() {
        let text = "tasks|where city==\"海门\"   and kind=='key'|count # how many\n"
        #expect(formatted(text) == "tasks | where city == \"海门\" and kind == \"key\" | count  # how many\n")
    }

    @Test func aPipelineOfEightyColumnsStaysOnOneLine() {
        let line = "tasks | explode lead_units as unit | count by unit | sort by count desc | take 1"
        #expect(line.count == 80)
        #expect(formatted(line) == line + "\n")
    }

    @Test func aLongerPipelineHasOneStagePerLine() {
        let line = "tasks | explode lead_units as unit | count by unit | sort by count desc | take 10"
        #expect(
            formatted(line) == """
                tasks
                | explode lead_units as unit
                | count by unit
                | sort by count desc
                | take 10

                """)
    }

    /// Chinese characters take two columns: 65 characters, 80 columns, fit;
    /// 66 characters, 82 columns, do not.
    @Test func widthIsCountedInDisplayColumns() {
        let fits = "tasks | where city == \"海门海门海门海门海门海门海门海\" and kind == \"key\" | count"
        #expect(fits.count == 65 && DisplayWidth.of(fits) == 80)
        #expect(formatted(fits) == fits + "\n")
        let wider = "tasks | where city == \"海门海门海门海门海门海门海门海门\" and kind == \"key\" | count"
        #expect(
            formatted(wider) == """
                tasks
                | where city == "海门海门海门海门海门海门海门海门" and kind == "key"
                | count

                """)
    }

    @Test func aLongStageContinuesOnIndentedLines() {
        let summary = """
            tasks
            | summarize tasks = count(), sections = dcount(section), with_leaders = count(first(leaders)),
                with_lead_units = count(first(lead_units)), with_due = count(due) by
                dataset, city, kind
            """
        #expect(
            formatted(summary) == """
                tasks
                | summarize tasks = count(), sections = dcount(section),
                    with_leaders = count(first(leaders)),
                    with_lead_units = count(first(lead_units)), with_due = count(due) by
                    dataset, city, kind

                """)
        let condition =
            "tasks | where lead_units has \"发改委\" and due <= 2020-06-30 and text contains \"这是一段很长很长很长的文字内容用来测试换行\" | count"
        #expect(
            formatted(condition) == """
                tasks
                | where lead_units has "发改委" and due <= 2020-06-30 and
                    text contains "这是一段很长很长很长的文字内容用来测试换行"
                | count

                """)
    }

    /// Breaking after `==` would not make the string fit, so it stays.
    @Test func aTooLongStringStaysAfterItsOperator() {
        let long = "this is a long string literal that is much longer than the line can hold at all, really"
        #expect(formatted("tasks | where text == \"\(long)\"") == "tasks\n| where text == \"\(long)\"\n")
    }

    @Test func narrowLinesPackListItems() {
        #expect(
            formatted("tasks | select city, number, deadline, lead_units, co_units, text", width: 30) == """
                tasks
                | select city, number,
                    deadline, lead_units,
                    co_units, text

                """)
        #expect(
            formatted("tasks | where city in [\"海门\", \"太仓\", \"宜兴\", \"湖州\", \"南通\"]", width: 30) == """
                tasks
                | where city in ["海门",
                        "太仓", "宜兴",
                        "湖州", "南通"]

                """)
    }

    @Test func continuationLinesOfTheSourceAreNotKept() {
        #expect(
            formatted("livelihood\n  | where city == \"宜兴\"\n  | count")
                == "livelihood | where city == \"宜兴\" | count\n")
        #expect(formatted("tasks | where a and\n   b | count") == "tasks | where a and b | count\n")
    }

    // MARK: - Scripts

    @Test func statementsGoOnePerLineWithBlankLinesKept() {
        let script = """


            let x=tasks|where kind=="key";x|count


            load "cities/nantong.jsonl" as nantong
            nantong | count   \n\n
            """
        #expect(
            formatted(script) == """
                let x = tasks | where kind == "key"
                x | count

                load "cities/nantong.jsonl" as nantong
                nantong | count

                """)
    }

    @Test func dotCommandLinesAreKeptAsWritten() {
        let script = "# csv, please\n.mode   csv\ntasks|count\n\n  .timer on\n.output \"a b.csv\"\ntasks | count"
        #expect(
            formatted(script)
                == "# csv, please\n.mode   csv\ntasks | count\n\n  .timer on\n.output \"a b.csv\"\ntasks | count\n")
    }

    @Test func aDotLineInsideAnUnfinishedStatementIsNotACommand() {
        #expect(formatted("tasks |\n.mode csv").hasPrefix("error: q.tql:2:1: error: unexpected character '.'"))
    }

    @Test func emptyScriptsStayEmpty() {
        #expect(formatted("") == "")
        #expect(formatted("\n \n\t\n") == "")
        #expect(formatted("# just a note   ") == "# just a note\n")
    }

    @Test func crlfLinesBecomeLf() {
        #expect(formatted("tasks\r\n| count  # crlf\r\n.mode csv\r\n") == "tasks | count  # crlf\n.mode csv\n")
    }

    // MARK: - Comments

    @Test func commentsStayWhereTheyWere() {
        let script = """
            # about the query


            # count them
            tasks # all tasks
            # only Haimen
            | where city == "海门" and # the city
              kind == "key"
            | select number,  # its number
                text
            | count # done
            # the end
            """
        #expect(
            formatted(script) == """
                # about the query

                # count them
                tasks  # all tasks
                # only Haimen
                | where city == "海门" and  # the city
                    kind == "key"
                | select number,  # its number
                    text
                | count  # done
                # the end

                """)
    }

    @Test func aCommentAtTheEndOfAShortStatementKeepsItOnOneLine() {
        #expect(formatted("tasks|count#how many") == "tasks | count  #how many\n")
        #expect(formatted("a | count; # first\nb | count") == "a | count  # first\nb | count\n")
    }

    @Test func commentsInsideBracketsStayInside() {
        #expect(
            formatted("tasks | where city in [ # cities\n\"海门\", \"太仓\" # two\n]") == """
                tasks
                | where city in [  # cities
                        "海门", "太仓"  # two
                    ]

                """)
        #expect(
            formatted("tasks | where f(\n# own\nx, y # after y\n) and g(  # empty\n)") == """
                tasks
                | where f(
                        # own
                        x, y  # after y
                    ) and g(  # empty
                    )

                """)
    }

    /// A comment inside parentheses the layout drops goes to the next place
    /// a line breaks, or, when there is none, follows the statement.
    @Test func aCommentInDroppedParenthesesMovesOn() {
        #expect(formatted("tasks | where (a # why\n) | count") == "tasks\n| where a  # why\n| count\n")
        #expect(formatted("tasks | where (a\n# why\n) # and this\n") == "tasks | where a\n# why\n# and this\n")
    }

    // MARK: - Expressions

    /// Every operator and the prefix levels are found in the parser's table
    /// (a renamed rule would otherwise make its operators bind tightest).
    @Test func precedenceComesFromTheParsersTable() {
        let levels = 1...Parser.precedenceTable.count
        for op in BinaryOperator.allCases { #expect(levels.contains(ExpressionPrecedence.level(of: op)), "\(op)") }
        for level in [ExpressionPrecedence.not, ExpressionPrecedence.comparison, ExpressionPrecedence.negation] {
            #expect(levels.contains(level))
        }
        #expect(ExpressionPrecedence.level(of: .or) < ExpressionPrecedence.level(of: .and))
        #expect(ExpressionPrecedence.level(of: .add) < ExpressionPrecedence.level(of: .multiply))
    }

    @Test(arguments: [
        ("(a + b) * c", "(a + b) * c"),
        ("a + (b * c)", "a + b * c"),
        ("a - (b - c)", "a - (b - c)"),
        ("(a - b) - c", "a - b - c"),
        ("a / (b * c)", "a / (b * c)"),
        ("((a))", "a"),
        ("(a or b) and c", "(a or b) and c"),
        ("a or (b and c)", "a or b and c"),
        // An and/or chain is one balanced tree of its operands, however
        // its parts were grouped.
        ("a and b and c and d and e", "a and b and c and d and e"),
        ("(a and b) and (c and d)", "a and b and c and d"),
        ("a and (b and c)", "a and b and c"),
        ("((a and b) and c) and d", "a and b and c and d"),
        ("(a or b) or (c or (d or e))", "a or b or c or d or e"),
        ("(a or b) and (c or d)", "(a or b) and (c or d)"),
        ("not (a and b)", "not (a and b)"),
        ("(not a) and b", "not a and b"),
        ("not (text contains \"5G\")", "text not contains \"5G\""),
        ("text not startswith 'a'", "text not startswith \"a\""),
        ("not (city == \"海门\")", "not (city == \"海门\")"),
        ("not city in $cities", "not (city in $cities)"),
        ("city not in $cities", "city not in $cities"),
        ("not not a", "not not a"),
        ("-(-3) * 2", "- -3 * 2"),
        ("-(a + b)", "-(a + b)"),
        ("(a < b) == c", "(a < b) == c"),
        ("(x + 1) is null", "x + 1 is null"),
        ("(x is null) is not null", "(x is null) is not null"),
        ("a == (not b)", "a == (not b)"),
        ("[ 1,2 , 3, ]", "[1, 2, 3]"),
        ("coalesce( title ,text,'x' )!=''", "coalesce(title, text, \"x\") != \"\""),
        ("due - 2020-01-01 > 30", "due - 2020-01-01 > 30"),
        ("days(due - 2020-01-01) / 7", "days(due - 2020-01-01) / 7"),
    ])
    func parenthesesOnlyWherePrecedenceNeedsThem(written: String, canonical: String) {
        #expect(formatted("tasks | where " + written) == "tasks | where " + canonical + "\n")
    }

    @Test(arguments: [
        (#""海门""#, #""海门""#),
        ("'发改委'", #""发改委""#),
        ("“住建局”", #""住建局""#),
        ("‘x’", #""x""#),
        (#"'say "hi"'"#, #"'say "hi"'"#),
        (#""it's""#, #""it's""#),
        (#"'it\'s "so" "good"'"#, #"'it\'s "so" "good"'"#),
        (#""a\tb\n""#, #""a\tb\n""#),
        ("\"raw\ttab\"", #""raw\ttab""#),
        (#""\u{6D77}\u{95e8}""#, #""海门""#),
        (#""\u{1}\u{7f}""#, #""\u{1}\u{7F}""#),
        (#""back\\slash""#, #""back\\slash""#),
        (#""“quoted”""#, #""“quoted”""#),
        (#"“a\”b”"#, #""a”b""#),
        (##""# not a comment""##, ##""# not a comment""##),
    ])
    func stringsAreReWrittenWithCanonicalEscapes(written: String, canonical: String) {
        #expect(formatted("tasks | where text == " + written) == "tasks | where text == " + canonical + "\n")
    }

    @Test(arguments: [
        ("007", "7"),
        ("1.50", "1.5"),
        ("2.0", "2.0"),
        ("0.0000001", "0.0000001"),
        ("1000000000000000000000.0", "1000000000000000000000.0"),
        ("9223372036854775807", "9223372036854775807"),
        ("2020-06-30", "2020-06-30"),
        ("null", "null"),
        ("true", "true"),
        ("$leader", "$leader"),
    ])
    func numbersAndOtherLiteralsHaveOneSpelling(written: String, canonical: String) {
        #expect(formatted("tasks | where x == " + written) == "tasks | where x == " + canonical + "\n")
    }

    // MARK: - Stages

    @Test(arguments: [
        ("sort by a asc, b desc", "sort by a, b desc"),
        ("top 3 by c desc, d asc", "top 3 by c, d asc"),
        (
            "summarize count(), dcount(units), n = count(), count = count()",
            "summarize count(), dcount(units), n = count(), count = count()"
        ),
        ("summarize n=count() by city as 城市", "summarize n = count() by city as 城市"),
        ("count", "count"),
        ("count by unit(u) as unit", "count by unit(u) as unit"),
        ("extend weeks=days(due-2020-01-01)/7", "extend weeks = days(due - 2020-01-01) / 7"),
        ("explode lead_units as u", "explode lead_units as u"),
        ("distinct section,city", "distinct section, city"),
        ("search “通州湾”", "search \"通州湾\""),
        ("take $n", "take $n"),
        ("skip 10", "skip 10"),
        ("chart", "chart"),
        ("sort by desc desc", "sort by desc desc"),
        ("select where as count", "select where as count"),
    ])
    func stagesHaveOneSpelling(written: String, canonical: String) {
        #expect(formatted("tasks | " + written) == "tasks | " + canonical + "\n")
    }

    @Test func statementsHaveOneSpelling() {
        #expect(
            formatted("let  mine=tasks|where leaders has $leader") == "let mine = tasks | where leaders has $leader\n")
        #expect(formatted("load 'a.jsonl'") == "load \"a.jsonl\"\n")
        #expect(formatted("load “a.jsonl” as a") == "load \"a.jsonl\" as a\n")
        #expect(formatted("count | where desc") == "count | where desc\n")
    }

    // MARK: - Errors

    @Test func aScriptThatDoesNotParseIsNotFormatted() throws {
        let script = ".mode csv\ntasks | count\n.timer on\ntasks | where city == \"海门 | count\nx | sort a"
        let error = try #require(throws: DiagnosticError.self) {
            try QueryFormatter().format(SourceText(name: "q.tql", text: script))
        }
        let rendered = DiagnosticRenderer.render(error.diagnostics, source: error.source)
        #expect(rendered.contains("--> q.tql:4:23"), "\(rendered)")
        #expect(rendered.contains("--> q.tql:5:10"), "\(rendered)")
        #expect(error.diagnostics.map(\.code.rawValue) == ["E0102", "E0201"])
    }

    /// `(a + … ) + (b + …)` is within the nesting limit, but written as one
    /// chain its second half is not (the parser counts the operators of a
    /// chain as levels); the formatter refuses rather than print a script
    /// that does not parse.
    @Test func aStatementThatWouldNestTooDeeplyIsRefused() throws {
        let a = (1...150).map { "a\($0)" }.joined(separator: " + ")
        let b = (1...150).map { "b\($0)" }.joined(separator: " + ")
        let script = "tasks | count\ntasks | where (\(a)) + (\(b)) > 0"
        _ = try Parser.parse(SourceText(name: "q.tql", text: script))
        let error = try #require(throws: DiagnosticError.self) {
            try QueryFormatter().format(SourceText(name: "q.tql", text: script))
        }
        #expect(error.diagnostics.map(\.code.rawValue) == ["E0203"])
        #expect(error.diagnostics.first?.message.contains("cannot format this statement") == true)
        #expect(error.source.location(of: error.diagnostics[0].span!.start) == (2, 1))
    }
}
