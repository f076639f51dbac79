/// Splits a printed list of leaders into names with their padding removed
/// (`周国强、姜  勇` → 周国强, 姜勇).
enum LeaderNames {
    /// Names separated by `、` `,` `;` `/`; a run of spaces separates two
    /// names only when both sides are at least two characters (`姜  勇` is one
    /// name padded to the width of three).
    static func split(_ text: String) -> [String] {
        var names: [String] = []
        for piece in text.split(whereSeparator: { "、,，;；/".contains($0) }) {
            let words = piece.split(whereSeparator: LineText.isSpace)
            if words.count > 1, words.allSatisfy({ $0.count >= 2 }) {
                names += words.map(String.init)
            } else {
                let name = LineText.removingSpaces(piece)
                if !name.isEmpty { names.append(name) }
            }
        }
        return names
    }

    /// The person in `张三副市长` (`张三`); a post without a name
    /// (`分管副省长`) and a plain name stay as printed.
    static func person(_ text: String) -> String {
        for title in HeadingRules.leaderTitles where text.hasSuffix(title) {
            let name = String(text.dropLast(title.count))
            if (2...4).contains(name.count), name.allSatisfy(LineText.isHan), !HeadingRules.postWords.contains(name) {
                return name
            }
            return text
        }
        return text
    }
}
