/// Scalar functions: one value in, one value out, per row.
enum ScalarFunction: String, CaseIterable, Sendable {
    case len, lower, upper, trim, unit, year, month, day, days, date, coalesce, join, first, substr, string, int
    case number, extract
    // Dates against the day a query runs (EngineOptions.asOf, `--asof`).
    case today
    case daysLeft = "days_left"
    case overdue
    case dueWithin = "due_within"
    case light

    /// The yellow light's window when `light` is not given one: due within
    /// a week, as supervision offices chase.
    static let defaultWarningDays = 7

    /// `name(arguments)` as shown in help and errors.
    var signature: String {
        switch self {
        case .len: "len(text or list) -> integer"
        case .lower: "lower(text) -> text"
        case .upper: "upper(text) -> text"
        case .trim: "trim(text) -> text"
        case .unit: "unit(unit or list of units) -> canonical unit name(s)"
        case .year: "year(date) -> integer"
        case .month: "month(date) -> integer"
        case .day: "day(date) -> integer"
        case .days: "days(date) -> days since 1970-01-01; days(from, to) -> to - from in days"
        case .date: "date(text) -> date (null when the text is not YYYY-MM-DD)"
        case .coalesce: "coalesce(a, b, …) -> the first value that is not null"
        case .join: "join(list, separator) -> text"
        case .first: "first(list) -> the first element (null when empty)"
        case .substr: "substr(text, start[, length]) -> text (start counts characters from 0)"
        case .string: "string(value) -> the value as text"
        case .int:
            "int(value) -> integer: text as written (12, １２, 十二, （三）, -4), a decimal truncated; null when not a whole number"
        case .number:
            "number(value) -> decimal: text as written (3.5, ３.５, -4, 1,200, 十二); null when not a number"
        case .extract:
            "extract(text, pattern[, group]) -> text: the part of the first match that group (default 1, or the whole match without groups) matched; null without a match"
        case .today: "today() -> the date queries count from (--asof, .asof; else the local date)"
        case .daysLeft: "days_left(date) -> days from today() to date (negative once it has passed)"
        case .overdue: "overdue(date) -> true when date is before today()"
        case .dueWithin: "due_within(date, n) -> true when date is today() or one of the n days after"
        case .light:
            "light(date[, n]) -> \"red\" overdue, \"yellow\" due within n days (default 7), \"green\" later; null without a date"
        }
    }
}

/// Aggregates: many rows in, one value out (only in `summarize`).
enum AggregateFunction: String, CaseIterable, Sendable {
    case count, dcount, sum, avg, min, max, list

    /// `name(argument)` as shown in help and errors.
    var signature: String {
        switch self {
        case .count: "count() -> rows; count(x) -> rows where x is not null"
        case .dcount: "dcount(x) -> distinct values (list elements for lists; canonical names for units)"
        case .sum: "sum(number) -> number"
        case .avg: "avg(number) -> decimal"
        case .min: "min(x) -> smallest value"
        case .max: "max(x) -> largest value"
        case .list: "list(x) -> distinct values in row order (list elements for lists)"
        }
    }
}

/// Names of every function, for completion and suggestions.
package enum FunctionCatalog {
    static var allNames: [String] {
        (ScalarFunction.allCases.map(\.rawValue) + AggregateFunction.allCases.map(\.rawValue)).sorted()
    }

    /// Every function's `name(arguments) -> result` with its meaning,
    /// scalar functions first (`.help functions`).
    package static var signatures: [String] {
        ScalarFunction.allCases.map(\.signature) + AggregateFunction.allCases.map { "\($0.signature)  (summarize)" }
    }

    /// The signature of the function called `name` (`.help light`).
    package static func signature(of name: String) -> String? {
        ScalarFunction(rawValue: name)?.signature
            ?? AggregateFunction(rawValue: name).map { "\($0.signature)  (summarize)" }
    }
}
