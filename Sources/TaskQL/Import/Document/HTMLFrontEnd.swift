/// Reads a web page as saved from a government site into a
/// ``StructuredDocument``, through libxml2's HTML parser (tag soup, implied
/// end tags, entities).
///
/// Rules:
/// - Block elements (`p`, `div`, `li`, `h1`…, `tr` …) and `<br>` end a line;
///   white space collapses as a browser shows it, and a line break in the
///   source between two Chinese characters disappears (as Firefox renders it).
/// - `script`, `style`, `head` and form controls print nothing.
/// - `<table>`: rows from `tr` (also inside `thead`/`tbody`/`tfoot`), cells
///   `td`/`th` with their `rowspan`/`colspan`, placed on the grid as the HTML
///   table algorithm places them. A `caption` is a paragraph before its table;
///   a table inside a cell is a table of its own, after the one that holds it.
enum HTMLFrontEnd {
    /// The page in `text` (already decoded).
    static func read(_ text: String, file: String) throws(ImportError) -> StructuredDocument {
        guard let root = MarkupParser.parse(Array(text.utf8), flavour: .html) else {
            throw ImportError(code: .unreadableDocument, file: file, message: "the page has no HTML elements")
        }
        var walker = HTMLWalker()
        walker.walk(root)
        walker.flush()
        return StructuredDocument(file: file, frontEnd: "html", blocks: walker.blocks)
    }

    /// Whether decoded text looks like an HTML page rather than plain text.
    static func looksLikeHTML(_ text: String) -> Bool {
        let head = text.prefix(2048).lowercased()
        return head.contains("<html") || head.contains("<!doctype html") || head.contains("<table")
            || head.contains("<body")
    }
}

/// Collects lines of text from inline content, as a browser lays them out.
struct HTMLTextCollector {
    private(set) var lines: [String] = []
    private var current = ""
    private var pendingSpace = false
    private var pendingBreak = false

    mutating func append(_ text: String) {
        for ch in text {
            if ch == " " || ch == "\n" || ch == "\t" || ch == "\r" || ch == "\u{0C}" {
                pendingSpace = true
                if ch == "\n" { pendingBreak = true }
                continue
            }
            if pendingSpace, !current.isEmpty {
                // A source line break between two Chinese characters is no space.
                let joinsHan = pendingBreak && current.last.map(Self.isWide) == true && Self.isWide(ch)
                if !joinsHan { current.append(" ") }
            }
            pendingSpace = false
            pendingBreak = false
            current.append(ch)
        }
    }

    /// Ends the current line (a block boundary or `<br>`); empty lines are kept
    /// only for `<br>`, where the page shows them.
    mutating func endLine(keepEmpty: Bool = false) {
        if !current.isEmpty || keepEmpty { lines.append(current) }
        current = ""
        pendingSpace = false
        pendingBreak = false
    }

    /// Takes the lines collected so far.
    mutating func take() -> [String] {
        endLine()
        defer { lines = [] }
        return lines
    }

    private static func isWide(_ ch: Character) -> Bool {
        guard let scalar = ch.unicodeScalars.first else { return false }
        return scalar.value >= 0x2E80
    }
}

private struct HTMLWalker {
    var blocks: [DocumentBlock] = []
    private var text = HTMLTextCollector()
    private var nestedTables: [GridTable] = []

    static let silent: Set<String> = [
        "script", "style", "head", "noscript", "template", "iframe", "object", "svg", "select", "option", "button",
        "input", "textarea", "map",
    ]
    static let blockElements: Set<String> = [
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
        "header", "footer", "main", "nav", "aside", "blockquote", "pre", "center", "form", "hr", "figure",
        "figcaption", "address", "fieldset", "legend", "body", "html", "tr", "td", "th",
    ]

    mutating func flush() {
        for line in text.take() { blocks.append(.paragraph(DocumentParagraph(line: 0, text: line))) }
    }

    mutating func walk(_ node: MarkupNode) {
        if node.isText {
            text.append(node.text)
            return
        }
        if Self.silent.contains(node.name) { return }
        switch node.name {
        case "br":
            text.endLine(keepEmpty: false)
        case "table":
            flush()
            if let caption = node.child("caption") {
                var captionText = HTMLTextCollector()
                Self.collect(caption, into: &captionText, nested: &nestedTables)
                for line in captionText.take() { blocks.append(.paragraph(DocumentParagraph(line: 0, text: line))) }
            }
            var nested: [GridTable] = []
            let table = Self.table(node, nested: &nested)
            blocks.append(.table(table))
            for inner in nested { blocks.append(.table(inner)) }
        default:
            let isBlock = Self.blockElements.contains(node.name)
            if isBlock { flush() }
            for child in node.children { walk(child) }
            if isBlock { flush() }
        }
    }

    /// The text of a cell or caption, its inner tables set aside.
    static func collect(_ node: MarkupNode, into text: inout HTMLTextCollector, nested: inout [GridTable]) {
        for child in node.children {
            if child.isText {
                text.append(child.text)
            } else if silent.contains(child.name) {
                continue
            } else if child.name == "br" {
                text.endLine(keepEmpty: true)
            } else if child.name == "table" {
                text.endLine()
                nested.append(table(child, nested: &nested))
            } else {
                let isBlock = blockElements.contains(child.name)
                if isBlock { text.endLine() }
                collect(child, into: &text, nested: &nested)
                if isBlock { text.endLine() }
            }
        }
    }

    /// The grid of a `<table>`: cells placed by the HTML table algorithm.
    static func table(_ node: MarkupNode, nested: inout [GridTable]) -> GridTable {
        let rowNodes = node.children.flatMap { child -> [MarkupNode] in
            switch child.name {
            case "tr": return [child]
            case "thead", "tbody", "tfoot": return child.children("tr")
            default: return []
            }
        }
        var rows: [[GridCell]] = []
        // Grid columns covered by a rowspan from a row above, per row.
        var covered: [Int: Set<Int>] = [:]
        for (rowIndex, rowNode) in rowNodes.enumerated() {
            var row: [GridCell] = []
            var column = 0
            for cellNode in rowNode.children where cellNode.name == "td" || cellNode.name == "th" {
                while covered[rowIndex]?.contains(column) == true { column += 1 }
                let columnSpan = min(max(Int(cellNode.attributes["colspan"] ?? "") ?? 1, 1), 1000)
                var rowSpan = Int(cellNode.attributes["rowspan"] ?? "") ?? 1
                // rowspan="0" runs to the end of the table.
                if rowSpan == 0 { rowSpan = rowNodes.count - rowIndex }
                rowSpan = min(max(rowSpan, 1), max(1, rowNodes.count - rowIndex))
                var cellText = HTMLTextCollector()
                collect(cellNode, into: &cellText, nested: &nested)
                var lines = cellText.take()
                while let last = lines.last, TableCellText.unpadded(last).isEmpty { lines.removeLast() }
                row.append(
                    GridCell(line: 0, lines: lines, column: column, rowSpan: rowSpan, columnSpan: columnSpan))
                for below in (rowIndex + 1)..<(rowIndex + rowSpan) {
                    covered[below, default: []].formUnion(column..<(column + columnSpan))
                }
                column += columnSpan
            }
            rows.append(row)
        }
        return GridTable(rows: rows)
    }
}
