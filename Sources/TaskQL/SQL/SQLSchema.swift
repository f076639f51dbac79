/// The tables and columns the compiler reads and `taskql push` writes
/// (TaskQLPostgres runs ``createStatements`` and loads ``SQLTaskRows``).
///
/// Tasks keep TQL's fields under their own names, lists as `text[]`, so a
/// person can query them with plain SQL too; beside them the columns the
/// compiler needs to give TQL's answers: the row order, canonical unit
/// names (TQL's `has` and `==` on units compare those) and folded text.
package enum SQLSchema {
    /// One row per task: every task field under its own name, plus the
    /// columns below.
    package static let tasks = "taskql_tasks"
    /// One row per dataset: `name`, and `seq`, the order datasets were
    /// pushed in (the in-memory engine's dataset order), `header` (its
    /// documents, as a dataset file's header line), `task_count` and
    /// `extra_headers` (the names of its extra columns).
    package static let datasets = "taskql_datasets"
    /// Per dataset, how many tasks name each city, kind, section …, unit
    /// and leader (`field`, `value`, `tasks`): what the checker accepts in
    /// `has "…"` (an unknown unit is an error on both engines) and what Tab
    /// offers, without a scan of the tasks.
    package static let values = "taskql_values"
    /// The unit aliases the data was pushed with (`alias`, `canonical`):
    /// the canonical arrays were computed with them, so queries on the
    /// database canonicalise their unit names with them too.
    package static let unitAliases = "taskql_unit_aliases"
    /// The task's position in its dataset (TQL's row order is datasets in
    /// order, then tasks in document order).
    package static let ordinal = "ordinal"
    /// The dataset's position among datasets.
    package static let datasetSequence = "seq"
    /// Canonical unit names of `lead_units` and `co_units`, element by
    /// element (the engine's `UnitAliases` at push time).
    package static let canonicalColumn = ["lead_units": "lead_units_canonical", "co_units": "co_units_canonical"]
    /// TQL's `int()` of `number` (`（三）` → 3), for `sort by int(number)`.
    package static let numberInteger = "number_int"
    /// `text` with ASCII letters lower-cased, for `contains`/`search`.
    package static let foldedText = "text_folded"
    /// The extra columns of a task, as a `jsonb` object of name → text.
    package static let extra = "extra"

    /// A function that raises TQL's run-time error `code` with `message`
    /// (SQLSTATE `TQ` + the code's digits, read back by ``DatabaseError``),
    /// typed as its third argument, for a CASE branch (a date out of range).
    /// Volatile: the planner folds an immutable call with constant
    /// arguments before the CASE could keep it from running.
    package static let failFunction = "taskql_fail"

    /// The columns of ``tasks`` in the order ``SQLTaskRows`` writes them.
    package static let taskColumns: [String] =
        [ordinal] + TaskField.standardColumns.filter { $0 != .units }.map(\.name)
        + ["lead_units_canonical", "co_units_canonical", foldedText, extra, numberInteger]

    /// Creates what is missing, idempotently (`IF NOT EXISTS`): a second
    /// push to the same database runs them again harmlessly.
    package static let createStatements: [String] = [
        """
        CREATE TABLE IF NOT EXISTS \(datasets) (
          name text PRIMARY KEY,
          \(datasetSequence) bigint NOT NULL,
          header jsonb NOT NULL,
          task_count bigint NOT NULL,
          extra_headers text[] NOT NULL,
          pushed_at timestamptz NOT NULL DEFAULT now())
        """,
        """
        CREATE TABLE IF NOT EXISTS \(tasks) (
          dataset text NOT NULL REFERENCES \(datasets)(name) ON DELETE CASCADE,
          \(ordinal) bigint NOT NULL,
          id text NOT NULL, city text NOT NULL, year bigint NOT NULL, kind text NOT NULL,
          section text, subsection text, number text NOT NULL, title text, text text NOT NULL,
          leaders text[] NOT NULL, lead_units text[] NOT NULL, co_units text[] NOT NULL,
          deadline text, due date, source text NOT NULL,
          lead_units_canonical text[] NOT NULL, co_units_canonical text[] NOT NULL,
          \(foldedText) text NOT NULL, \(extra) jsonb NOT NULL, \(numberInteger) bigint,
          PRIMARY KEY (dataset, \(ordinal)))
        """,
        """
        CREATE TABLE IF NOT EXISTS \(values) (
          dataset text NOT NULL REFERENCES \(datasets)(name) ON DELETE CASCADE,
          field text NOT NULL, value text NOT NULL, tasks bigint NOT NULL,
          PRIMARY KEY (dataset, field, value))
        """,
        "CREATE TABLE IF NOT EXISTS \(unitAliases) (alias text PRIMARY KEY, canonical text NOT NULL)",
        // `has` on units is `@>` on these arrays: a GIN index answers it.
        "CREATE INDEX IF NOT EXISTS taskql_tasks_lead_units ON \(tasks) USING gin (lead_units_canonical)",
        "CREATE INDEX IF NOT EXISTS taskql_tasks_co_units ON \(tasks) USING gin (co_units_canonical)",
        """
        CREATE OR REPLACE FUNCTION \(failFunction)(code text, message text, model anyelement)
          RETURNS anyelement LANGUAGE plpgsql VOLATILE AS
          $$BEGIN RAISE EXCEPTION '%', message USING ERRCODE = 'TQ' || right(code, 3); END$$
        """,
        "CREATE INDEX IF NOT EXISTS taskql_tasks_city ON \(tasks) (city)",
        "CREATE INDEX IF NOT EXISTS taskql_tasks_due ON \(tasks) (due)",
    ]

    /// A trigram index for `contains` on the task text, where the server
    /// has `pg_trgm` (run on its own: a server without it still works).
    package static let trigramStatements: [String] = [
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        "CREATE INDEX IF NOT EXISTS taskql_tasks_text_trgm ON \(tasks) USING gin (\(foldedText) gin_trgm_ops)",
    ]
}
