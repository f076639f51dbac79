import TaskQL

// The language's entries: statements, stages, operators, fields.
extension HelpCatalog {
    static let statements: [HelpEntry] = [
        HelpEntry(
            name: "let", kind: .statement, synopsis: "let NAME = PIPELINE",
            meaning: "names a pipeline; later statements start from NAME as from a dataset",
            example: "let mine = tasks | where leaders has \"周国强\"\nmine | count by city"),
        HelpEntry(
            name: "load", kind: .statement, synopsis: "load \"FILE\" [as NAME]",
            meaning: "loads a document or dataset file as a dataset (as .load does)",
            example: "load \"plan.jsonl\" as plan\nplan | count"),
        HelpEntry(
            name: "explain", kind: .statement, synopsis: "explain PIPELINE",
            meaning: "the plan of a query: each stage, the rows it keeps and its time, as rows",
            example: "explain tasks | where city == \"海门\" | count by kind"),
        HelpEntry(
            name: "diff", kind: .statement, synopsis: "diff DATASET DATASET [| stage …]",
            meaning: "what changed from one decomposition to another: added, removed, moved, reworded … tasks",
            example: "diff haimen haimen | count by change"),
        HelpEntry(
            name: "tasks", kind: .statement, synopsis: "tasks [| stage …]",
            meaning: "every loaded task; a dataset name (haimen) gives that dataset's tasks",
            example: "tasks | count by dataset"),
    ]

    static let stages: [HelpEntry] = [
        stage(
            "where", "| where CONDITION", "keeps the rows for which CONDITION is true (unknown counts as false)",
            "tasks | where lead_units has \"发改委\" and due < 2020-07-01 | count"),
        stage(
            "select", "| select EXPR [as NAME], …", "keeps these columns (or expressions), in this order",
            "tasks | select id, city, due | take 3"),
        stage(
            "extend", "| extend NAME = EXPR, …", "adds (or replaces) columns computed from each row",
            "tasks | extend left = days_left(due) | select id, left | take 3"),
        stage(
            "sort", "| sort by EXPR [asc|desc], …", "orders the rows; stable, nulls last in both directions",
            "tasks | sort by due desc, id | select id, due | take 5"),
        stage("take", "| take N", "the first N rows", "tasks | take 2 | select id"),
        stage("skip", "| skip N", "all rows but the first N", "tasks | skip 608 | select id"),
        stage(
            "top", "| top N by EXPR [asc|desc], …", "the N rows with the largest keys (sort desc, then take)",
            "tasks | top 3 by len(text) | select id"),
        stage(
            "count", "| count [by EXPR [as NAME], …]",
            "the number of rows, or per key: by count descending, then keys", "tasks | count by city"),
        stage(
            "summarize", "| summarize [NAME =] AGGREGATE, … [by EXPR, …]",
            "aggregates (count, dcount, sum, avg, min, max, list) per key, ordered by key",
            "tasks | summarize n = count(), units = dcount(lead_units), last = max(due) by city"),
        stage(
            "distinct", "| distinct EXPR [as NAME], …",
            "one row per distinct combination, in order of first appearance",
            "tasks | distinct city, kind"),
        stage(
            "explode", "| explode LIST [as NAME]", "one row per element of a list (rows with an empty list go)",
            "tasks | explode lead_units as unit | count by unit | take 5"),
        stage(
            "search", "| search TEXT", "rows any text column of which contains TEXT (ASCII case ignored)",
            "tasks | search \"5G\" | select id, text"),
        stage(
            "pivot", "| pivot EXPR, … by COLUMN [in [VALUE, …]]",
            "one row per key, one count per value of COLUMN, then the total",
            "tasks | pivot city by kind"),
        stage(
            "matrix", "| matrix [by EXPR, …]",
            "per unit: the tasks it leads, co-operates on (without leading), and both",
            "tasks | matrix | take 5"),
        stage(
            "trace", "| trace DATASET [reverse]",
            "each row's best matching paragraph of DATASET; reverse: each sentence of DATASET with the task covering it",
            "haimen | take 3 | trace haimen | select id, score"),
        stage("chart", "| chart", "draws the last numeric column as horizontal bars", "tasks | count by city | chart"),
    ]

    static func stage(_ name: String, _ synopsis: String, _ meaning: String, _ example: String) -> HelpEntry {
        HelpEntry(name: name, kind: .stage, synopsis: synopsis, meaning: meaning, example: example)
    }

    static let operators: [HelpEntry] = [
        op(
            "==", "A == B", "equal (unit names by canonical name; a unit list == a name: the list has it)",
            "tasks | where city == \"宜兴\" | count"),
        op("!=", "A != B", "not equal (unknown when either side is null)", "tasks | where kind != \"key\" | count"),
        op("<", "A < B", "less than: numbers, dates, text by code point", "tasks | where due < 2020-07-01 | count"),
        op("<=", "A <= B", "less than or equal", "tasks | where due <= 2020-06-30 | count"),
        op(">", "A > B", "greater than", "tasks | where len(text) > 100 | count"),
        op(">=", "A >= B", "greater than or equal", "tasks | where year >= 2020 | count"),
        op(
            "and", "A and B", "both (three-valued: false and unknown is false)",
            "tasks | where city == \"海门\" and kind == \"key\" | count"),
        op(
            "or", "A or B", "either (true or unknown is true)", "tasks | where city == \"海门\" or city == \"宜兴\" | count"
        ),
        op(
            "not", "not A", "the opposite (not unknown stays unknown)",
            "tasks | where not (lead_units has \"发改委\") | count"),
        op(
            "in", "A in [X, …]", "A is one of the list (a list A: any element is)",
            "tasks | where city in [\"海门\", \"宜兴\"] | count"),
        op("not in", "A not in [X, …]", "A is none of the list", "tasks | where city not in [\"海门\"] | count"),
        op(
            "has", "LIST has X", "the list has X (unit names by canonical name)",
            "tasks | where co_units has \"财政局\" | count"),
        op(
            "contains", "TEXT contains PART", "PART occurs in TEXT, ASCII case ignored (a list: any element)",
            "tasks | where text contains \"5G\" | select id"),
        op(
            "startswith", "TEXT startswith PART", "TEXT begins with PART, ASCII case ignored",
            "tasks | where text startswith \"推进\" | count"),
        op(
            "endswith", "TEXT endswith PART", "TEXT ends with PART, ASCII case ignored",
            "tasks | where text endswith \"。\" | count"),
        op(
            "matches", "TEXT matches \"REGEX\"", "a regular expression matches part of TEXT (linear time)",
            "tasks | where text matches \"[0-9]+个\" | count"),
        op(
            "+", "A + B", "sum; text + text joins; date + n is n days later",
            "tasks | extend d = due + 7 | select id, d | take 2"),
        op(
            "-", "A - B", "difference; date - date is days",
            "tasks | extend d = due - 2020-01-01 | select id, d | take 2"),
        op("*", "A * B", "product (integer overflow is an error)", "tasks | extend n = year * 2 | select n | take 1"),
        op(
            "/", "A / B", "quotient, always a decimal (dividing by zero is E0401)",
            "tasks | extend r = len(text) / 10 | select id, r | take 2"),
        op("is null", "A is [not] null", "whether A has no value", "tasks | where section is null | count"),
    ]

    static func op(_ name: String, _ synopsis: String, _ meaning: String, _ example: String) -> HelpEntry {
        HelpEntry(name: name, kind: .operator, synopsis: synopsis, meaning: meaning, example: example)
    }

    /// Every field, from the schema: its meaning and a query showing it.
    static func fields(_ schema: [FieldInfo]) -> [HelpEntry] {
        schema.map { field in
            HelpEntry(
                name: field.name, kind: .field, synopsis: "\(field.name): \(field.type)", meaning: field.summary,
                example: "tasks | where \(field.name) is not null | select "
                    + (field.name == "id" ? "id" : "id, \(field.name)") + " | take 3",
                aliases: field.chineseAliases)
        }
    }
}
