/// The kind of task a table lists, from its caption (`2020年市政府重点工作任务
/// 分解表`, `2020年政府实事工程情况表`) or, failing that, its header names.
enum TableCaption {
    private static let livelihoodMarks = ["为民办实事", "民生实事", "实事工程", "实事项目", "办实事"]
    private static let keyMarks = ["重点工作", "主要工作", "重点任务", "工作任务"]
    private static let indicatorMarks = ["综合指标", "综合目标", "主要指标", "主要目标"]

    /// The kind named in a caption line, or nil.
    static func kind(in line: String) -> TaskKind? {
        let text = TableCellText.foldedTraditional(TableCellText.unpadded(line))
        if livelihoodMarks.contains(where: text.contains) { return .livelihood }
        if indicatorMarks.contains(where: text.contains) { return .indicator }
        if keyMarks.contains(where: text.contains) { return .key }
        return nil
    }

    /// Searches caption lines nearest first (at most `limit` non-empty ones).
    static func kind(inCaptionLines lines: [String], limit: Int = 6) -> TaskKind? {
        var seen = 0
        for line in lines.reversed() where !TableCellText.unpadded(line).isEmpty {
            if let kind = kind(in: line) { return kind }
            seen += 1
            if seen >= limit { break }
        }
        return nil
    }

    /// Whether a section heading marks composite targets (综合指标), whose
    /// rows are indicators whatever the table.
    static func isIndicatorSection(_ heading: String) -> Bool {
        indicatorMarks.contains(where: TableCellText.foldedTraditional(heading).contains)
    }

    /// The heading of a numbered caption line nearest the table (`一、…`,
    /// `（二）…`), without its ordinal; nil when the caption has none.
    static func section(inCaptionLines lines: [String], limit: Int = 3) -> String? {
        var seen = 0
        for line in lines.reversed() where !TableCellText.unpadded(line).isEmpty {
            let text = TableCellText.trimmed(line)
            if let numbered = NumberedLine.parse(text), !numbered.rest.isEmpty, text.count <= 60,
                numbered.style == .chinese || numbered.style == .parenthesisedChinese
            {
                return LineText.droppingSentenceEnd(numbered.rest)
            }
            seen += 1
            if seen >= limit { break }
        }
        return nil
    }
}
