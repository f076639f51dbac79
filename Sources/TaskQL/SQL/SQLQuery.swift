/// A TQL query compiled to SQL: the text, with `$1`-style placeholders, and
/// the values bound to them, in order. Values are never spliced into the
/// text: a unit name, a search needle or a parameter is always a bound value.
package struct SQLQuery: Sendable, Equatable {
    /// The statement, e.g. `SELECT … FROM taskql_tasks AS t … WHERE t.city = $1::text …`.
    package var text: String
    /// The value of `$1`, `$2` … (each placeholder in the text carries its
    /// type as a cast, so a null needs no other type information).
    package var parameters: [Value]
    /// The result's column names, as the in-memory engine names them.
    package var columns: [String]
    /// The result's column types (lists come back as arrays).
    package var columnTypes: [ValueType]
}

/// The tables and columns the compiler reads; `TaskQLPostgres` creates
/// them (its schema is checked against these names by a test).
package enum SQLSchema {
    /// One row per task: every task field under its own name, plus the
    /// columns below.
    package static let tasks = "taskql_tasks"
    /// One row per dataset: `name`, and `seq`, the order datasets were
    /// pushed in (the in-memory engine's dataset order).
    package static let datasets = "taskql_datasets"
    /// The task's position in its dataset (TQL's row order is datasets in
    /// order, then tasks in document order).
    package static let ordinal = "ordinal"
    /// The dataset's position among datasets.
    package static let datasetSequence = "seq"
    /// Canonical unit names of `lead_units` and `co_units`, element by
    /// element (the engine's `UnitAliases` at push time).
    package static let canonicalColumn = ["lead_units": "lead_units_canonical", "co_units": "co_units_canonical"]
    /// `text` with ASCII letters lower-cased, for `contains`/`search`.
    package static let foldedText = "text_folded"
    /// The extra columns of a task, as a `jsonb` object of name → text.
    package static let extra = "extra"
}
