/// Reads Word tables flattened to one cell per line (Haimen, Taicang).
///
/// Layout rules:
/// - A cell starts with a tab; the lines after it up to the next tab line are
///   its continuation lines (a name list, a heading broken over lines, a
///   vertical heading `综`/`合`/`指`/`标`).
/// - A table starts at a header: a run of cells whose texts are column names
///   (see ``TableHeader``), also when padded or broken over lines, and also
///   when repeated after a page break. Rows are the following cells taken
///   `columnCount` at a time, up to the next header.
/// - Text after a blank line at the end of the cell just before a header is
///   the next table's caption (`附件2` / `…为民办实事项目任务分解表`), not part
///   of that cell; the caption decides the table's kind (``TableCaption``).
/// - Blank cells are vertically merged cells; which of them inherit the value
///   above is decided by ``TableMergePolicy`` from the document's own
///   page-break evidence (see `Docs/MergedCells.md`).
/// - A last row with fewer cells than the header is kept, with a warning.
public struct CellTableReader: LayoutReader {
    public init() {}

    /// `cell-table`.
    public var name: String { "cell-table" }

    /// 70 plus 3 per complete row found under a recognised header (max 100);
    /// 0 when the document has no such header.
    public func confidence(_ document: DocumentLines) -> Int {
        let blocks = tables(in: document)
        let complete = blocks.reduce(0) { sum, block in
            sum + block.rows.filter { $0.cells.count == block.header.columnCount }.count
        }
        guard !blocks.isEmpty, complete > 0 else { return 0 }
        return min(100, 70 + 3 * complete)
    }

    /// The table rows as tasks, in document order.
    public func read(_ document: DocumentLines, notes: inout ReaderNotes) throws -> [RawTask] {
        TableRowAssembler(file: document.file).assemble(tables(in: document), notes: &notes)
    }

    // MARK: Cells and tables

    /// The document's tables: headers found in the cell stream, rows grouped.
    func tables(in document: DocumentLines) -> [TableBlock] {
        var scan = CellStream(document)
        let found = headers(in: scan.cells)
        // Captions are cut from the cells first, so the last cell of a table
        // does not keep the next table's caption.
        let captions = found.map { scan.takeCaption(before: $0.start) }
        var blocks: [TableBlock] = []
        for (position, (start, end, header)) in found.enumerated() {
            let kind =
                TableCaption.kind(inCaptionLines: captions[position]) ?? blocks.last?.kind
                ?? TableCaption.kind(inCaptionLines: header.names) ?? .key
            let next = position + 1 < found.count ? found[position + 1].start : scan.cells.count
            let rows = groupRows(Array(scan.cells[end..<next]), columns: header.columnCount)
            blocks.append(
                TableBlock(
                    header: header.adapted(to: kind), kind: kind, headerLine: scan.cells[start].line, rows: rows))
        }
        return blocks
    }

    /// Every header in the cell stream: where it starts, where its rows start.
    private func headers(in cells: [TableCell]) -> [(start: Int, end: Int, header: TableHeader)] {
        var found: [(start: Int, end: Int, header: TableHeader)] = []
        var index = 0
        while index < cells.count {
            if let (header, end) = header(at: index, in: cells) {
                found.append((index, end, header))
                index = end
            } else {
                index += 1
            }
        }
        return found
    }

    /// The header starting at this cell and the index after it, if any.
    private func header(at start: Int, in cells: [TableCell]) -> (TableHeader, Int)? {
        var end = start
        while end < cells.count, TableHeader.isHeaderName(cells[end].lines.joined()) { end += 1 }
        guard end - start >= 3 else { return nil }
        guard let header = TableHeader.recognise(cells[start..<end].map { $0.lines.joined() }) else { return nil }
        return (header, end)
    }

    private func groupRows(_ cells: [TableCell], columns: Int) -> [TableRow] {
        stride(from: 0, to: cells.count, by: columns).compactMap { start in
            let rowCells = Array(cells[start..<min(start + columns, cells.count)])
            guard !rowCells.allSatisfy(\.isBlank) else { return nil }
            return TableRow(line: rowCells[0].line, cells: rowCells)
        }
    }
}

/// A document as a stream of tab-started cells, plus the loose lines before
/// the first cell.
private struct CellStream {
    var cells: [TableCell] = []
    var leadingLines: [String] = []

    init(_ document: DocumentLines) {
        for (offset, line) in document.lines.enumerated() {
            if line.hasPrefix("\t") {
                cells.append(TableCell(line: offset + 1, lines: [String(line.dropFirst())]))
            } else if cells.isEmpty {
                leadingLines.append(line)
            } else {
                cells[cells.count - 1].lines.append(line)
            }
        }
    }

    /// Removes and returns the caption lines printed before the cell at
    /// `index`: the loose lines before the first cell, or the lines after the
    /// first blank line of the cell just before.
    mutating func takeCaption(before index: Int) -> [String] {
        guard index > 0 else { return leadingLines }
        let previous = cells[index - 1].lines
        guard let firstText = previous.firstIndex(where: { !TableCellText.unpadded($0).isEmpty }),
            let blank = previous[firstText...].firstIndex(where: { TableCellText.unpadded($0).isEmpty })
        else { return [] }
        cells[index - 1].lines = Array(previous[..<blank])
        return Array(previous[blank...])
    }
}
