/// The extra columns of the loaded data (进展情况, 完成情况, 是否达序 … that
/// the importer keeps without interpreting them) as query columns: one per
/// header name, in the order the names first appear in the table, each a
/// pooled text id per row, null where a task's document has no such column.
/// They follow the task fields in the rows of `tasks` and every dataset.
struct ExtraColumns: Sendable {
    /// The header names as the documents print them.
    private(set) var headers: [String] = []
    /// The names a query uses: each header as an identifier (`是否达序（%）`
    /// → `是否达序`), kept apart from the task fields, their Chinese names,
    /// the reserved words and each other (`备注_2`).
    private(set) var names: [String] = []
    /// Per column, the pooled id of each row's text (``TaskTable/nullID`` for none).
    private(set) var values: [[Int32]] = []

    init() {}

    /// Columns named `headers`, with no rows (named as ``init(_:)`` names them).
    init(headers: [String]) {
        self.headers = headers
        values = headers.map { _ in [] }
        nameColumns()
    }

    /// The extra columns of `table`'s rows. A row naming a header twice
    /// keeps the first cell (a table repeating a header, two `备注`, is
    /// kept whole in the record).
    init(_ table: TaskTable) {
        let fields = table.extraFields
        guard !fields.ids.isEmpty else { return }
        var column: [Int32: Int] = [:]
        for row in 0..<table.count {
            var k = Int(fields.offsets[row])
            let end = Int(fields.offsets[row + 1])
            while k + 1 < end {
                let name = fields.ids[k]
                if column[name] == nil {
                    column[name] = headers.count
                    headers.append(table.pool[name])
                    values.append([Int32](repeating: TaskTable.nullID, count: table.count))
                }
                let c = column[name]!
                if values[c][row] == TaskTable.nullID { values[c][row] = fields.ids[k + 1] }
                k += 2
            }
        }
        nameColumns()
    }

    /// Names every header (``names``).
    private mutating func nameColumns() {
        var taken = Set(TaskField.allNames)
        for header in headers {
            let name = Self.queryName(header, taken: taken)
            taken.insert(name)
            names.append(name)
        }
    }

    /// `header` as a name the lexer reads as one identifier and no other
    /// column or word has.
    static func queryName(_ header: String, taken: Set<String>) -> String {
        var name = String.UnicodeScalarView()
        for s in header.unicodeScalars {
            let keeps =
                s.isASCII
                ? (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_") : s.properties.isXIDContinue
            if keeps {
                name.append(s)
            } else if name.last != "_", !name.isEmpty {
                name.append("_")
            }
        }
        while name.last == "_" { name.removeLast() }
        var base = String(name)
        if let first = base.unicodeScalars.first,
            !(first == "_" || (first.isASCII ? first.properties.isAlphabetic : first.properties.isXIDStart))
        {
            base = "_" + base
        }
        if base.isEmpty { base = "extra" }
        let clashes = { (n: String) in
            taken.contains(n) || TaskField.named(n) != nil || Keyword(rawValue: n)?.isReserved == true
        }
        guard clashes(base) else { return base }
        var n = 2
        while clashes("\(base)_\(n)") { n += 1 }
        return "\(base)_\(n)"
    }

    /// The schema columns they add.
    var columns: [Column] { names.map { Column(name: $0, type: .string, isUnits: false) } }
}

extension TaskTable {
    /// The rows of `tasks` and of a dataset: every task field, then the
    /// extra columns.
    var baseSchema: RowSchema {
        extras.names.isEmpty ? .base : RowSchema(columns: RowSchema.base.columns + extras.columns, isBase: true)
    }
}
