/// Reads a Word `.docx` file into a ``StructuredDocument``: the paragraphs
/// and tables of `word/document.xml`, in order.
///
/// Rules:
/// - A paragraph's text is its runs' `w:t`, with `w:tab` as a tab; `w:br` and
///   `w:cr` start a new line. Deleted (`w:del`) and hidden (`w:vanish`) runs,
///   field codes and drawings are left out; content controls, insertions,
///   hyperlinks and smart tags are read through.
/// - Automatic numbering (`w:numPr`) is printed as Word prints it
///   (`%1.` with the level's format from `word/numbering.xml`), so a 序号
///   column Word numbers by itself reads `1.`, `2.` ….
/// - Tables keep Word's own merges: `w:gridSpan` is a column span,
///   `w:vMerge` restart/continue a row span, `w:gridBefore` skips grid
///   columns. No blank cell is guessed to be merged. A table inside a cell
///   is a table of its own, after the one that holds it.
enum DocxFrontEnd {
    /// Largest XML part read (uncompressed), against zip bombs.
    static let maximumPartSize = 200 << 20
    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// The document in `bytes`, or an error saying why it is not a readable .docx.
    static func read(
        _ bytes: [UInt8], file: String, partLimit: Int = maximumPartSize
    ) throws(ImportError) -> StructuredDocument {
        let archive: ZipArchive
        do {
            archive = try ZipArchive(bytes)
        } catch {
            throw ImportError(
                code: .unreadableDocument, file: file, message: "not a .docx file: it is not a zip archive (\(error))")
        }
        guard let documentXML = try part("word/document.xml", of: archive, file: file, limit: partLimit) else {
            throw ImportError(
                code: .unreadableDocument, file: file,
                message: "a zip archive without word/document.xml: not a Word .docx document")
        }
        guard let root = MarkupParser.parse(documentXML, flavour: .xml), root.name == "document" else {
            throw ImportError(
                code: .unreadableDocument, file: file, message: "word/document.xml is not well-formed XML")
        }
        var numbering =
            try part("word/numbering.xml", of: archive, file: file, limit: partLimit)
            .flatMap { MarkupParser.parse($0, flavour: .xml) }
            .map(WordNumbering.init) ?? WordNumbering()
        if let styles = try part("word/styles.xml", of: archive, file: file, limit: partLimit).flatMap({
            MarkupParser.parse($0, flavour: .xml)
        }) {
            numbering.learnStyles(styles)
        }
        var walker = DocxWalker(numbering: numbering)
        if let body = root.child("body") { walker.walk(body.children) }
        return StructuredDocument(file: file, frontEnd: "docx", blocks: walker.blocks)
    }

    /// The bytes of one part of the archive, nil when it has none.
    private static func part(
        _ path: String, of archive: ZipArchive, file: String, limit: Int
    ) throws(ImportError) -> [UInt8]? {
        guard let entry = archive.entry(path) else { return nil }
        let tooLarge = ImportError(
            code: .unreadableDocument, file: file, message: "\(path) is larger than \(limit) bytes uncompressed")
        guard entry.uncompressedSize <= limit else { throw tooLarge }
        do {
            // The size in the directory can lie: the limit holds for what really comes out.
            return try archive.contents(of: entry, limit: limit)
        } catch .tooLarge {
            throw tooLarge
        } catch {
            throw ImportError(code: .unreadableDocument, file: file, message: "\(path) cannot be unpacked: \(error)")
        }
    }
}

/// Walks the body of `document.xml`, collecting blocks.
private struct DocxWalker {
    var numbering: WordNumbering
    var blocks: [DocumentBlock] = []
    /// Tables found inside cells, emitted after the table that holds them.
    private var nestedTables: [GridTable] = []

    init(numbering: WordNumbering) { self.numbering = numbering }

    mutating func walk(_ nodes: [MarkupNode]) {
        for node in nodes where isWord(node) {
            switch node.name {
            case "p":
                for line in paragraphLines(node) { blocks.append(.paragraph(DocumentParagraph(line: 0, text: line))) }
            case "tbl":
                let table = self.table(node)
                blocks.append(.table(table))
                let nested = nestedTables
                nestedTables = []
                for inner in nested { blocks.append(.table(inner)) }
            case "sdt":
                walk(node.child("sdtContent")?.children ?? [])
            case "customXml", "ins", "smartTag":
                walk(node.children)
            default:
                continue
            }
        }
    }

    private func isWord(_ node: MarkupNode) -> Bool { node.namespace == DocxFrontEnd.wordNamespace }

    // MARK: Paragraphs

    /// A paragraph's lines: its numbering label, then its runs' text, split at breaks.
    private mutating func paragraphLines(_ paragraph: MarkupNode) -> [String] {
        var lines = [""]
        if let label = numberingLabel(paragraph) { lines[0] = label }
        collectText(paragraph.children, into: &lines)
        return lines
    }

    /// The label Word prints before a numbered paragraph: its own `w:numPr`,
    /// else its paragraph style's (`List Number`).
    private mutating func numberingLabel(_ paragraph: MarkupNode) -> String? {
        let properties = paragraph.child("pPr")
        if let numPr = properties?.child("numPr"), let id = numPr.child("numId")?.attributes["val"] {
            let level = numPr.child("ilvl")?.attributes["val"].flatMap { Int($0) } ?? 0
            return numbering.nextLabel(numId: id, level: level)
        }
        guard let style = properties?.child("pStyle")?.attributes["val"],
            let (id, level) = numbering.styleNumbering(style)
        else { return nil }
        return numbering.nextLabel(numId: id, level: level)
    }

    private func collectText(_ nodes: [MarkupNode], into lines: inout [String]) {
        for node in nodes where isWord(node) {
            switch node.name {
            case "t": lines[lines.count - 1] += node.allText
            case "tab", "ptab": lines[lines.count - 1] += "\t"
            case "br", "cr": lines.append("")
            case "noBreakHyphen", "softHyphen": lines[lines.count - 1] += "-"
            case "r":
                if node.child("rPr")?.child("vanish") != nil { continue }
                collectText(node.children, into: &lines)
            case "hyperlink", "ins", "smartTag", "fldSimple", "customXml", "dir", "bdo":
                collectText(node.children, into: &lines)
            case "sdt":
                collectText(node.child("sdtContent")?.children ?? [], into: &lines)
            default:
                // del, delText, instrText, drawing, pPr, rPr …: no printed text.
                continue
            }
        }
    }

    // MARK: Tables

    /// One Word cell before its vertical merge is resolved.
    private struct PendingCell {
        var cell: GridCell
        var merge: Merge
        enum Merge { case none, restart, `continue` }
    }

    private mutating func table(_ table: MarkupNode) -> GridTable {
        var rows: [[GridCell]] = []
        // The grid column of an open vertical merge → its (row, cell) origin.
        var openMerges: [Int: (row: Int, cell: Int)] = [:]
        for rowNode in rowNodes(table) {
            var column = rowNode.child("trPr")?.child("gridBefore")?.attributes["val"].flatMap { Int($0) } ?? 0
            column = min(max(column, 0), 1000)
            var row: [GridCell] = []
            for cellNode in cellNodes(rowNode) {
                let pending = self.pendingCell(cellNode, column: column)
                column += pending.cell.columnSpan
                if pending.merge == .continue, let origin = openMerges[pending.cell.column] {
                    rows[origin.row][origin.cell].rowSpan += 1
                    continue
                }
                for covered in pending.cell.column..<(pending.cell.column + pending.cell.columnSpan) {
                    openMerges[covered] = nil
                }
                if pending.merge == .restart { openMerges[pending.cell.column] = (rows.count, row.count) }
                row.append(pending.cell)
            }
            rows.append(row)
        }
        return GridTable(rows: rows)
    }

    private func rowNodes(_ table: MarkupNode) -> [MarkupNode] { wordChildren(table, named: "tr") }

    private func cellNodes(_ row: MarkupNode) -> [MarkupNode] { wordChildren(row, named: "tc") }

    /// The children of one kind, also inside content controls and custom XML.
    private func wordChildren(_ node: MarkupNode, named name: String) -> [MarkupNode] {
        node.children.flatMap { child -> [MarkupNode] in
            guard isWord(child) else { return [] }
            switch child.name {
            case name: return [child]
            case "sdt": return wordChildren(child.child("sdtContent") ?? child, named: name)
            case "customXml": return wordChildren(child, named: name)
            default: return []
            }
        }
    }

    private mutating func pendingCell(_ cell: MarkupNode, column: Int) -> PendingCell {
        let properties = cell.child("tcPr")
        let span = properties?.child("gridSpan")?.attributes["val"].flatMap { Int($0) } ?? 1
        let merge: PendingCell.Merge
        if let vMerge = properties?.child("vMerge") {
            merge = vMerge.attributes["val"] == "restart" ? .restart : .continue
        } else {
            merge = .none
        }
        var lines: [String] = []
        for node in cell.children where isWord(node) {
            switch node.name {
            case "p": lines += paragraphLines(node)
            case "tbl": nestedTables.append(table(node))
            case "sdt":
                for inner in node.child("sdtContent")?.children ?? [] where inner.name == "p" {
                    lines += paragraphLines(inner)
                }
            default: continue
            }
        }
        while let last = lines.last, TableCellText.unpadded(last).isEmpty { lines.removeLast() }
        return PendingCell(
            cell: GridCell(line: 0, lines: lines, column: column, columnSpan: min(max(span, 1), 1000)), merge: merge)
    }
}
