/// Unit cells sometimes print two units on one line where the others print
/// them one per line (Taicang: `各有关镇（区）有关部门` beside rows with
/// `各有关镇（区）` / `有关部门`). Such a line is split only when it is made
/// entirely of units the same document prints alone: unlike person names,
/// unit names have no fixed length, so nothing unknown is ever guessed apart.
struct TableUnitNames: Sendable {
    private(set) var known: Set<String> = []

    /// Learns the unit names printed alone in these rows.
    init(rows: [[TableRowValues]]) {
        for table in rows {
            for row in table {
                known.formUnion(row[.leadUnits])
                known.formUnion(row[.coUnits])
            }
        }
    }

    /// The row with glued unit names split.
    func splitting(_ row: TableRowValues) -> TableRowValues {
        var row = row
        for role in [TableColumnRole.leadUnits, .coUnits] where !row[role].isEmpty {
            row[role] = row[role].flatMap(split)
        }
        return row
    }

    /// `各有关镇（区）有关部门` → `各有关镇（区）`, `有关部门` when both are known.
    func split(_ text: String) -> [String] {
        segments(Array(text)[...], whole: true) ?? [text]
    }

    private func segments(_ chars: ArraySlice<Character>, whole: Bool) -> [String]? {
        if chars.isEmpty { return [] }
        // Longest known prefix first; the whole text never counts as its own part.
        for length in stride(from: chars.count - (whole ? 1 : 0), through: 2, by: -1) {
            let head = String(chars.prefix(length))
            guard known.contains(head), let tail = segments(chars.dropFirst(length), whole: false) else { continue }
            return [head] + tail
        }
        return nil
    }
}
