/// How one column of a relation is stored.
enum ColumnData: Sendable {
    /// A task field, read from the table through the relation's row ids:
    /// nothing is copied until the value is needed.
    case field(TaskField)
    /// Pooled string ids (null: ``TaskTable/nullID``), e.g. exploded units.
    case pooled([Int32])
    /// Computed values, one per row.
    case values([Value])
}

/// The rows between two stages, column by column. Columns that are still
/// task fields stay in the table; only computed columns hold values.
struct Relation: Sendable {
    /// For each row, the table row it comes from; empty when no column is
    /// a ``ColumnData/field(_:)``.
    var rowIDs: RowIDs
    var columns: [ColumnData]
    var count: Int

    /// The table rows in `ranges` (all rows, or one dataset's), every field,
    /// then the extra columns (``ExtraColumns``) when the data has any.
    static func base(_ ranges: [Range<Int>], table: TaskTable) -> Relation {
        let rowIDs: RowIDs
        if ranges.count <= 1 {
            rowIDs = RowIDs(run: ranges.first ?? 0..<0)
        } else {
            rowIDs = RowIDs(ranges.flatMap { $0.lazy.map { Int32($0) } })
        }
        var columns = TaskField.standardColumns.map { ColumnData.field($0) }
        for values in table.extras.values {
            columns.append(
                .pooled(ranges.count == 1 && ranges[0] == 0..<table.count ? values : ranges.flatMap { values[$0] }))
        }
        return Relation(rowIDs: rowIDs, columns: columns, count: rowIDs.count)
    }

    /// Rows made of computed columns only.
    static func computed(_ columns: [[Value]], count: Int) -> Relation {
        Relation(rowIDs: .none, columns: columns.map { .values($0) }, count: count)
    }

    /// The rows at `positions`, in that order.
    func gather(_ positions: [Int]) -> Relation {
        Relation(
            rowIDs: rowIDs.isEmpty ? .none : RowIDs(positions.map { rowIDs[$0] }),
            columns: columns.map { column in
                switch column {
                case .field: column
                case .pooled(let ids): .pooled(positions.map { ids[$0] })
                case .values(let vs): .values(positions.map { vs[$0] })
                }
            },
            count: positions.count)
    }

    /// Rows `range` (for take/skip), without a position list.
    func slice(_ range: Range<Int>) -> Relation {
        Relation(
            rowIDs: rowIDs.isEmpty ? .none : rowIDs.slice(range),
            columns: columns.map { column in
                switch column {
                case .field: column
                case .pooled(let ids): .pooled(Array(ids[range]))
                case .values(let vs): .values(Array(vs[range]))
                }
            },
            count: range.count)
    }

    /// The same rows with every column as plain values: what the evaluator
    /// sees when its fast paths are off, so no stage can take a shortcut
    /// through the column store.
    func materialized(table: TaskTable) -> Relation {
        .computed(columns.indices.map { c in (0..<count).map { value(c, $0, table: table) } }, count: count)
    }

    /// The value of column `c` in row `i`.
    func value(_ c: Int, _ i: Int, table: TaskTable) -> Value {
        switch columns[c] {
        case .field(let f): table.value(f, row: Int(rowIDs[i]))
        case .pooled(let ids): ids[i] == TaskTable.nullID ? .null : .string(table.pool[ids[i]])
        case .values(let vs): vs[i]
        }
    }

    /// The rows as a query result.
    func result(columns names: [String], table: TaskTable, isChart: Bool) -> QueryResult {
        let rows = (0..<count).map { i in columns.indices.map { value($0, i, table: table) } }
        return QueryResult(columns: names, rows: rows, isChart: isChart)
    }
}
