/// Reads tables printed as space-aligned columns, as `pdftotext -layout`
/// prints a PDF's table and as some pages are typed:
///
/// ```
/// 序号   主要任务                 牵头单位     完成时限
/// 1      深入实施创新驱动战略，   市科技局     2024年12
///        加快建设江城科学城。                  月底前
/// ```
///
/// Rules:
/// - A header is a line whose pieces, separated by two or more spaces, name
///   column roles (``TableHeader``, tolerant of unknown columns).
/// - Below it, a row starts at a line whose first piece stands at the left
///   edge (a 序号 when the table has one); indented lines continue the row's
///   cells (a wrapped cell).
/// - Column positions are learnt from the rows, not the header (a header is
///   often centred over its column): the positions the rows' pieces start
///   at, grouped (``columnStarts(_:columns:)``). Each piece goes to the last
///   column starting at or before it.
/// - A repeated header (a page break) is skipped; the table ends at two blank
///   lines or a line with no two-space gap that is not indented.
/// - Kind, merged cells and numbering as for every table (``TableRowAssembler``).
package struct SpacedColumnsReader: LayoutReader {
    package init() {}

    /// `space-columns`.
    package var name: String { "space-columns" }

    /// 70 plus 3 per row with a task and a responsibility cell (max 100);
    /// 0 without a spaced header.
    package func confidence(_ document: DocumentLines) -> Int {
        let complete = tables(in: document).reduce(0) { sum, block in
            let text = block.header.roles.indices.filter { block.header.roles[$0] == .text }
            let owners = block.header.roles.indices.filter {
                [.leaders, .leadUnits, .coUnits].contains(block.header.roles[$0])
            }
            return sum
                + block.rows.filter { row in
                    text.contains { row.cell($0)?.isBlank == false }
                        && owners.contains { row.cell($0)?.isBlank == false }
                }.count
        }
        return complete == 0 ? 0 : min(100, 70 + 3 * complete)
    }

    package func read(_ document: DocumentLines, notes: inout ReaderNotes) throws -> [RawTask] {
        TableRowAssembler(file: document.file).assemble(tables(in: document), notes: &notes)
    }

    /// A piece of a line: its text and the character column it starts at.
    struct Piece: Equatable {
        var start: Int
        var text: String
    }

    /// The pieces of a line, split at runs of two or more spaces.
    static func pieces(_ line: String) -> [Piece] {
        var result: [Piece] = []
        var current = ""
        var start = 0
        var spaces = 0
        for (column, ch) in line.enumerated() {
            if ch == " " || ch == "\u{3000}" || ch == "\t" {
                spaces += ch == " " ? 1 : 2
                continue
            }
            if !current.isEmpty, spaces >= 2 {
                result.append(Piece(start: start, text: current))
                current = ""
            } else if !current.isEmpty, spaces == 1 {
                current.append(" ")
            }
            if current.isEmpty { start = column }
            current.append(ch)
            spaces = 0
        }
        if !current.isEmpty { result.append(Piece(start: start, text: current)) }
        return result
    }

    func tables(in document: DocumentLines) -> [TableBlock] {
        var blocks: [TableBlock] = []
        var index = 0
        let lines = document.lines
        while index < lines.count {
            let headerPieces = Self.pieces(lines[index])
            guard headerPieces.count >= 3, !lines[index].hasPrefix("\t"),
                let header = TableHeader.recognise(headerPieces.map(\.text), tolerant: true)
            else {
                index += 1
                continue
            }
            let caption = lines[max(0, index - 3)..<index].map { $0 }
            let (rows, pages, end) = rowLines(lines, after: index, header: headerPieces)
            index = end
            guard let block = table(rows, pages: pages, header: header, headerLine: document.lineNumber(at: index))
            else { continue }
            var found = block
            let kind =
                TableCaption.kind(inCaptionLines: caption) ?? blocks.last?.kind
                ?? TableCaption.kind(inCaptionLines: header.names) ?? .key
            found.kind = kind
            found.header = found.header.adapted(to: kind)
            found.captionSection = TableCaption.section(inCaptionLines: caption)
            blocks.append(found)
        }
        return blocks
    }

    /// The lines of the rows under a header, grouped per row (line number, pieces).
    private func rowLines(
        _ lines: [String], after headerIndex: Int, header: [Piece]
    ) -> (rows: [[(line: Int, pieces: [Piece])]], pages: [Int], end: Int) {
        var rows: [[(line: Int, pieces: [Piece])]] = []
        // The page of each row: a repeated header starts a new one, whose
        // columns may sit elsewhere.
        var pages: [Int] = []
        var page = 0
        var blanks = 0
        var index = headerIndex + 1
        let headerTexts = header.map(\.text)
        while index < lines.count {
            let pieces = Self.pieces(lines[index])
            defer { index += 1 }
            if pieces.isEmpty {
                blanks += 1
                if blanks >= 2 { break }
                continue
            }
            blanks = 0
            if pieces.map(\.text) == headerTexts {
                page += 1
                continue
            }
            let indented = pieces[0].start >= 2
            if !indented, pieces.count == 1, rows.isEmpty == false, pieces[0].text.count > 30 { break }
            if !indented || rows.isEmpty {
                rows.append([(index + 1, pieces)])
                pages.append(page)
            } else {
                rows[rows.count - 1].append((index + 1, pieces))
            }
        }
        return (rows, pages, index)
    }

    /// Every piece of the rows placed in its column.
    private func table(
        _ rows: [[(line: Int, pieces: [Piece])]], pages: [Int], header: TableHeader, headerLine: Int
    ) -> TableBlock? {
        let columns = header.columnCount
        var startsByPage: [Int: [Int]] = [:]
        for page in Set(pages) {
            let pieces = zip(rows, pages).filter { $0.1 == page }.flatMap { $0.0.flatMap(\.pieces) }
            if let starts = Self.columnStarts(pieces, columns: columns) { startsByPage[page] = starts }
        }
        guard !startsByPage.isEmpty else { return nil }
        let tableRows = zip(rows, pages).map { lines, page -> TableRow in
            let starts = startsByPage[page] ?? startsByPage.values.first!
            var cells = (0..<columns).map { _ in TableCell(line: lines[0].line, lines: []) }
            for (_, pieces) in lines {
                for piece in pieces {
                    let column = starts.lastIndex { $0 <= piece.start + 1 } ?? 0
                    cells[column].lines.append(piece.text)
                }
            }
            return TableRow(line: lines[0].line, cells: cells)
        }
        return TableBlock(header: header, kind: .key, headerLine: headerLine, rows: tableRows)
    }

    /// Where the columns start: the positions pieces start at, grouped where
    /// they lie next to each other; the rarest group joins its nearer
    /// neighbour until there is one per column (learnt per page, since a
    /// PDF's pages are not printed at one offset). nil when the pieces fall into
    /// fewer groups than there are columns (not this table's layout).
    static func columnStarts(_ pieces: [Piece], columns: Int) -> [Int]? {
        var groups: [(first: Int, last: Int, count: Int)] = []
        for start in pieces.map(\.start).sorted() {
            if let last = groups.last, start - last.last <= 1 {
                groups[groups.count - 1].last = start
                groups[groups.count - 1].count += 1
            } else {
                groups.append((start, start, 1))
            }
        }
        guard groups.count >= columns, columns > 0 else { return nil }
        // The rarest group joins its nearer neighbour, until one per column.
        while groups.count > columns {
            let rarest = groups.indices.min { groups[$0].count < groups[$1].count }!
            let left = rarest > 0 ? groups[rarest].first - groups[rarest - 1].last : Int.max
            let right = rarest + 1 < groups.count ? groups[rarest + 1].first - groups[rarest].last : Int.max
            let into = left <= right ? rarest - 1 : rarest + 1
            groups[into] = (
                min(groups[into].first, groups[rarest].first), max(groups[into].last, groups[rarest].last),
                groups[into].count + groups[rarest].count
            )
            groups.remove(at: rarest)
        }
        return groups.map(\.first)
    }
}
