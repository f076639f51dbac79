/// What is not part of a unit's identity, and how to take it off: a
/// trailing note in parentheses and the city's prefix.
enum UnitNameKey {
    /// Characters after a leading `市` that show the `市` belongs to the word
    /// (`市场监管局`, `市民中心`, `市委宣传部`, `市级有关部门`, `市属国企`, `市政公用局`).
    static let wordContinuations: Set<Character> = ["场", "民", "委", "级", "属", "直", "辖", "区", "域", "容", "政", "长", "镇"]

    /// Lookup keys for `name`, most literal first; the last one is the
    /// canonical form of a unit the table does not know.
    static func candidates(_ name: String) -> [String] {
        var keys: [String] = [name]
        let noteless = withoutNote(name)
        if noteless != name { keys.append(noteless) }
        for base in [name, noteless] {
            keys += cityQualifiedRemainders(base)
        }
        let stripped = withoutCityPrefix(noteless)
        if stripped != keys.last { keys.append(stripped) }
        return keys
    }

    /// `市发展改革委(铁办)` → `市发展改革委`; a name that is all parenthesis stays.
    static func withoutNote(_ name: String) -> String {
        guard let (before, _) = LineText.trailingParenthetical(name), !before.isEmpty else { return name }
        return before
    }

    /// `南通市发展改革委` → `发展改革委`: what follows `X市`/`X县`/`X区` when X is
    /// two to five Han characters (`呼和浩特市监局` → `市监局`, so a four-character
    /// city keeps the `市` of the abbreviation; only used when the rest is in
    /// the table).
    static func cityQualifiedRemainders(_ name: String) -> [String] {
        var out: [String] = []
        let chars = Array(name)
        for length in 2...5 where chars.count > length + 2 {
            guard "市县区".contains(chars[length]), chars[..<length].allSatisfy(LineText.isHan) else { continue }
            let remainder = String(chars[(length + 1)...])
            out.append(remainder)
            // `南通市委宣传部` → `市委宣传部`, as party organs are listed.
            out.append("市" + remainder)
        }
        return out
    }

    /// The name without a known city's name (`宜兴生态环境局` → `生态环境局`,
    /// `湖州市建设局` → `建设局`) or a leading `市` that is not part of a word.
    static func withoutCityPrefix(_ name: String) -> String {
        var rest = Substring(name)
        for city in CityGazetteer.names where rest.hasPrefix(city) {
            let after = rest.dropFirst(city.count)
            guard after.count >= 2, let next = after.first, !"港镇乡".contains(next) else { break }
            rest = after
            break
        }
        if rest.first == "市" {
            let after = rest.dropFirst()
            if let next = after.first, after.count >= 2,
                !wordContinuations.contains(next) || after.hasPrefix("政府")
            {
                rest = after
            }
        }
        return String(rest)
    }
}
