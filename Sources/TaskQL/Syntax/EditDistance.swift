/// Levenshtein distance, for `did you mean …?` suggestions.
enum EditDistance {
    /// Edits (insert, delete, substitute a character) turning `a` into `b`.
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var diagonal = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let above = row[j]
                row[j] = min(above + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1))
                diagonal = above
            }
        }
        return row[b.count]
    }

    /// The candidate nearest to `word`, if it is close enough to be the one
    /// meant (at most a third of the word's characters wrong, at least one).
    static func nearest(to word: String, among candidates: [String]) -> String? {
        let limit = max(1, word.count / 3)
        let scored = candidates.map { (name: $0, distance: between(word, $0)) }
        guard let best = scored.min(by: { $0.distance < $1.distance }), best.distance <= limit
        else { return nil }
        return best.name
    }
}
