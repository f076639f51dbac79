/// One table cell as printed: its first line number and its printed lines
/// (a cell-per-line cell spans several lines; a pipe cell has `<br>` breaks).
struct TableCell: Sendable, Equatable {
    var line: Int
    var lines: [String]

    /// Whether the cell prints nothing but padding (a vertically merged cell).
    var isBlank: Bool { lines.allSatisfy { TableCellText.unpadded($0).isEmpty } }
}

/// One table row: `cells.count` may be short of the header's column count
/// when the document is truncated.
struct TableRow: Sendable, Equatable {
    var line: Int
    var cells: [TableCell]

    func cell(_ column: Int?) -> TableCell? {
        guard let column, column < cells.count else { return nil }
        return cells[column]
    }
}

/// A table as found in a document: its header, the kind its caption gives,
/// and its rows. A header repeated after a page break starts a new block.
struct TableBlock: Sendable, Equatable {
    var header: TableHeader
    var kind: TaskKind
    var headerLine: Int
    var rows: [TableRow]
    /// Whether the document states its merged cells (a .docx or .html grid),
    /// so blank cells are blank and ``TableMergePolicy`` is not asked.
    var mergesKnown = false
    /// The section a numbered caption gives the rows (`一、10件民生实事任务分解表`),
    /// for rows whose table has no section of its own.
    var captionSection: String?
}
