/// Finds the task tables of a ``StructuredDocument`` and turns each into a
/// ``TableBlock`` for ``TableRowAssembler``, the rules every table layout shares.
///
/// Rules:
/// - A table's header is the first of its first six rows whose cells name
///   column roles (``TableHeader``, tolerant of columns it does not know), or
///   two rows read together where a spanned name (`责任单位`) stands over
///   its parts (`牵头`, `配合`).
/// - A row that repeats the header (Word repeats it after a page break) is
///   skipped; a row that one cell spans from edge to edge (`一、创新驱动`,
///   `（二）民生实事`) is a category: the section of the rows below it.
/// - A table without a header right after a task table of the same width
///   continues it (a table split at a page break).
/// - Merged cells come from the grid: a spanned cell's text stands in every
///   row and column it covers; a blank cell is blank (`mergesKnown`).
/// - The kind comes from the paragraphs just before the table (its caption).
enum GridTableRules {
    /// The task tables, and the indices of the blocks they came from.
    static func taskTables(_ document: StructuredDocument) -> (tables: [TableBlock], blockIndices: Set<Int>) {
        var tables: [TableBlock] = []
        var indices: Set<Int> = []
        var caption: [String] = []
        var previous: (index: Int, header: TableHeader, width: Int, category: String?)?
        for (index, block) in document.blocks.enumerated() {
            switch block {
            case .paragraph(let paragraph):
                if !TableCellText.unpadded(paragraph.text).isEmpty {
                    caption.append(paragraph.text)
                    previous = nil
                }
            case .table(let grid):
                let matrix = grid.matrix()
                let width = grid.width
                let kind =
                    TableCaption.kind(inCaptionLines: caption) ?? tables.last?.kind
                let found: (header: TableHeader, start: Int)?
                if let header = header(of: matrix) {
                    found = header
                } else if let previous, previous.width == width, previous.index == index - 1 {
                    found = (previous.header, 0)
                } else {
                    found = nil
                }
                let captionSection = TableCaption.section(inCaptionLines: caption)
                caption = []
                guard let (header, start) = found else {
                    previous = nil
                    continue
                }
                let tableKind = kind ?? TableCaption.kind(inCaptionLines: header.names) ?? .key
                let continuedCategory = previous?.category
                var block = rows(
                    of: matrix, from: start, header: header, kind: tableKind, category: continuedCategory)
                block.block.header = block.block.header.adapted(to: tableKind)
                block.block.captionSection = captionSection ?? (start == 0 ? tables.last?.captionSection : nil)
                tables.append(block.block)
                indices.insert(index)
                previous = (index, header, width, block.lastCategory)
            }
        }
        return (tables, indices)
    }

    // MARK: Header

    /// The header and the index of the first row below it.
    static func header(of matrix: [[TableCell]]) -> (header: TableHeader, start: Int)? {
        for row in 0..<min(6, matrix.count) {
            let names = matrix[row].map { $0.lines.joined() }
            if let header = TableHeader.recognise(names, tolerant: true) { return (header, row + 1) }
            guard row + 1 < matrix.count else { continue }
            let combined = zip(matrix[row], matrix[row + 1]).map { upper, lower in
                combinedName(upper: upper.lines.joined(), lower: lower.lines.joined())
            }
            if let header = TableHeader.recognise(combined, tolerant: true) { return (header, row + 2) }
        }
        return nil
    }

    /// A column's name from two header rows: the lower name under a spanned
    /// upper one (`牵头` under `责任单位` → `牵头责任单位`), the upper name
    /// when it spans both rows.
    private static func combinedName(upper: String, lower: String) -> String {
        let top = TableCellText.headerKey(upper)
        let bottom = TableCellText.headerKey(lower)
        if bottom.isEmpty || bottom == top { return top }
        if top.isEmpty || TableHeader.role(forHeaderName: bottom) != nil { return bottom }
        return bottom + top
    }

    // MARK: Rows

    private static func rows(
        of matrix: [[TableCell]], from start: Int, header: TableHeader, kind: TaskKind, category: String?
    ) -> (block: TableBlock, lastCategory: String?) {
        let headerKeys = header.names
        var category = category
        var rows: [(row: TableRow, category: String?)] = []
        for cells in matrix[start...] {
            let keys = cells.map { TableCellText.headerKey($0.lines.joined()) }
            if keys == headerKeys { continue }
            let texts = Set(keys.filter { !$0.isEmpty })
            if texts.isEmpty { continue }
            if cells.count > 1, texts.count == 1, keys.allSatisfy({ !$0.isEmpty }) {
                category = TableCellText.joinedCompact(cells[0].lines)
                continue
            }
            rows.append((TableRow(line: cells.first?.line ?? 0, cells: cells), category))
        }
        let block = TableBlock(
            header: header, kind: kind, headerLine: matrix[max(0, start - 1)].first?.line ?? 0,
            categorisedRows: rows, mergesKnown: true)
        return (block, category)
    }
}
