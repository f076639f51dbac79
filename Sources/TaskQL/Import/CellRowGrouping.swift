/// Groups a flattened table's cells into rows under its header (see
/// ``CellTableReader`` for the rules), with the category each row stands under.
struct CellRowGrouping {
    let header: TableHeader

    /// The 序号 column, when the table has one.
    private var numberColumn: Int? { header.column(of: .number) }
    private var numbered: Bool { numberColumn != nil }

    func rows(_ cells: [TableCell]) -> [(row: TableRow, category: String?)] {
        let counted = countedRows(cells)
        guard let column = numberColumn,
            !counted.allSatisfy({ isNumberOrBlank($0.row.cells.count > column ? $0.row.cells[column] : nil) })
        else { return counted }
        return numberedRows(cells, numberColumn: column)
    }

    /// Rows of `columnCount` cells; a heading cell where a row would start is a category.
    private func countedRows(_ cells: [TableCell]) -> [(row: TableRow, category: String?)] {
        var rows: [(row: TableRow, category: String?)] = []
        var category: String?
        var current: [TableCell] = []
        for cell in cells {
            if current.isEmpty, header.roles.first == .number, let heading = categoryHeading(cell) {
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

    /// One row as the numbered grouping collects it: the cells before its
    /// number (columns left of 序号, or a category), the number, the rest.
    private struct NumberedGroup {
        var before: [TableCell]
        var number: TableCell
        var body: [TableCell] = []
    }

    /// Rows that start at each next number (a gap of up to ten is a row the
    /// page left out). Cells a row has beyond its columns belong to the next
    /// row's leading columns (a merged 分类 printed once), to its list columns
    /// (one unit per cell), or are a category heading for the rows below.
    private func numberedRows(_ cells: [TableCell], numberColumn k: Int) -> [(row: TableRow, category: String?)] {
        var groups: [NumberedGroup] = []
        var leading: [TableCell] = []
        var last: Int?
        for cell in cells {
            if let value = number(cell), last == nil || (value > last! && value <= last! + 10) {
                groups.append(NumberedGroup(before: [], number: cell))
                last = value
            } else if groups.isEmpty {
                leading.append(cell)
            } else {
                groups[groups.count - 1].body.append(cell)
            }
        }
        let quota = header.columnCount - 1 - k
        var rows: [(row: TableRow, category: String?)] = []
        var category: String?
        var carried = leading
        for index in groups.indices {
            var group = groups[index]
            group.before = carried
            carried = []
            if group.body.count > quota {
                var surplus = Array(group.body[quota...])
                group.body = Array(group.body[..<quota])
                let isLast = index == groups.count - 1
                // Nearest the next number: that row's leading columns.
                if !isLast, k > 0 {
                    let take = min(k, surplus.count)
                    carried = Array(surplus.suffix(take))
                    surplus.removeLast(take)
                }
                // A heading-like cell just before the next number is a category.
                if !isLast, let lastCell = surplus.last, isCategoryCell(lastCell) {
                    carried.insert(contentsOf: [lastCell], at: 0)
                    surplus.removeLast()
                }
                // Page furniture after the table (`分享到:`) is no cell.
                if isLast { surplus = surplus.filter(isListItem) }
                group.body += surplus
            }
            var prefix = group.before
            if let heading = prefix.first.flatMap(categoryText), prefix.count > k {
                category = heading
                prefix.removeFirst()
            } else if k == 0, let heading = prefix.last.flatMap(categoryText) {
                category = heading
                prefix = []
            }
            let before =
                Array(repeating: TableCell(line: group.number.line, lines: []), count: max(0, k - prefix.count))
                + prefix.suffix(k)
            // This grouping runs because cell counts do not fit the header, so
            // a row's blank cells say nothing about where its cells stand.
            let printed = group.body.filter { !$0.isBlank }
            let body =
                printed.count < quota
                ? placed(printed, in: Array(header.roles[(k + 1)...]), line: group.number.line)
                : aligned(group.body, from: k + 1)
            append(before + [group.number] + body, category, to: &rows)
        }
        return rows
    }

    /// A category cell's text: a numbered heading, or a short title that
    /// names no unit and is no sentence (`经济社会发展主要预期目标分解(15项)`).
    private func categoryText(_ cell: TableCell) -> String? {
        if let heading = categoryHeading(cell) { return heading }
        return isCategoryCell(cell) ? TableCellText.joinedCompact(cell.lines) : nil
    }

    private func isCategoryCell(_ cell: TableCell) -> Bool {
        if categoryHeading(cell) != nil { return true }
        let text = TableCellText.unpadded(cell.lines.joined())
        return (4...40).contains(text.count) && !text.contains(where: LineText.isSentenceEnd)
            && !UnitList.looksLikeUnit(text) && number(cell) == nil && DeadlineParser.due(text, year: 2000) == nil
            && HeadingRules.isCategoryTitle(text)
    }

    /// A row's cells from `firstColumn` on, fitted to the header: surplus
    /// cells that read as list items (one unit or name per cell) join the
    /// list column before them.
    private func aligned(_ cells: [TableCell], from firstColumn: Int) -> [TableCell] {
        let roles = header.roles.dropFirst(firstColumn)
        var surplus = cells.count - roles.count
        guard surplus > 0 else { return cells }
        var result: [TableCell] = []
        var index = 0
        for role in roles where index < cells.count {
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

    /// A row short of cells (a merged cell the page did not print) placed
    /// in its columns by what each cell reads as: a person's name in the
    /// leaders column, units in a unit column, a deadline in the deadline
    /// column, prose in a text or extra column; order kept, the best fit over
    /// all placements, the columns left over blank.
    private func placed(_ cells: [TableCell], in roles: [TableColumnRole], line: Int) -> [TableCell] {
        let n = cells.count
        let m = roles.count
        // best[i][j]: the best score placing cells i… in columns j….
        var best = Array(repeating: Array(repeating: Int.min / 2, count: m + 1), count: n + 1)
        for j in 0...m { best[n][j] = 0 }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) where m - j >= n - i {
                let here = fit(cells[i], roles[j]) + best[i + 1][j + 1]
                best[i][j] = max(here, m - j > n - i ? best[i][j + 1] : Int.min / 2)
            }
        }
        var result = Array(repeating: TableCell(line: line, lines: []), count: m)
        var j = 0
        for i in 0..<n {
            while m - j > n - i, best[i][j + 1] > fit(cells[i], roles[j]) + best[i + 1][j + 1] { j += 1 }
            result[j] = cells[i]
            j += 1
        }
        return result
    }

    /// How well a cell's text suits a column role (higher is better).
    private func fit(_ cell: TableCell, _ role: TableColumnRole) -> Int {
        let text = TableCellText.unpadded(cell.lines.joined())
        let isName = (2...4).contains(text.count) && text.allSatisfy(LineText.isHan) && !UnitList.looksLikeUnit(text)
        let units = TableCellText.listItems(cell.lines)
        let isUnits = !units.isEmpty && units.allSatisfy(UnitList.looksLikeUnit)
        let isDeadline = DeadlineParser.due(text, year: 2000) != nil && text.count <= 16
        let isProse = text.count > 12 || text.contains(where: LineText.isSentenceEnd)
        switch role {
        case .leaders: return isName ? 3 : -2
        case .leadUnits, .coUnits: return isUnits ? 3 : -2
        case .deadline: return isDeadline ? 3 : -2
        case .text, .title: return isProse ? 2 : 0
        case .extra: return isName || isUnits ? -1 : 1
        case .section, .subsection, .number: return 0
        }
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
        return !text.isEmpty && text.count <= 30
            && !text.contains(where: { LineText.isSentenceEnd($0) || LineText.isColon($0) })
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
