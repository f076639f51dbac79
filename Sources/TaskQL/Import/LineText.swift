/// Character classes and small scanners shared by the layout readers.
///
/// Documents mix full- and half-width punctuation (`:`/`：`, `(`/`（`,
/// `;`/`；`, `,`/`，`) and pad with ideographic spaces, so every reader
/// tests characters through these classes instead of comparing literals.
enum LineText {
    static func isSpace(_ c: Character) -> Bool {
        c == " " || c == "\t" || c == "\u{3000}" || c == "\u{00A0}" || c == "\u{FEFF}" || c == "\u{200B}"
    }
    static func isOpenParen(_ c: Character) -> Bool { c == "(" || c == "（" }
    static func isCloseParen(_ c: Character) -> Bool { c == ")" || c == "）" }
    static func isColon(_ c: Character) -> Bool { c == ":" || c == "：" }
    static func isSemicolon(_ c: Character) -> Bool { c == ";" || c == "；" }
    static func isComma(_ c: Character) -> Bool { c == "," || c == "，" }
    /// `、` separates items of a list.
    static func isEnumerationComma(_ c: Character) -> Bool { c == "、" }
    static func isSentenceEnd(_ c: Character) -> Bool { c == "。" || c == "！" || c == "？" || c == "!" || c == "?" }
    /// Punctuation that may end a complete paragraph (as opposed to a line
    /// broken in mid-sentence by a page or column break).
    static func endsParagraph(_ c: Character) -> Bool {
        isSentenceEnd(c) || isColon(c) || isSemicolon(c) || isCloseParen(c) || c == "”" || c == "」" || c == "…"
    }
    static func isHan(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first else { return false }
        return (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value)
            || (0x20000...0x2A6DF).contains(s.value) || (0xF900...0xFAFF).contains(s.value)
    }

    /// `s` without leading and trailing spaces (ASCII, ideographic, no-break).
    static func trimmed(_ s: some StringProtocol) -> String {
        guard let first = s.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = s.lastIndex(where: { !isSpace($0) })!
        return String(s[first...last])
    }

    /// `s` with every space removed (`姜  勇` → `姜勇`).
    static func removingSpaces(_ s: some StringProtocol) -> String {
        String(s.filter { !isSpace($0) })
    }

    /// `s` without Word's `[bookmark: …]` markers.
    static func removingBookmarks(_ s: String) -> String {
        // A byte scan first: most lines have no `[` at all, and substring
        // search is costly on every cell of a large document.
        guard s.utf8.contains(0x5B), s.contains("[bookmark:") else { return s }
        var out = ""
        var rest = Substring(s)
        while let start = rest.range(of: "[bookmark:") {
            out += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "]") else { return out }
            rest = rest[rest.index(after: end)...]
        }
        return out + rest
    }

    /// `s` without a final sentence mark (`加快推进农业现代化建设。` → `…建设`).
    static func droppingSentenceEnd(_ s: String) -> String {
        var t = s
        while let last = t.last, isSentenceEnd(last) || isSemicolon(last) || isComma(last) { t.removeLast() }
        return t
    }

    /// The text up to and including the first sentence end, and the rest.
    static func firstSentence(_ s: String) -> (sentence: String, rest: String) {
        guard let end = s.firstIndex(where: isSentenceEnd) else { return (s, "") }
        let after = s.index(after: end)
        return (String(s[..<after]), trimmed(s[after...]))
    }

    /// Splits `(… …)` off the end of `s`: the text before the balanced
    /// parenthesis and what is inside it; nil when `s` does not end with one.
    static func trailingParenthetical(_ s: String) -> (before: String, inside: String)? {
        guard let last = s.last(where: { !isSpace($0) && !isSentenceEnd($0) }), isCloseParen(last) else { return nil }
        return trailingBracketed(s)
    }

    /// Like ``trailingParenthetical(_:)`` for every bracket documents put
    /// responsibility in: `(…)` `（…）` `[…]` `【…】` `〔…〕`.
    static func trailingBracketed(_ s: String) -> (before: String, inside: String)? {
        var t = Substring(s)
        while let last = t.last, isSpace(last) || isSentenceEnd(last) { t = t.dropLast() }
        guard let close = t.last, let open = bracketPairs[close] else { return nil }
        var depth = 0
        var index = t.index(before: t.endIndex)
        while true {
            let c = t[index]
            if c == close || (isCloseParen(close) && isCloseParen(c)) { depth += 1 }
            if c == open || (isOpenParen(open) && isOpenParen(c)) {
                depth -= 1
                if depth == 0 { break }
            }
            if index == t.startIndex { return nil }
            index = t.index(before: index)
        }
        let inside = t[t.index(after: index)..<t.index(before: t.endIndex)]
        return (trimmed(t[..<index]), trimmed(inside))
    }

    private static let bracketPairs: [Character: Character] = [
        ")": "(", "）": "（", "]": "[", "］": "［", "】": "【", "〕": "〔",
    ]
}
