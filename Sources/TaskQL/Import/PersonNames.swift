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
    /// names split; padding decides between names where it can
    /// (``splitPadded(_:)``).
    func names(in cell: TableCell) -> [String] {
        cell.lines.flatMap { line -> [String] in
            if let padded = splitPadded(TableCellText.trimmed(line)) { return padded }
            return TableCellText.listItems([line]).flatMap(split)
        }
    }

    /// Names in a line where padding shows their bounds (`王 明李 华`,
    /// `赵 刚 钱志远`, `祝振偉 陳夏林`): a two-character name may be padded
    /// inside (`王 明`), a three-character name is written whole or spaced out
    /// (`周 国 强`), and a gap between names may be a space or none. Of the
    /// readings that fit every space, the one with the most known names wins;
    /// nil when the line has no inner space, is no run of names (2–3 Han
    /// characters each), or fits no reading. On a tie, fewer names win
    /// (`祝振偉 陳夏林` is two people, not `祝振`, `偉陳`, `夏林`).
    func splitPadded(_ line: String) -> [String]? {
        let chars = Array(line)
        guard chars.contains(where: TableCellText.isPadding) else { return nil }
        var letters: [Character] = []
        var spaceBefore: [Bool] = []  // spaceBefore[i]: padding between letters i-1 and i
        var pendingSpace = false
        for ch in chars {
            if TableCellText.isPadding(ch) {
                pendingSpace = true
            } else {
                guard LineText.isHan(ch) else { return nil }
                letters.append(ch)
                spaceBefore.append(pendingSpace && !letters.isEmpty)
                pendingSpace = false
            }
        }
        guard letters.count >= 4, letters.count <= 24 else { return nil }
        // best[i]: the best reading of letters[i...] as (known names, names).
        var best: [(known: Int, names: [String])?] = Array(repeating: nil, count: letters.count + 1)
        best[letters.count] = (0, [])
        for start in stride(from: letters.count - 1, through: 0, by: -1) {
            for length in [2, 3] where start + length <= letters.count {
                let gaps = ((start + 1)..<(start + length)).map { spaceBefore[$0] }
                let fits = length == 2 || gaps.allSatisfy { $0 } || gaps.allSatisfy { !$0 }
                guard fits, let rest = best[start + length] else { continue }
                let name = String(letters[start..<(start + length)])
                let candidate = (known: rest.known + (known.contains(name) ? 1 : 0), names: [name] + rest.names)
                if let current = best[start],
                    current.known > candidate.known
                        || current.known == candidate.known && current.names.count <= candidate.names.count
                {
                    continue
                }
                best[start] = candidate
            }
        }
        guard let reading = best[0], reading.names.count > 1 else { return nil }
        return reading.names
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
