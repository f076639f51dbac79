import Testing

@testable import TaskQL

/// Each stage, written as a user writes it, and the tree it gives.
struct ParserStageTests {
    @Test(arguments: [
        ("tasks | where city == \"海门\"", "tasks | (where (== city \"海门\"))"),
        ("tasks | select city, number as n, len(text)", "tasks | (select city (as number n) (len() text))"),
        ("tasks | extend n = len(text), m = 1", "tasks | (extend (= n (len() text)) (= m 1))"),
        ("tasks | sort by due, number desc, city asc", "tasks | (sort due (desc number) city)"),
        ("tasks | take 10", "tasks | (take 10)"),
        ("tasks | take $n", "tasks | (take $n)"),
        ("tasks | skip 5", "tasks | (skip 5)"),
        ("tasks | top 5 by len(text) desc", "tasks | (top 5 (desc (len() text)))"),
        ("tasks | top 5 by n", "tasks | (top 5 (desc n))"),
        ("tasks | count", "tasks | (count)"),
        ("tasks | count by city, kind as k", "tasks | (count-by city (as kind k))"),
        (
            "tasks | summarize n = count(), units = dcount(lead_units) by city, kind",
            "tasks | (summarize (= n (count())) (= units (dcount() lead_units)) (by city kind))"
        ),
        (
            "tasks | summarize count(), dcount(units)",
            "tasks | (summarize (= count (count())) (= dcount_units (dcount() units)))"
        ),
        ("tasks | distinct city, kind", "tasks | (distinct city kind)"),
        ("tasks | explode lead_units as unit", "tasks | (explode lead_units unit)"),
        ("tasks | explode units", "tasks | (explode units)"),
        ("tasks | search \"通州湾\"", "tasks | (search \"通州湾\")"),
        ("tasks | count by city | chart", "tasks | (count-by city) | (chart)"),
        ("tasks | pivot city by kind", "tasks | (pivot city (by kind))"),
        (
            "tasks | pivot city, kind as k by light(due) in [\"red\"]",
            "tasks | (pivot city (as kind k) (by (light() due)) (in [\"red\"]))"
        ),
        // `in` after the column lists the columns; it is no condition.
        ("tasks | pivot city by year + 1 in [2021]", "tasks | (pivot city (by (+ year 1)) (in [2021]))"),
        ("tasks | matrix", "tasks | (matrix)"),
        ("tasks | matrix by city | chart", "tasks | (matrix-by city) | (chart)"),
        ("tasks | where matrix == pivot", "tasks | (where (== matrix pivot))"),
        (
            "diff haimen haimen_adjusted | where change == \"deadline\"",
            "(diff haimen haimen_adjusted) | (where (== change \"deadline\"))"
        ),
        // `diff` alone, or before `|`, is a name.
        ("diff | count", "diff | (count)"),
        ("explain tasks | where city == \"海门\" | count", "explain tasks | (where (== city \"海门\")) | (count)"),
        ("explain diff a b", "explain (diff a b)"),
        // `explain` alone, or before `|`, is a name.
        ("explain | count", "explain | (count)"),
        ("let d = diff a b", "let d = (diff a b)"),
        ("tasks | trace nantong", "tasks | (trace nantong)"),
        (
            "haimen | trace nantong reverse | where score < 0.5",
            "haimen | (trace nantong reverse) | (where (< score 0.5))"
        ),
        // `trace` and `reverse` are contextual: names elsewhere.
        ("reverse | where trace == reverse", "reverse | (where (== trace reverse))"),
        ("let mine = tasks | where leaders has $leader", "let mine = tasks | (where (has leaders $leader))"),
        ("load \"data/x.jsonl\" as x", "load \"data/x.jsonl\" as x"),
        ("load 'y.jsonl'", "load \"y.jsonl\""),
        ("tasks", "tasks"),
    ])
    func stage(source: String, tree: String) {
        #expect(parsed(source) == tree)
    }

    @Test func contextualKeywordsAreNamesOutsideTheirPlace() {
        #expect(parsed("tasks | count by unit | sort by count desc") == "tasks | (count-by unit) | (sort (desc count))")
        #expect(parsed("tasks | where where == select") == "tasks | (where (== where select))")
        #expect(parsed("tasks | sort by desc desc") == "tasks | (sort (desc desc))")
        #expect(parsed("count | take 1") == "count | (take 1)")
    }

    @Test func cjkNamesAreIdentifiers() {
        #expect(
            parsed("tasks | where 城市 == \"海门\" and 牵头单位 has \"发改委\"")
                == "tasks | (where (and (== 城市 \"海门\") (has 牵头单位 \"发改委\")))")
    }
}
