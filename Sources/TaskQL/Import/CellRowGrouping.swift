/// Groups a flattened table's cells into rows under its header (see
/// ``CellTableReader`` for the rules), with the category each row stands under.
struct CellRowGrouping {
    let header: TableHeader

    /// Whether the table's rows start with a 序号 cell.
    private var numbered: Bool { header.roles.first == .number }

    func rows(_ cells: [TableCell]) -> [(row: TableRow, category: String?)] {
        let counted = countedRows(cells)
        guard numbered, !counted.allSatisfy({ isNumberOrBlank($0.row.cells.first) }) else { return counted }
        return numberedRows(cells)
    }

    /// Rows of `columnCount` cells; a heading cell where a row would start is a category.
    private func countedRows(_ cells: [TableCell]) -> [(row: TableRow, category: String?)] {
        var rows: [(row: TableRow, category: String?)] = []
        var category: String?
        var current: [TableCell] = []
        for cell in cells {
            if current.isEmpty, numbered, let heading = categoryHeading(cell) {
                category = heading
                continue
            }
            current.append(cell)
            if current.count == header.columnCount {
                append(current, category, to: &rows)
                current = []
            }
        }
        if !current.isEmpty { append(current, category, to: &rows) }
        return rows
    }

    /// Rows that start at each next number; surplus cells join list columns.
    private func numberedRows(_ cells: [TableCell]) -> [(row: TableRow, category: String?)] {
        var rows: [(row: TableRow, category: String?)] = []
        var category: String?
        var current: [TableCell] = []
        var last: Int?
        for cell in cells {
            if let value = number(cell), last == nil || value == last! + 1 {
                if !current.isEmpty { append(aligned(current), category, to: &rows) }
                current = [cell]
                last = value
            } else if let heading = categoryHeading(cell) {
                if !current.isEmpty { append(aligned(current), category, to: &rows) }
                current = []
                category = heading
            } else if !current.isEmpty {
                current.append(cell)
            }
        }
        if !current.isEmpty { append(aligned(current), category, to: &rows) }
        return rows
    }

    /// A row's cells fitted to the header: surplus cells that read as list
    /// items (one unit or name per cell) join the list column before them.
    private func aligned(_ cells: [TableCell]) -> [TableCell] {
        var surplus = cells.count - header.columnCount
        guard surplus > 0 else { return cells }
        var result: [TableCell] = []
        var index = 0
        for role in header.roles where index < cells.count {
            var cell = cells[index]
            index += 1
            if [.leaders, .leadUnits, .coUnits].contains(role) {
                while surplus > 0, index < cells.count, isListItem(cells[index]) {
                    cell.lines += cells[index].lines
                    index += 1
                    surplus -= 1
                }
            }
            result.append(cell)
        }
        // Whatever is left over (a second task in a merged row) joins the last cell.
        if index < cells.count, !result.isEmpty {
            for extra in cells[index...] { result[result.count - 1].lines += extra.lines }
        }
        return result
    }

    private func append(
        _ cells: [TableCell], _ category: String?, to rows: inout [(row: TableRow, category: String?)]
    ) {
        guard !cells.allSatisfy(\.isBlank) else { return }
        rows.append((TableRow(line: cells[0].line, cells: cells), category))
    }

    // MARK: Cell kinds

    private func number(_ cell: TableCell) -> Int? {
        let text = TableCellText.unpadded(cell.lines.joined())
        guard (1...4).contains(text.count), text.allSatisfy({ ChineseNumerals.asciiDigit($0) != nil }) else {
            return nil
        }
        return ChineseNumerals.value(of: text)
    }

    private func isNumberOrBlank(_ cell: TableCell?) -> Bool {
        guard let cell else { return true }
        return cell.isBlank || number(cell) != nil
    }

    /// `一、做大做强主导产业`, `（二）民生实事` → the heading without its ordinal.
    private func categoryHeading(_ cell: TableCell) -> String? {
        let text = TableCellText.joinedCompact(cell.lines)
        guard text.count <= 60, let numbered = NumberedLine.parse(text), !numbered.rest.isEmpty,
            numbered.style == .chinese || numbered.style == .parenthesisedChinese
        else { return nil }
        return numbered.rest
    }

    private func isListItem(_ cell: TableCell) -> Bool {
        let text = TableCellText.unpadded(cell.lines.joined())
        return !text.isEmpty && text.count <= 30 && !text.contains(where: LineText.isSentenceEnd)
            && DeadlineParser.due(text, year: 2000) == nil && number(cell) == nil
    }
}

extension TableBlock {
    /// A block whose rows may stand under category rows (`一、…` printed
    /// across the table): when the header has no section column, the
    /// category becomes one (a subsection when it has), so every row carries
    /// the heading it stands under.
    init(
        header: TableHeader, kind: TaskKind, headerLine: Int,
        categorisedRows rows: [(row: TableRow, category: String?)],
        mergesKnown: Bool = false
    ) {
        var header = header
        var tableRows = rows.map(\.row)
        let role: TableColumnRole? =
            !header.roles.contains(.section) ? .section : (!header.roles.contains(.subsection) ? .subsection : nil)
        if rows.contains(where: { $0.category != nil }), let role {
            header.roles.append(role)
            header.names.append("类别")
            for index in tableRows.indices {
                let category = rows[index].category
                // A short last row must not get the category in a data column.
                while tableRows[index].cells.count < header.columnCount - 1 {
                    tableRows[index].cells.append(TableCell(line: tableRows[index].line, lines: []))
                }
                tableRows[index].cells.append(
                    TableCell(line: tableRows[index].line, lines: category.map { [$0] } ?? []))
            }
        }
        self.init(header: header, kind: kind, headerLine: headerLine, rows: tableRows, mergesKnown: mergesKnown)
    }
}
