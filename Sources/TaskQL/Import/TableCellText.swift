/// Cleaning rules for the text inside table cells, shared by the cell-per-line
/// and pipe table readers.
enum TableCellText {
    /// Whether a character is padding: ASCII or ideographic space, tab, NBSP.
    static func isPadding(_ ch: Character) -> Bool {
        ch == " " || ch == "\u{3000}" || ch == "\t" || ch == "\u{00A0}"
    }

    /// The text with every padding character removed (`姜  勇` → `姜勇`).
    static func unpadded(_ text: String) -> String {
        String(LineText.removingBookmarks(text).filter { !isPadding($0) })
    }

    /// Trims padding at both ends only, keeping inner spaces of prose.
    static func trimmed(_ text: String) -> String {
        let cleaned = LineText.removingBookmarks(text)
        guard let first = cleaned.firstIndex(where: { !isPadding($0) }),
            let last = cleaned.lastIndex(where: { !isPadding($0) })
        else { return "" }
        return String(cleaned[first...last])
    }

    /// Joins a cell's printed lines into one piece of prose: Chinese text
    /// broken over lines has no spaces at the breaks.
    static func joinedProse(_ lines: [String]) -> String {
        lines.map(trimmed).joined()
    }

    /// Joins a heading or deadline cell, dropping padding entirely, so
    /// vertical headings (`综`/`合`/`指`/`标`) and split deadlines
    /// (`8月`/`底前`) come out whole.
    static func joinedCompact(_ lines: [String]) -> String {
        lines.map(unpadded).joined()
    }

    /// The items of a list cell (units): one per printed line, and lines that
    /// list several with `、`/`，`/`；` are split too (outside brackets).
    /// A line that is only a parenthesised note (`（社会治理现代化指挥中心）`
    /// under `社管中心`) belongs to the unit above it, as printed on one line
    /// elsewhere in the same document.
    static func listItems(_ lines: [String]) -> [String] {
        var items: [String] = []
        for item in lines.flatMap(splitListLine).flatMap(splitSpacedUnits).map(unpadded) where !item.isEmpty {
            if let first = item.first, "（(".contains(first), !items.isEmpty {
                items[items.count - 1] += item
            } else if let last = items.last, item.count == 1 || UnitList.isUnitEnding(item),
                !UnitList.endsAsUnit(last)
            {
                // A name wrapped in a narrow cell (`市民政` / `局`): the tail is no unit of its own.
                items[items.count - 1] += item
            } else {
                items.append(item)
            }
        }
        return items
    }

    /// `县教体局 各相关乡镇政府` → two units: a space separates names only
    /// when every part reads as a unit (`市  发改委` is one name, padded).
    private static func splitSpacedUnits(_ item: String) -> [String] {
        let parts = item.split(whereSeparator: isPadding).map(String.init)
        guard parts.count > 1, parts.allSatisfy(UnitList.looksLikeUnit) else { return [item] }
        return parts
    }

    private static func splitListLine(_ line: String) -> [String] {
        var items: [String] = []
        var current = ""
        var depth = 0
        for ch in line {
            if "（(【[".contains(ch) { depth += 1 }
            if "）)】]".contains(ch) { depth = max(0, depth - 1) }
            if depth == 0, "、，,；;/".contains(ch) {
                items.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        items.append(current)
        return items
    }

    /// A header name reduced for comparison: no padding, line breaks joined,
    /// traditional characters folded to simplified.
    static func headerKey(_ raw: String) -> String {
        foldedTraditional(unpadded(raw).filter { $0 != "\n" && $0 != "\r" })
    }

    /// Folds the traditional characters that occur in table headers and
    /// captions (`牽頭單位` → `牵头单位`, `為民辦實事` → `为民办实事`).
    static func foldedTraditional(_ text: String) -> String {
        guard text.contains(where: { traditionalToSimplified[$0] != nil }) else { return text }
        return String(text.map { traditionalToSimplified[$0] ?? $0 })
    }

    private static let traditionalToSimplified: [Character: Character] = [
        "牽": "牵", "頭": "头", "單": "单", "協": "协", "導": "导", "時": "时",
        "號": "号", "務": "务", "內": "内", "責": "责", "關": "关", "類": "类",
        "項": "项", "門": "门", "領": "领", "間": "间", "稱": "称", "實": "实",
        "點": "点", "為": "为", "辦": "办", "標": "标", "綜": "综", "與": "与",
        "參": "参", "別": "别", "業": "业", "體": "体", "設": "设", "編": "编",
        "級": "级", "況": "况", "劃": "划", "東": "东", "負": "负", "總": "总",
        "錄": "录", "規": "规", "進": "进", "該": "该",
    ]
}
