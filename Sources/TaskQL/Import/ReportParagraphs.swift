/// Paragraphs of newspaper text, with page-break artefacts undone.
enum ReportParagraphs {
    struct Paragraph {
        var text: String
        /// 1-based line where the paragraph starts.
        var line: Int
    }

    /// The paragraphs in `range` of `lines` (0-based indices).
    static func collect(_ lines: [String], in range: Range<Int>) -> [Paragraph] {
        var raw: [Paragraph] = []
        for index in range {
            let text = cleaned(lines[index])
            if text.isEmpty || isRunningHeader(lines[index]) { continue }
            raw.append(Paragraph(text: text, line: index + 1))
        }
        return joined(raw)
    }

    /// A line without jump markers: `(上接A1版)` is dropped and the line
    /// ends at `(下转A3版)` (what follows it is another page's text).
    static func cleaned(_ line: String) -> String {
        var text = LineText.trimmed(LineText.removingBookmarks(line))
        if let jump = jumpMarker(in: text, word: "下转") { text = String(text[..<jump.lowerBound]) }
        while let jump = jumpMarker(in: text, word: "上接") { text.removeSubrange(jump) }
        return LineText.trimmed(text)
    }

    /// `(下转A3版)` / `（上接第2版）`: the range of the marker.
    static func jumpMarker(in text: String, word: String) -> Range<String.Index>? {
        guard let wordRange = text.range(of: word) else { return nil }
        guard wordRange.lowerBound > text.startIndex else { return nil }
        let open = text.index(before: wordRange.lowerBound)
        guard LineText.isOpenParen(text[open]),
            let close = text[wordRange.upperBound...].firstIndex(where: LineText.isCloseParen),
            text[wordRange.upperBound..<close].count <= 8, text[wordRange.upperBound..<close].contains("版")
        else { return nil }
        return open..<text.index(after: close)
    }

    /// `# 政 府 工 作 报 告`: an unnumbered marked heading inside the section
    /// is the page's running header.
    static func isRunningHeader(_ line: String) -> Bool {
        LineText.trimmed(line).hasPrefix("#")
    }

    /// Joins paragraphs broken in mid-sentence and lone lead sentences.
    static func joined(_ raw: [Paragraph]) -> [Paragraph] {
        var out: [Paragraph] = []
        var pending: Paragraph?
        for paragraph in raw {
            guard var current = pending else {
                pending = paragraph
                continue
            }
            let opensSection = NumberedLine.parse(paragraph.text)?.style == .parenthesisedChinese
            if !opensSection && (isBroken(current.text) || isLoneLeadSentence(current.text)) {
                current.text += paragraph.text
                pending = current
            } else {
                out.append(current)
                pending = paragraph
            }
        }
        if let pending { out.append(pending) }
        return out
    }

    static func isBroken(_ text: String) -> Bool {
        guard let last = text.last else { return false }
        return !LineText.endsParagraph(last)
    }

    static func isLoneLeadSentence(_ text: String) -> Bool {
        guard text.count <= 25, let last = text.last, LineText.isSentenceEnd(last) else { return false }
        return text.dropLast().allSatisfy { !LineText.isSentenceEnd($0) }
            && NumberedLine.parse(text) == nil
    }
}
