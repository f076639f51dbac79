/// Splits physical lines that hold several items, headings or labels into
/// the lines a reader expects, keeping each piece's source line.
///
/// Web pages are often copied out with a whole list on one line
/// (`…请认真抓好落实。 一、主要工作目标 1、地区生产总值增长11%(…)。 2、…`), and
/// Word's label lines sometimes run on (`…投入试运营。 牵头领导:林静国 责任单位:…`).
///
/// A line is cut before
/// - an item or heading number (``NumberedLine``) that follows a sentence
///   end, a semicolon, a closing bracket or a space, when the number
///   continues its style's count in the document (the next value, or 1), so
///   `增长3. 3%` or `第1、2项` never split;
/// - a responsibility label (``ResponsibilityLabels``) that follows a space,
///   a sentence end, a comma or a semicolon outside brackets
///   (`1、技能培训提升,牵头单位:市退役军人局。`).
///
/// - the text after a bracket that states responsibility, when a sentence
///   follows it (`…(省国资委牵头)。毫不动摇鼓励…(省经信委负责)。`): each
///   sentence with its statement is a task.
///
/// Table lines (tab-started, or with two `|`) are left alone.
enum LogicalLines {
    /// The paragraph readers each split the same document for their
    /// confidence and again to read it.
    private static let lastSplit = LastResultCache<DocumentLines>()

    static func split(_ document: DocumentLines) -> DocumentLines {
        lastSplit.value(for: document, splitting)
    }

    private static func splitting(_ document: DocumentLines) -> DocumentLines {
        var lines: [String] = []
        var numbers: [Int] = []
        var counts = NumberCounts()
        for (index, line) in document.lines.enumerated() {
            for piece in pieces(line, counts: &counts) {
                lines.append(piece)
                numbers.append(document.lineNumber(at: index))
            }
        }
        var result = DocumentLines(file: document.file, lines: lines)
        result.numbers = numbers
        return result
    }

    /// The last value seen per numbering style.
    private struct NumberCounts {
        var last: [NumberedLine.Style: Int] = [:]

        func continues(_ numbered: NumberedLine) -> Bool {
            numbered.value == 1 || numbered.value == (last[numbered.style] ?? 0) + 1
        }

        mutating func see(_ numbered: NumberedLine) { last[numbered.style] = numbered.value }
    }

    private static func pieces(_ line: String, counts: inout NumberCounts) -> [String] {
        if let start = NumberedLine.parse(line) { counts.see(start) }
        guard line.count >= 20, !line.hasPrefix("\t"), line.filter({ $0 == "|" || $0 == "｜" }).count < 2 else {
            return [line]
        }
        let chars = Array(line)
        var cuts: [Int] = []
        var depth = 0
        for i in chars.indices {
            let c = chars[i]
            if LineText.isOpenParen(c) || openBrackets.contains(c) { depth += 1 }
            if LineText.isCloseParen(c) || closeBrackets.contains(c) {
                depth = max(0, depth - 1)
                if depth == 0, let cut = cutAfterStatement(chars, closing: i) { cuts.append(cut) }
            }
            guard i > 0, depth == 0 || (depth == 1 && LineText.isOpenParen(c)) else { continue }
            let before = chars[i - 1]
            let afterBreak =
                LineText.isSentenceEnd(before) || LineText.isSemicolon(before) || LineText.isSpace(before)
                || LineText.isCloseParen(before) || closeBrackets.contains(before)
            if afterBreak, mayStartNumber(c), startsNumber(chars, at: i),
                let numbered = NumberedLine.parse(String(chars[i..<min(chars.count, i + 12)])), !numbered.rest.isEmpty,
                counts.continues(numbered)
            {
                counts.see(numbered)
                cuts.append(i)
            } else if depth == 0, afterBreak || LineText.isComma(before), LineText.isHan(c),
                ResponsibilityLabels.hasLabel(at: i, in: chars)
            {
                cuts.append(i)
            }
        }
        guard !cuts.isEmpty else { return [line] }
        var result: [String] = []
        var start = 0
        // A statement's cut lies ahead of the scan, so cuts may arrive out of order.
        for cut in Set(cuts).sorted() + [chars.count] {
            let piece = LineText.trimmed(String(chars[start..<cut]))
            if !piece.isEmpty { result.append(piece) }
            start = cut
        }
        return result
    }

    /// Where the next sentence starts after a bracket closing at `closing`,
    /// when the bracket states responsibility and at least a short sentence
    /// follows; nil otherwise.
    private static func cutAfterStatement(_ chars: [Character], closing: Int) -> Int? {
        var next = closing + 1
        while next < chars.count,
            LineText.isSentenceEnd(chars[next]) || LineText.isSemicolon(chars[next])
                || LineText.isSpace(chars[next])
        {
            next += 1
        }
        guard chars.count - next >= 8 else { return nil }
        // A statement is short; looking back a few hundred characters finds its opening.
        guard let (_, inside) = LineText.trailingBracketed(String(chars[max(0, closing - 400)...closing])),
            ResponsibilityStatement.segments(in: inside) != nil
        else { return nil }
        return next
    }

    private static let openBrackets: Set<Character> = ["[", "【", "〔", "［"]
    private static let closeBrackets: Set<Character> = ["]", "】", "〕", "］"]

    /// Whether an item or heading number can start with this character.
    private static func mayStartNumber(_ c: Character) -> Bool {
        ChineseNumerals.asciiDigit(c) != nil || ChineseNumerals.isNumeralCharacter(c) || LineText.isOpenParen(c)
    }

    /// A number starts here, not in the middle of one (`12、` is not cut at `2、`).
    private static func startsNumber(_ chars: [Character], at i: Int) -> Bool {
        ChineseNumerals.asciiDigit(chars[i - 1]) == nil && !ChineseNumerals.isNumeralCharacter(chars[i - 1])
    }
}
