import Testing

@testable import TaskQL

@Suite struct StageTests {
    @Test func bareSourceReturnsEveryStandardField() throws {
        let r = try runQuery("tasks")
        #expect(
            r.columns == [
                "id", "dataset", "city", "year", "kind", "section", "subsection", "number", "title", "text", "leaders",
                "lead_units", "co_units", "units", "deadline", "due", "source",
            ])
        #expect(r.rows.count == 6)
        #expect(r.rows[1][13] == .list([.string("市住建局"), .string("发展改革委"), .string("市财政局")]))
        #expect(try runQuery("yixing").rows.count == 3)
    }

    @Test func selectNamesColumnsByFieldAliasOrText() throws {
        let r = try runQuery(#"tasks | where city == "海门" | select id, 城市 as 城, len(text)"#)
        #expect(r.columns == ["id", "城", "len(text)"])
        #expect(
            r.rows == [
                [.string("hm-1"), .string("海门"), .int(8)], [.string("hm-2"), .string("海门"), .int(11)],
                [.string("hm-3"), .string("海门"), .int(10)],
            ])
    }

    @Test func extendAddsAndReplacesColumns() throws {
        let r = try runQuery("tasks | extend n = len(leaders), city = 1 | where n == 2 | select id, n, city")
        #expect(r.rows == [[.string("hm-3"), .int(2), .int(1)]])
    }

    @Test func sortIsStableWithNullsLastInBothDirections() throws {
        #expect(
            column("id", of: try runQuery("tasks | sort by due desc | select id"))
                == ["hm-1", "hm-3", "hm-2", "yx-3", "yx-1", "yx-2"])
        #expect(
            column("id", of: try runQuery("tasks | sort by due | select id"))
                == ["yx-3", "hm-2", "hm-1", "hm-3", "yx-1", "yx-2"])
        #expect(
            column("id", of: try runQuery("tasks | sort by kind desc, due | select id"))
                == ["hm-3", "yx-3", "hm-2", "hm-1", "yx-1", "yx-2"])
        #expect(
            column("id", of: try runQuery("tasks | extend d = due | sort by d desc | select id"))
                == ["hm-1", "hm-3", "hm-2", "yx-3", "yx-1", "yx-2"])
    }

    @Test func takeSkipTop() throws {
        #expect(column("id", of: try runQuery("tasks | skip 2 | take 2 | select id")) == ["hm-3", "yx-1"])
        #expect(column("id", of: try runQuery("tasks | top 2 by len(text) desc | select id")) == ["yx-3", "hm-2"])
        // `top` ranks largest first unless told `asc`.
        #expect(column("id", of: try runQuery("tasks | top 2 by len(text) | select id")) == ["yx-3", "hm-2"])
        #expect(
            column("id", of: try runQuery("tasks | top 2 by len(text) asc | select id"))
                == column("id", of: try runQuery("tasks | sort by len(text) | take 2 | select id")))
        #expect(try runQuery("tasks | take 0").rows.isEmpty)
        #expect(try runQuery("tasks | skip 100").rows.isEmpty)
    }

    @Test func countAndCountByOrderByCountThenKeys() throws {
        #expect(try runQuery("tasks | count") == QueryResult(columns: ["count"], rows: [[.int(6)]]))
        let byCity = try runQuery("tasks | count by city")
        #expect(byCity.columns == ["city", "count"])
        #expect(byCity.rows == [[.string("宜兴"), .int(3)], [.string("海门"), .int(3)]])
        #expect(column("kind", of: try runQuery("tasks | count by kind")) == ["key", "indicator", "livelihood"])
        let twoKeys = try runQuery("tasks | count by city, kind")
        #expect(twoKeys.rows.first == [.string("宜兴"), .string("key"), .int(2)])
        #expect(try runQuery(#"tasks | where city == "无" | count by city"#).rows.isEmpty)
    }

    @Test func summarizeGroupsByKeysAscending() throws {
        let r = try runQuery(
            "tasks | summarize n = count(), units = dcount(lead_units), first = min(due), last = max(due), "
                + "who = list(leaders) by city")
        #expect(r.columns == ["city", "n", "units", "first", "last", "who"])
        let d = { (s: String) in Value.date(CivilDate(iso: s)!) }
        #expect(
            r.rows == [
                [.string("宜兴"), .int(3), .int(3), d("2020-03-31"), d("2020-03-31"), .list([.string("周国强")])],
                [
                    .string("海门"), .int(3), .int(3), d("2020-06-30"), d("2020-12-31"),
                    .list([.string("周国强"), .string("姜勇")]),
                ],
            ])
    }

    @Test func summarizeWithoutKeysGivesOneRowEvenWhenEmpty() throws {
        let r = try runQuery(#"tasks | where city == "无" | summarize n = count(), s = sum(year), a = avg(year)"#)
        #expect(r.rows == [[.int(0), .null, .null]])
        let all = try runQuery("tasks | summarize s = sum(year), a = avg(len(text)), share = count() / 4")
        #expect(all.rows == [[.int(12120), .decimal(58.0 / 6), .decimal(1.5)]])
    }

    @Test func distinctKeepsFirstAppearanceOrder() throws {
        #expect(column("city", of: try runQuery("tasks | distinct city")) == ["海门", "宜兴"])
        #expect(try runQuery("tasks | distinct city, kind").rows.count == 4)
    }

    @Test func explodeGivesOneRowPerElement() throws {
        let r = try runQuery(#"tasks | where id == "hm-2" | explode co_units | select id, co_units"#)
        #expect(r.rows == [[.string("hm-2"), .string("发展改革委")], [.string("hm-2"), .string("市财政局")]])
        let byUnit = try runQuery("tasks | explode lead_units as u | count by unit(u) as unit")
        #expect(
            byUnit.rows == [
                [.string("发改委"), .int(3)], [.string("住建局"), .int(1)],
                [.string(EngineFixture.aliases.canonical("市工信局")), .int(1)],
                [.string("市民政局"), .int(1)], [.string(EngineFixture.aliases.canonical("市统计局")), .int(1)],
            ])
        #expect(try countOf(#"tasks | explode units as u | where u == "发改委" | count"#) == 4)
        #expect(try countOf("tasks | explode leaders | count") == 5)
        #expect(try countOf("tasks | explode [1, 2] as n | count") == 12)
    }

    @Test(arguments: [("养老", 1), ("发展改革", 4), ("经济", 2), ("周国强", 3), ("底前", 3), ("NETWORK", 1)])
    func searchLooksInEveryTextField(_ text: String, _ expected: Int) throws {
        #expect(try countOf("tasks | search \"\(text)\" | count") == expected)
    }

    @Test func searchAfterSelectLooksInTheRemainingTextColumns() throws {
        #expect(try countOf(#"tasks | select id, text as t | search "5G" | count"#) == 2)
    }

    @Test func chartMarksTheResult() throws {
        #expect(try runQuery("tasks | count by city | chart").isChart)
        #expect(try runQuery("tasks | count by city").isChart == false)
    }

    @Test func resultsAreDeterministic() throws {
        let q = "tasks | explode units as u | summarize n = count(), c = list(city) by u | sort by n desc"
        let first = try runQuery(q)
        for _ in 0..<5 { #expect(try runQuery(q) == first) }
    }
}

@Suite struct PartialSortTests {
    /// `sort | take` and `top` select the first rows without a full sort;
    /// they must agree with the full sort (`skip 0` keeps it full).
    // Directions written out: a bare `top` key means desc, a bare `sort` key asc.
    @Test(arguments: ["due desc, number asc", "len(text) asc", "section desc", "city asc, due desc, id asc"])
    func partialSortAgreesWithFullSort(_ keys: String) throws {
        let engine = LargeDataset.shared
        let full = try runQuery("tasks | sort by \(keys) | skip 0 | take 25 | select id", engine: engine)
        let partial = try runQuery("tasks | sort by \(keys) | take 25 | select id", engine: engine)
        let top = try runQuery("tasks | top 25 by \(keys) | select id", engine: engine)
        #expect(full.rows.count == 25)
        #expect(partial == full)
        #expect(top == full)
    }
}

/// `search` picks columns by type, whichever stage made them (issue 9).
@Suite struct SearchColumnTests {
    @Test func aSelectedFieldIsSearchedLikeAComputedColumn() throws {
        let selected = try runQuery(#"tasks | where city == "海门" | select city | search "海门" | count"#)
        let counted = try runQuery(#"tasks | count by city | search "海门" | count"#)
        #expect(selected.rows == [[.int(3)]])
        #expect(counted.rows == [[.int(1)]])
    }

    @Test func numbersAndDatesAreNotSearched() throws {
        #expect(try runQuery(#"tasks | select year, due | search "2020" | count"#).rows == [[.int(0)]])
        #expect(try runQuery(#"tasks | select string(year) as y | search "2020" | count"#).rows == [[.int(6)]])
    }
}
