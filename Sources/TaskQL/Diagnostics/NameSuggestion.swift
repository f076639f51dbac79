/// "did you mean …" hints, for every kind of name (stages, fields,
/// functions, sources, units): the nearest existing name by edit distance,
/// only when it is close enough to be a plausible typo.
enum NameSuggestion {
    /// Names longer than this get no suggestion: nobody mistypes a
    /// 65-character name into another, and the distance costs the product
    /// of the two lengths (a 100,000-character name against a long `let`
    /// name would take minutes).
    static let longestSuggestible = 64

    /// The best candidate for `name`, or nil when nothing is close.
    static func nearest(to name: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(name.unicodeScalars.prefix(longestSuggestible + 1))
        guard target.count <= longestSuggestible else { return nil }
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != name {
            let c = Array(candidate.unicodeScalars.prefix(longestSuggestible + 1))
            guard c.count <= longestSuggestible else { continue }
            let limit = max(1, min(target.count, c.count) / 3)
            if abs(c.count - target.count) > limit { continue }
            let d = distance(target, c)
            if d <= limit,
                best == nil || d < best!.distance
                    || (d == best!.distance && Value.compareStrings(candidate, best!.name) < 0)
            {
                best = (candidate, d)
            }
        }
        return best?.name
    }

    /// `help: did you mean X?` text, or nil.
    static func help(for name: String, in candidates: some Sequence<String>) -> String? {
        nearest(to: name, in: candidates).map { "did you mean \($0)?" }
    }

    /// Levenshtein distance with transpositions counted as one edit.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
