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
    /// Whether the statement uses regular expressions (`~`): a database
    /// runs it under a statement timeout, as a pathological pattern on a
    /// long text can take long.
    package var usesRegex = false
}
