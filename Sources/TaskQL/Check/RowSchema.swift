/// One column of the rows flowing between two stages.
struct Column: Sendable, Hashable {
    /// Name used to refer to the column and shown as its header.
    var name: String
    /// Static type.
    var type: ValueType
    /// Whether the column holds unit names (alias-aware `has`/`==`).
    var isUnits: Bool
}

/// The shape of the rows between two stages. The checker tracks it through
/// the pipeline so that names change exactly where stages change them.
struct RowSchema: Sendable, Hashable {
    /// The most columns rows may have (SQLite's default is 2,000). Each
    /// `extend` copies the column list into its plan, so without a limit
    /// 20,000 chained extends took 15 GB.
    static let maximumColumns = 1_000

    /// Columns in order.
    var columns: [Column]
    /// True while rows are still table rows with every task field (only
    /// `where`, `sort`, `take` … have run): the evaluator then works on row
    /// indices over the column store.
    var isBase: Bool

    /// The task schema: every field, in ``TaskField/standardColumns`` order.
    static let base = RowSchema(
        columns: TaskField.standardColumns.map { Column(name: $0.name, type: $0.type, isUnits: $0.isUnits) },
        isBase: true)

    /// The column for `name`: exact name first, then a Chinese alias of a
    /// task field whose English name is a column.
    func index(of name: String) -> Int? {
        if let i = columns.firstIndex(where: { $0.name == name }) { return i }
        if let field = TaskField.named(name) {
            return columns.firstIndex { $0.name == field.name }
        }
        return nil
    }

    /// Names a user could have meant, for suggestions: columns, plus the
    /// Chinese aliases of columns that are task fields.
    var nameCandidates: [String] {
        var names = columns.map(\.name)
        for c in columns {
            if let f = TaskField.named(c.name), f.name == c.name { names += f.chineseAliases }
        }
        return names
    }

    /// A schema of derived (materialised) rows.
    static func derived(_ columns: [Column]) -> RowSchema { RowSchema(columns: columns, isBase: false) }
}
