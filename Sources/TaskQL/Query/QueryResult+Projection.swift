extension QueryResult {
    /// Whether the rows are whole tasks (every task field, in schema order),
    /// as a bare `tasks | where …` returns them.
    package var isWholeTasks: Bool {
        columns == TaskField.allCases.map(\.rawValue)
    }

    /// The result with only `names` (in that order), skipping names it lacks.
    package func projected(onto names: [String]) -> QueryResult {
        let indices = names.compactMap { columns.firstIndex(of: $0) }
        return QueryResult(
            columns: indices.map { columns[$0] }, rows: rows.map { row in indices.map { row[$0] } }, isChart: isChart)
    }
}
