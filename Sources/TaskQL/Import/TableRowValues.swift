/// One table row's cleaned cell values by role, before blanks are inherited.
///
/// Every value is a list: list roles (leaders, units) hold their items, the
/// others at most one string. An empty list is a blank cell.
struct TableRowValues: Sendable, Equatable {
    var line: Int
    var cellCount: Int
    private var values: [TableColumnRole: [String]] = [:]
    /// Extra columns' texts by header name, in column order.
    var extras: [ExtraField] = []

    init(line: Int, cellCount: Int) {
        self.line = line
        self.cellCount = cellCount
    }

    subscript(role: TableColumnRole) -> [String] {
        get { values[role] ?? [] }
        set { values[role] = newValue.isEmpty ? nil : newValue }
    }

    /// The single text of a non-list role, or nil when blank.
    func text(_ role: TableColumnRole) -> String? { values[role]?.first }

    /// Cleans a row's cells by their header roles.
    init(row: TableRow, header: TableHeader, names: PersonNames, titles: TableSectionTitles) {
        self.init(line: row.line, cellCount: row.cells.count)
        for (column, role) in header.roles.enumerated() {
            guard let cell = row.cell(column), !cell.isBlank else { continue }
            // A 完成时限 column that holds progress prose (`完成时限及项目推进完成情况`)
            // keeps it as an extra field, not as a deadline.
            if role == .extra || role == .deadline && TableCellText.joinedProse(cell.lines).count > 40 {
                let name = header.names[column].isEmpty ? "column\(column + 1)" : header.names[column]
                extras.append(ExtraField(name: name, value: TableCellText.joinedProse(cell.lines)))
                continue
            }
            let cleaned = Self.clean(cell, as: role, names: names, titles: titles)
            self[role] = Self.combine(self[role], cleaned, role: role, name: header.names[column])
        }
    }

    private static func clean(
        _ cell: TableCell, as role: TableColumnRole, names: PersonNames, titles: TableSectionTitles
    ) -> [String] {
        switch role {
        case .leaders: return names.names(in: cell)
        case .leadUnits, .coUnits: return TableCellText.listItems(cell.lines)
        case .text: return [TableCellText.joinedProse(cell.lines)]
        case .section: return [titles.canonical(TableCellText.joinedCompact(cell.lines))]
        case .subsection, .number, .deadline, .title, .extra:
            return [TableCellText.joinedCompact(cell.lines)]
        }
    }

    /// A second column of the same role adds to the first: lists are
    /// concatenated, a second text column is appended under its header name
    /// (`…；2020年工作任务：完工。`).
    private static func combine(
        _ old: [String], _ new: [String], role: TableColumnRole, name: String
    ) -> [String] {
        guard let first = old.first else { return new }
        switch role {
        case .leaders, .leadUnits, .coUnits: return old + new.filter { !old.contains($0) }
        case .text: return [first + "；" + name + "：" + (new.first ?? "")]
        default: return old
        }
    }
}
