/// One result row whose cells can be read by column name.
public struct QueryRow: Sendable, Hashable {
    /// Column names, as in the result.
    public let columns: [String]
    /// Cells, one per column.
    public let values: [Value]

    /// The cell of column `name`, or nil when there is no such column.
    public subscript(name: String) -> Value? {
        columns.firstIndex(of: name).map { values[$0] }
    }

    /// The cell at position `index`.
    public subscript(index: Int) -> Value { values[index] }
}

extension QueryResult {
    /// The rows with their cells addressable by column name:
    /// `for row in result.namedRows { print(row["city"]!) }`.
    public var namedRows: [QueryRow] { rows.map { QueryRow(columns: columns, values: $0) } }
}
