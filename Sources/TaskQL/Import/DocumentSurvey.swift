/// What a document shows when no rule finds a task in it, so the error can
/// say what was seen and what would help (`a table with columns 姓名, 电话 …,
/// none of which names a task or a responsible unit`).
enum DocumentSurvey {
    /// What the lines of a text document (or a structured document's
    /// paragraphs) show.
    static func describe(_ document: DocumentLines) -> String {
        let lines = LogicalLines.split(document).lines.map { LineText.trimmed(LineText.removingBookmarks($0)) }.filter {
            !$0.isEmpty
        }
        var parts = ["\(lines.count) lines of text"]
        let numbered = lines.compactMap(NumberedLine.parse)
        if !numbered.isEmpty {
            let first = numbered.prefix(3).map { "“\($0.number)、\($0.rest.prefix(10))…”" }.joined(separator: ", ")
            parts.append("\(numbered.count) numbered (\(first))")
        } else {
            parts.append("no numbered items")
        }
        let labels = lines.count(where: { ResponsibilityLabels.segments(in: LabelledLine.unbracketed($0)) != nil })
        parts.append(labels == 0 ? "no responsibility labels (牵头单位:, 责任单位: …)" : "\(labels) label lines")
        if let header = headerLikeRow(lines) { parts.append(header) }
        return parts.joined(separator: "; ")
    }

    /// What a structured document's tables show.
    static func describe(tables: [GridTable]) -> String? {
        guard !tables.isEmpty else { return nil }
        let described = tables.prefix(3).map { table -> String in
            let matrix = table.matrix()
            let names = matrix.first.map { $0.map { TableCellText.headerKey($0.lines.joined()) } } ?? []
            return columnsMessage(names, rows: max(0, matrix.count - 1))
        }
        let more = tables.count > 3 ? " and \(tables.count - 3) more" : ""
        return "\(tables.count) table\(tables.count == 1 ? "" : "s"): " + described.joined(separator: "; ") + more
    }

    /// `a table header with columns 序号, 工作任务, 进度 but no task rows`, or
    /// `a table with columns 姓名, 电话, none of which names a task or a responsible unit`.
    static func columnsMessage(_ names: [String], rows: Int) -> String {
        let shown = names.prefix(8).map { $0.isEmpty ? "(blank)" : $0 }.joined(separator: ", ")
        if TableHeader.recognise(names, tolerant: true) != nil {
            return "a table header with columns \(shown) but no task rows under it"
        }
        let roles = names.compactMap(TableHeader.role(forHeaderName:))
        if roles.isEmpty {
            return "a table with columns \(shown) (\(rows) rows), none of which names a task or a responsible unit"
        }
        return "a table with columns \(shown) (\(rows) rows): it needs a task column (主要任务, 工作任务 …) "
            + "and a responsibility column (牵头单位, 责任领导 …)"
    }

    /// The first line that looks like a table header (three or more column
    /// names in a row, as pipe cells or one per line).
    private static func headerLikeRow(_ lines: [String]) -> String? {
        for (index, line) in lines.enumerated() {
            if let cells = PipeTableReader.pipeCells(line, lineNumber: 0), cells.count >= 3 {
                let names = cells.map { TableCellText.headerKey($0.lines.joined()) }
                if names.count(where: { TableHeader.role(forHeaderName: $0) != nil }) >= 2 {
                    return columnsMessage(names, rows: 0)
                }
            }
            guard TableHeader.isHeaderName(line) else { continue }
            let run = lines[index...].prefix { TableHeader.isHeaderName($0) || $0.hasSuffix("|") && $0.count <= 16 }
            if run.count >= 3 {
                let names = run.map { TableCellText.headerKey($0.replacingOccurrences(of: "|", with: "")) }
                return columnsMessage(Array(names), rows: 0)
            }
        }
        return nil
    }

    /// What would help, for every "no tasks" error.
    static let advice =
        "a task is a numbered item or a table row with a responsible unit or leader "
        + "(牵头单位:…, (A牵头,B配合), or a 牵头单位/责任领导 column); see Docs/IMPORTING.md"
}
