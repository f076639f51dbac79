/// Reads tables flattened to one cell after another (Haimen, Taicang, and the
/// way web pages and WPS copy tables out).
///
/// Layout rules:
/// - Cells are found by one of the flattenings (``CellFlattening``): a cell
///   starts with a tab and runs to the next tab line (Word's text export);
///   cells are separated by blank lines; or each cell ends with a `|` (on its
///   own line, or after the cell's last line). The flattening that yields the
///   most complete rows wins.
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
/// - A cell that stands where a row would start and reads as a heading
///   (`一、做大做强主导产业`, `（二）…`) is a category row: the section of
///   the rows below it.
/// - When the first column is 序号 and the rows taken `columnCount` at a
///   time do not start with numbers (a flattening that prints a list cell's
///   items as cells of their own, or drops merged cells), rows start at each
///   next number instead, and a row's surplus cells join its list columns.
/// - A last row with fewer cells than the header is kept, with a warning.
package struct CellTableReader: LayoutReader {
    package init() {}

    /// `cell-table`.
    package var name: String { "cell-table" }

    /// 70 plus 3 per complete row found under a recognised header (max 100);
    /// 0 when the document has no such header.
    package func confidence(_ document: DocumentLines) -> Int {
        let complete = Self.completeRows(tables(in: document))
        guard complete > 0 else { return 0 }
        return min(100, 70 + 3 * complete)
    }

    /// The table rows as tasks, in document order.
    package func read(_ document: DocumentLines, notes: inout ReaderNotes) throws -> [RawTask] {
        let ownersStated = document.lines.prefix(80).contains(where: HeadingRules.saysEveryTaskHasOwner)
        return TableRowAssembler(file: document.file, ownersStated: ownersStated)
            .assemble(tables(in: document), notes: &notes)
    }

    private static func completeRows(_ blocks: [TableBlock]) -> Int {
        blocks.reduce(0) { sum, block in sum + block.rows.filter { $0.cells.count == block.header.columnCount }.count }
    }

    // MARK: Cells and tables

    /// The document's tables under the flattening that finds the most
    /// complete rows (the first on a tie, so Word's tab export wins).
    func tables(in document: DocumentLines) -> [TableBlock] {
        Self.lastTables.value(for: document, bestTables)
    }

    private static let lastTables = LastResultCache<[TableBlock]>()

    private func bestTables(_ document: DocumentLines) -> [TableBlock] {
        var best: [TableBlock] = []
        var bestRows = 0
        for flattening in CellFlattening.allCases {
            let blocks = tables(in: document, flattening: flattening)
            let rows = Self.completeRows(blocks)
            if rows > bestRows {
                best = blocks
                bestRows = rows
            }
        }
        return best
    }

    /// The tables one flattening finds: headers in the cell stream, rows grouped.
    func tables(in document: DocumentLines, flattening: CellFlattening) -> [TableBlock] {
        var scan = CellStream(document, flattening: flattening)
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
            let rows = CellRowGrouping(header: header).rows(Array(scan.cells[end..<next]))
            var block = TableBlock(
                header: header.adapted(to: kind), kind: kind, headerLine: scan.cells[start].line,
                categorisedRows: rows)
            block.captionSection = TableCaption.section(inCaptionLines: captions[position])
            blocks.append(block)
        }
        return blocks
    }

    /// Every header in the cell stream: where it starts, where its rows start.
    private func headers(in cells: [TableCell]) -> [(start: Int, end: Int, header: TableHeader)] {
        // Each cell is judged once: every header scan below reads these.
        let names = cells.map { $0.lines.joined() }
        // Units, leaders and deadlines repeat cell after cell: judge each text once.
        var memo: [String: Bool] = [:]
        let known = names.map { name in
            if let seen = memo[name] { return seen }
            let isName = TableHeader.isHeaderName(name)
            memo[name] = isName
            return isName
        }
        var found: [(start: Int, end: Int, header: TableHeader)] = []
        var index = 0
        while index < cells.count {
            if known[index], let (header, end) = header(at: index, names: names, known: known) {
                found.append((index, end, header))
                index = end
            } else {
                index += 1
            }
        }
        return found
    }

    /// The header starting at this cell and the index after it, if any.
    /// A header starts with a known column name and runs over known names;
    /// a name it does not know (`服务对象`) belongs to it when a known name
    /// follows within two cells, and becomes an extra column.
    private func header(at start: Int, names: [String], known: [Bool]) -> (TableHeader, Int)? {
        var end = start
        var knownCount = 0
        while end < names.count {
            if known[end] {
                knownCount += 1
            } else if !(TableHeader.isPlausibleColumnName(TableCellText.headerKey(names[end]))
                && known[(end + 1)..<min(names.count, end + 3)].contains(true))
            {
                break
            }
            end += 1
        }
        guard knownCount >= 3 else { return nil }
        guard let header = TableHeader.recognise(Array(names[start..<end]), tolerant: knownCount < end - start) else {
            return nil
        }
        return (header, end)
    }
}

/// How a flattened table prints its cells.
enum CellFlattening: CaseIterable, Sendable {
    /// A cell starts with a tab; the lines up to the next tab line continue it.
    case tabStarted
    /// Cells are separated by blank lines; a cell's lines are consecutive.
    case blankSeparated
    /// A cell ends with a `|` (`cell |`), or a lone `|` line ends it.
    case barTerminated
}

/// A document as a stream of cells, plus the loose lines before the first cell.
private struct CellStream {
    var cells: [TableCell] = []
    var leadingLines: [String] = []
    let flattening: CellFlattening

    init(_ document: DocumentLines, flattening: CellFlattening) {
        self.flattening = flattening
        switch flattening {
        case .tabStarted: readTabStarted(document)
        case .blankSeparated: readBlankSeparated(document)
        case .barTerminated: readBarTerminated(document)
        }
    }

    private mutating func readTabStarted(_ document: DocumentLines) {
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

    private mutating func readBlankSeparated(_ document: DocumentLines) {
        var current: TableCell?
        for (offset, line) in document.lines.enumerated() {
            if TableCellText.unpadded(line).isEmpty {
                if let cell = current { cells.append(cell) }
                current = nil
            } else if current == nil {
                current = TableCell(line: offset + 1, lines: [line])
            } else {
                current!.lines.append(line)
            }
        }
        if let cell = current { cells.append(cell) }
    }

    /// `序号 |` … `1 |` …: the bar closes the cell; text lines without a bar
    /// belong to the cell the next bar closes. A line of bars alone (`||`)
    /// closes one empty cell per bar after the first. Lines with two bars
    /// inside are pipe rows, read by ``PipeTableReader``, not here.
    private mutating func readBarTerminated(_ document: DocumentLines) {
        var pending: TableCell?
        for (offset, raw) in document.lines.enumerated() {
            let line = TableCellText.trimmed(raw.replacingOccurrences(of: "｜", with: "|"))
            let bars = line.filter { $0 == "|" }.count
            if line.hasSuffix("|") && line.dropLast().allSatisfy({ $0 == "|" || TableCellText.isPadding($0) }) {
                // `|` or `||`: closes the pending cell (or an empty one), then empty cells.
                let pendingCell = pending ?? TableCell(line: offset + 1, lines: [])
                cells.append(pendingCell)
                pending = nil
                for _ in 1..<max(1, bars) { cells.append(TableCell(line: offset + 1, lines: [])) }
            } else if line.hasSuffix("|") && bars == 1 {
                var cell = pending ?? TableCell(line: offset + 1, lines: [])
                cell.lines.append(String(line.dropLast()))
                cells.append(cell)
                pending = nil
            } else if bars == 0 && !line.isEmpty {
                if cells.isEmpty && pending == nil && !Self.isLoneBar(document, offset + 1) {
                    leadingLines.append(raw)
                } else if pending == nil {
                    pending = TableCell(line: offset + 1, lines: [line])
                } else {
                    pending!.lines.append(line)
                }
            }
        }
        // The text ends inside a cell (an excerpt cut short, a last bar lost):
        // the cell is kept, not dropped with what it says.
        if let pending, !cells.isEmpty { cells.append(pending) }
    }

    /// Whether line `offset` is a lone `|` (the alternating form: a cell's
    /// text, then a `|` line), so the text before it is a cell, not a caption.
    private static func isLoneBar(_ document: DocumentLines, _ offset: Int) -> Bool {
        offset < document.lines.count && ["|", "｜"].contains(TableCellText.unpadded(document.lines[offset]))
    }

    /// Removes and returns the caption lines printed before the cell at
    /// `index`: the loose lines before the first cell, or the lines after the
    /// first blank line of the cell just before.
    mutating func takeCaption(before index: Int) -> [String] {
        guard index > 0 else { return leadingLines }
        guard flattening == .tabStarted else {
            // The cells just before the header (a title, a note) are its caption.
            return cells[max(0, index - 3)..<index].flatMap(\.lines)
        }
        let previous = cells[index - 1].lines
        guard let firstText = previous.firstIndex(where: { !TableCellText.unpadded($0).isEmpty }),
            let blank = previous[firstText...].firstIndex(where: { TableCellText.unpadded($0).isEmpty })
        else { return [] }
        cells[index - 1].lines = Array(previous[..<blank])
        return Array(previous[blank...])
    }
}
