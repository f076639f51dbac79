import Foundation

/// Reads tables flattened to pipe lines, as web pages and Markdown print them:
/// `| 序号 | 主要任务 | 牵头单位 | 协同单位 | 完成时限 |`.
///
/// Layout rules:
/// - A pipe line has cells between `|` or full-width `｜`; the outer bars are
///   optional. A line of dashes (`|---|:--:|`) is a separator and skipped.
/// - A table starts at a pipe line whose cells are all column names
///   (``TableHeader``, shared with ``CellTableReader``); every following pipe
///   line is one row until a line that is neither a pipe line nor blank.
/// - Inside a cell `<br>` breaks lines (one unit or name per line).
/// - Kind, merged cells, numbering and warnings follow the same rules as the
///   cell-per-line reader (``TableRowAssembler``, ``TableMergePolicy``).
package struct PipeTableReader: LayoutReader {
    package init() {}

    /// `pipe-table`.
    package var name: String { "pipe-table" }

    /// 70 plus 3 per complete row under a recognised pipe header (max 100);
    /// 0 without one.
    package func confidence(_ document: DocumentLines) -> Int {
        let blocks = tables(in: document)
        let complete = blocks.reduce(0) { sum, block in
            sum + block.rows.filter { $0.cells.count >= block.header.columnCount }.count
        }
        guard complete > 0 else { return 0 }
        return min(100, 70 + 3 * complete)
    }

    /// The table rows as tasks, in document order.
    package func read(_ document: DocumentLines, notes: inout ReaderNotes) throws -> [RawTask] {
        let ownersStated = document.lines.prefix(80).contains(where: HeadingRules.saysEveryTaskHasOwner)
        return TableRowAssembler(file: document.file, ownersStated: ownersStated)
            .assemble(tables(in: document), notes: &notes)
    }

    /// The document's pipe tables.
    func tables(in document: DocumentLines) -> [TableBlock] {
        var blocks: [TableBlock] = []
        var current: TableBlock?
        var caption: [String] = []
        for (offset, line) in document.lines.enumerated() {
            let number = offset + 1
            guard let cells = Self.pipeCells(line, lineNumber: number) else {
                if !TableCellText.unpadded(line).isEmpty {
                    if let block = current { blocks.append(block) }
                    current = nil
                    caption.append(line)
                }
                continue
            }
            if Self.isSeparator(cells) { continue }
            if let header = TableHeader.recognise(cells.map { $0.lines.joined() }, tolerant: true) {
                if let block = current { blocks.append(block) }
                let kind =
                    TableCaption.kind(inCaptionLines: caption) ?? blocks.last?.kind
                    ?? TableCaption.kind(inCaptionLines: header.names) ?? .key
                current = TableBlock(header: header.adapted(to: kind), kind: kind, headerLine: number, rows: [])
                current?.captionSection = TableCaption.section(inCaptionLines: caption)
                caption = []
            } else if current != nil {
                let width = current!.header.columnCount
                current!.rows.append(TableRow(line: number, cells: Array(cells.prefix(width))))
            }
        }
        if let block = current { blocks.append(block) }
        return blocks
    }

    /// The cells of a pipe line, or nil when the line is not one (fewer than
    /// two bars).
    static func pipeCells(_ line: String, lineNumber: Int) -> [TableCell]? {
        let text = TableCellText.trimmed(line.replacingOccurrences(of: "｜", with: "|"))
        guard text.filter({ $0 == "|" }).count >= 2 else { return nil }
        var parts = text.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        if text.hasPrefix("|") { parts.removeFirst() }
        if text.hasSuffix("|"), !parts.isEmpty { parts.removeLast() }
        return parts.map { TableCell(line: lineNumber, lines: splitBreaks($0)) }
    }

    private static func splitBreaks(_ cell: String) -> [String] {
        var text = cell
        for tag in ["<br/>", "<br />", "<BR>"] { text = text.replacingOccurrences(of: tag, with: "<br>") }
        return text.components(separatedBy: "<br>")
    }

    private static func isSeparator(_ cells: [TableCell]) -> Bool {
        cells.allSatisfy { cell in
            let text = TableCellText.unpadded(cell.lines.joined())
            return !text.isEmpty && text.allSatisfy { $0 == "-" || $0 == ":" || $0 == "—" }
        }
    }
}
