/// Leader names in table cells: padded (`姜  勇`, `胡　捷`), one per line,
/// sometimes two glued in one line (`沈旭东姜  勇`).
///
/// Glued names are split with the names the same document prints alone:
/// a Chinese personal name is two or three characters, so every line of at
/// most three characters is taken as a known name, and a longer line is split
/// only when it is made of known names and at most one other 2–3 character
/// part. Anything else is kept as
/// printed (`各市长`), never guessed apart.
struct PersonNames: Sendable {
    private(set) var known: Set<String> = []

    /// Learns the names printed alone in these leader cells.
    mutating func learn(from cells: [TableCell]) {
        for cell in cells {
            for line in cell.lines {
                let name = TableCellText.unpadded(line)
                if (2...3).contains(name.count) { known.insert(name) }
            }
        }
    }

    /// The names in a leader cell: one per line, padding removed, glued
    /// names split.
    func names(in cell: TableCell) -> [String] {
        TableCellText.listItems(cell.lines).flatMap(split)
    }

    /// Splits a run of glued names, or returns the text whole. Every part
    /// but at most one must be a known name; the one unknown part must be
    /// two or three characters (`李　华王明` → `李华`, `王明`).
    func split(_ text: String) -> [String] {
        guard text.count > 3 else { return [text] }
        return segments(Array(text)[...], unknownAllowed: true) ?? [text]
    }

    private func segments(_ chars: ArraySlice<Character>, unknownAllowed: Bool) -> [String]? {
        if chars.isEmpty { return [] }
        for length in [3, 2] where length <= chars.count {
            let head = String(chars.prefix(length))
            let isKnown = known.contains(head)
            guard isKnown || unknownAllowed else { continue }
            let rest = chars.dropFirst(length)
            if let tail = segments(rest, unknownAllowed: unknownAllowed && isKnown) { return [head] + tail }
        }
        return nil
    }
}
