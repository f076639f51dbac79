/// A document as its structured front-ends (.docx, .html) see it: paragraphs
/// and tables in document order, where a table is a grid of cells with
/// explicit row and column spans. One set of rules (``GridTableRules``, then
/// the line readers for the paragraphs) turns it into tasks.
///
/// Positions are *block numbers*: the n-th paragraph or table row of the
/// document is line n, as in the lines ``renderedLines`` gives the
/// paragraph readers, so `source` and warnings point at the same place.
struct StructuredDocument: Sendable {
    /// File name as the user gave it.
    var file: String
    /// `docx` or `html`, for the report.
    var frontEnd: String
    var blocks: [DocumentBlock]

    /// A document of these blocks, numbered in order: each paragraph line
    /// and each table row gets the next block number (the front-ends leave
    /// positions at 0; a nested table is a block of its own after its table).
    init(file: String, frontEnd: String, blocks: [DocumentBlock]) {
        self.file = file
        self.frontEnd = frontEnd
        var next = 1
        self.blocks = blocks.map { block in
            switch block {
            case .paragraph(var paragraph):
                paragraph.line = next
                next += 1
                return .paragraph(paragraph)
            case .table(var table):
                table.rowLines = []
                for r in table.rows.indices {
                    for c in table.rows[r].indices { table.rows[r][c].line = next }
                    table.rowLines.append(next)
                    next += 1
                }
                return .table(table)
            }
        }
    }

    /// The document as lines: one per paragraph line and one per table row
    /// (cells joined by a tab). Line `n` is block position `n`.
    var renderedLines: DocumentLines {
        var lines: [String] = []
        for block in blocks {
            switch block {
            case .paragraph(let paragraph):
                pad(&lines, to: paragraph.line)
                lines.append(paragraph.text)
            case .table(let table):
                for row in table.rows {
                    guard let first = row.first else { continue }
                    pad(&lines, to: first.line)
                    lines.append(row.map { $0.lines.joined(separator: " ") }.joined(separator: "\t"))
                }
            }
        }
        return DocumentLines(file: file, lines: lines)
    }

    /// The paragraphs only (tables left out), for the paragraph readers when
    /// no table holds tasks; a non-task table's cells become paragraphs.
    func paragraphLines(excluding taskTables: Set<Int>) -> DocumentLines {
        var lines: [String] = []
        for (index, block) in blocks.enumerated() {
            switch block {
            case .paragraph(let paragraph):
                pad(&lines, to: paragraph.line)
                lines.append(paragraph.text)
            case .table(let table) where !taskTables.contains(index):
                for row in table.rows {
                    for cell in row {
                        for text in cell.lines where !TableCellText.unpadded(text).isEmpty {
                            pad(&lines, to: cell.line)
                            lines.append(text)
                        }
                    }
                }
            case .table:
                continue
            }
        }
        return DocumentLines(file: file, lines: lines)
    }

    /// Blank lines up to `line` (1-based), so that a block lands on its own number.
    private func pad(_ lines: inout [String], to line: Int) {
        while lines.count + 1 < line { lines.append("") }
    }
}

/// A paragraph or a table.
enum DocumentBlock: Sendable {
    case paragraph(DocumentParagraph)
    case table(GridTable)
}

/// One line of paragraph text (a `<br>` or Word line break starts another).
struct DocumentParagraph: Sendable, Equatable {
    var line: Int
    var text: String
}

/// A table as a grid: rows of cells as the document defines them, each cell
/// once, at its top-left position, with its spans.
struct GridTable: Sendable, Equatable {
    var rows: [[GridCell]]
    /// Block number of each row, set when the document is numbered. A row
    /// needs its own: it may have no cell of its own (`<tr></tr>`, or every
    /// position covered by a span from above).
    var rowLines: [Int] = []

    /// The grid's width: one past the last column a cell starts in. A span
    /// reaching further (`colspan="99999"` on a category row) covers no
    /// column of its own.
    var width: Int { rows.flatMap { $0.map { $0.column + 1 } }.max() ?? 0 }

    /// Every grid position filled with the cell that covers it: a cell merged
    /// over rows or columns appears at each position it covers, with the text
    /// it prints once. Positions no cell covers are blank. Every position's
    /// `line` is its own row's block number, so a row whose first cells are
    /// merged from above still points at itself.
    func matrix() -> [[TableCell]] {
        let width = self.width
        var matrix: [[TableCell?]] = rows.map { row in Array(repeating: nil, count: width) }
        for (rowIndex, row) in rows.enumerated() {
            for cell in row {
                let lastRow = min(rows.count, rowIndex + cell.rowSpan)
                let lastColumn = min(width, cell.column + cell.columnSpan)
                for r in rowIndex..<lastRow {
                    for c in cell.column..<lastColumn where matrix[r][c] == nil {
                        matrix[r][c] = TableCell(line: line(ofRow: r), lines: cell.lines)
                    }
                }
            }
        }
        return matrix.enumerated().map { rowIndex, row in
            let line = line(ofRow: rowIndex)
            return row.map { $0 ?? TableCell(line: line, lines: []) }
        }
    }

    /// A row's block number; before numbering (a table built by hand in a
    /// test), its first cell's, or 1.
    func line(ofRow index: Int) -> Int {
        if rowLines.indices.contains(index) { return rowLines[index] }
        return max(1, rows[index].first?.line ?? 1)
    }
}

/// One cell of a ``GridTable``.
struct GridCell: Sendable, Equatable {
    /// Block number of the row the cell starts in.
    var line: Int
    /// The cell's printed lines (paragraphs and line breaks).
    var lines: [String]
    /// Grid column where the cell starts (0-based).
    var column: Int
    var rowSpan: Int = 1
    var columnSpan: Int = 1
}
