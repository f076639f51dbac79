import TaskQL

// Functions and aggregates: the catalog's signatures with an example each.
extension HelpCatalog {
    static let functionExamples: [String: String] = [
        "len": "tasks | extend n = len(text), units = len(lead_units) | select id, n, units | take 3",
        "lower": "tasks | where lower(text) contains \"5g\" | count",
        "upper": "tasks | extend k = upper(kind) | distinct k",
        "trim": "tasks | extend t = trim(text) | select t | take 1",
        "unit": "tasks | explode lead_units as u | count by unit(u) | take 5",
        "year": "tasks | count by year(due)",
        "month": "tasks | where due < 2020-07-01 | count by month(due)",
        "day": "tasks | extend d = day(due) | count by d | take 3",
        "days": "tasks | extend n = days(2020-01-01, due) | select id, n | take 3",
        "date": "tasks | extend d = date(\"2020-06-30\") | select d | take 1",
        "coalesce": "tasks | extend heading = coalesce(section, title, \"(none)\") | count by heading | take 3",
        "join": "tasks | extend units = join(lead_units, \"/\") | select id, units | take 3",
        "first": "tasks | extend lead = first(lead_units) | count by lead | take 5",
        "substr": "tasks | extend head = substr(text, 0, 6) | select head | take 3",
        "string": "tasks | extend y = string(year) + \"年\" | select y | take 1",
        "int": "tasks | extend n = int(number) | sort by n desc | select id, n | take 3",
        "number": "tasks | extend n = number(\"1,200\") | select n | take 1",
        "extract": "tasks | extend n = extract(text, \"([0-9]+)个\") | where n is not null | select id, n | take 3",
        "today": "tasks | extend t = today() | select t | take 1",
        "days_left": "tasks | extend left = days_left(due) | sort by left | select id, left | take 3",
        "overdue": "tasks | where overdue(due) | count by city",
        "due_within": "tasks | where due_within(due, 30) | count",
        "light": "tasks | count by light(due, 14)",
        "count": "tasks | summarize n = count(), with_due = count(due) by city",
        "dcount": "tasks | summarize units = dcount(lead_units) by city",
        "sum": "tasks | summarize total = sum(len(text)) by kind",
        "avg": "tasks | summarize mean = avg(len(text)) by kind",
        "min": "tasks | summarize first = min(due) by city",
        "max": "tasks | summarize last = max(due) by city",
        "list": "tasks | summarize leaders = list(leaders) by city",
    ]

    /// Meanings where the signature's result says too little.
    static let functionMeanings: [String: String] = [
        "len": "the number of characters of a text, or of elements of a list",
        "lower": "the text with letters lower-cased", "upper": "the text with letters upper-cased",
        "trim": "the text without spaces and line breaks at either end",
        "year": "the year of a date", "month": "the month of a date (1–12)", "day": "the day of the month (1–31)",
        "sum": "the sum of the numbers in the group", "min": "the smallest value in the group",
        "max": "the largest value in the group", "avg": "the mean of the numbers in the group",
    ]

    /// Every scalar function and aggregate (`names`: the engine's).
    static func functions(_ names: [String]) -> [HelpEntry] {
        names.compactMap { name in
            FunctionCatalog.signature(of: name).map { signature in
                let aggregate = signature.hasSuffix("(summarize)")
                let plain = aggregate ? String(signature.dropLast("  (summarize)".count)) : signature
                return function(name, plain, aggregate: aggregate)
            }
        }
    }

    /// `len(text or list) -> integer` → synopsis `len(text or list)`, meaning `gives integer`.
    static func function(_ name: String, _ signature: String, aggregate: Bool) -> HelpEntry {
        let parts = signature.components(separatedBy: " -> ")
        let synopsis = parts.first ?? signature
        let result = parts.dropFirst().joined(separator: " -> ")
        return HelpEntry(
            name: name, kind: .function, synopsis: synopsis + (aggregate ? "   (in summarize)" : ""),
            meaning: functionMeanings[name] ?? "gives " + result, example: functionExamples[name])
    }
}
