/// Turns the tables of one document into ``RawTask``s: cleans cells by column
/// role, inherits merged cells by ``TableMergePolicy``, assigns kinds and
/// numbers, and notes inherited cells and truncated rows.
///
/// Numbers: a table with a 序号 column keeps the number as printed; rows of a
/// table without one are numbered 1, 2, … per kind in document order (the
/// indicator rows of a 综合指标 section count apart from key tasks).
struct TableRowAssembler: Sendable {
    var file: String
    /// Whether the document says every task has an owner (`由市政府分管领导牵头负责`):
    /// then a merged owner cell may run across a category boundary.
    var ownersStated = false

    func assemble(_ blocks: [TableBlock], notes: inout ReaderNotes) -> [RawTask] {
        let names = learnNames(blocks)
        let titles = TableSectionTitles(headings: sectionTexts(blocks))
        var tables = blocks.map { block in
            block.rows.map { TableRowValues(row: $0, header: block.header, names: names, titles: titles) }
        }
        let units = TableUnitNames(rows: tables)
        tables = tables.map { $0.map(units.splitting) }
        let policy = TableMergePolicy(tables: tables, ownersStated: ownersStated)
        // A grid table's merges are known (Word's vMerge, HTML's rowspan):
        // its blank cells are blank, nothing is guessed.
        for index in tables.indices where !blocks[index].mergesKnown {
            tables[index] = inheritMergedCells(tables[index], policy: policy, notes: &notes)
        }
        var counters: [TaskKind: Int] = [:]
        var tasks: [RawTask] = []
        for (block, rows) in zip(blocks, tables) {
            for row in rows {
                if row.cellCount < block.header.columnCount { warnTruncated(row, block, &notes) }
                guard let task = makeTask(row, block: block, counters: &counters) else { continue }
                tasks.append(task)
            }
        }
        return tasks
    }

    private func learnNames(_ blocks: [TableBlock]) -> PersonNames {
        var names = PersonNames()
        for block in blocks {
            guard let column = block.header.column(of: .leaders) else { continue }
            names.learn(from: block.rows.compactMap { $0.cell(column) })
        }
        return names
    }

    private func sectionTexts(_ blocks: [TableBlock]) -> [String] {
        blocks.flatMap { block -> [String] in
            guard let column = block.header.column(of: .section) else { return [] }
            return block.rows.compactMap { $0.cell(column) }.map { TableCellText.joinedCompact($0.lines) }
        }
    }

    // MARK: Merged cells

    private func inheritMergedCells(
        _ rows: [TableRowValues], policy: TableMergePolicy, notes: inout ReaderNotes
    ) -> [TableRowValues] {
        var rows = rows
        let breaks = TableMergePolicy.pageBreakRows(rows)
        let order: [TableColumnRole] = [.section, .subsection, .leaders, .leadUnits, .coUnits, .deadline, .title]
        for role in order where policy.inherits(role) {
            let filled = fill(role, in: &rows, pageBreaks: breaks, policy: policy)
            if filled > 0 { notes.inheritedCells[role.fieldName, default: 0] += filled }
        }
        return rows
    }

    /// Fills blank runs of one role from the value above; returns how many
    /// cells were filled.
    private func fill(
        _ role: TableColumnRole, in rows: inout [TableRowValues], pageBreaks: Set<Int>, policy: TableMergePolicy
    ) -> Int {
        var filled = 0
        var carried: [String] = []
        var run: [Int] = []
        var contradicted = false
        func closeRun() {
            if !contradicted, !carried.isEmpty {
                for index in run { rows[index][role] = carried }
                filled += run.count
            }
            run = []
            contradicted = false
        }
        for index in rows.indices {
            if role != .section, index > 0, rows[index][.section] != rows[index - 1][.section],
                !policy.crossesCategories(role)
            {
                closeRun()
                carried = []
            }
            if !rows[index][role].isEmpty {
                closeRun()
                carried = rows[index][role]
            } else if !carried.isEmpty {
                run.append(index)
                let grouping = role == .section || role == .subsection
                if pageBreaks.contains(index), !grouping { contradicted = true }
            }
        }
        closeRun()
        return filled
    }

    // MARK: Tasks

    private func makeTask(_ row: TableRowValues, block: TableBlock, counters: inout [TaskKind: Int]) -> RawTask? {
        // A row is a task when it prints a text or a project name (a
        // truncated last row may stop before its text).
        guard row.text(.text) != nil || row.text(.title) != nil else { return nil }
        let text = row.text(.text) ?? ""
        let section = row.text(.section) ?? block.captionSection
        let kind = section.map(TableCaption.isIndicatorSection) == true ? TaskKind.indicator : block.kind
        counters[kind, default: 0] += 1
        let number = block.header.column(of: .number) == nil ? String(counters[kind]!) : row.text(.number) ?? ""
        // A category row that names an owner (`（二）张三副市长牵头重点工作`,
        // `一、市发展改革委牵头工作`) gives it to the rows that name none.
        let headings = [row.text(.subsection), section].compactMap { $0 }
        let leaders =
            row[.leaders].isEmpty
            ? headings.lazy.map(HeadingRules.leaders(in:)).first { !$0.isEmpty } ?? [] : row[.leaders]
        let leadUnits =
            row[.leadUnits].isEmpty
            ? headings.lazy.filter(HeadingRules.isGroupHeading).map(HeadingRules.leadUnits(in:)).first { !$0.isEmpty }
                ?? [] : row[.leadUnits]
        return RawTask(
            kind: kind, section: section, subsection: row.text(.subsection), number: number,
            title: row.text(.title), text: text, leaders: leaders, leadUnits: leadUnits,
            coUnits: row[.coUnits], deadline: row.text(.deadline), line: row.line, extras: row.extras)
    }

    private func warnTruncated(_ row: TableRowValues, _ block: TableBlock, _ notes: inout ReaderNotes) {
        let message =
            "table row has \(row.cellCount) of \(block.header.columnCount) cells; "
            + "the document seems truncated, kept what is there"
        notes.warnings.append(ImportWarning(file: file, line: row.line, message: message))
    }
}
