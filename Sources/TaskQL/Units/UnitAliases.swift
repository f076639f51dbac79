/// Canonical names for government units, so that `发改委`, `市发展改革委`,
/// `发展改革委` and `市发展和改革委员会` are one unit.
///
/// A built-in table (``builtIn``) covers the common departments; users
/// extend it with a plain file (``merging(contentsOf:)``). Lookup ignores
/// what is not part of a unit's identity: spaces, the city's prefix (`市`,
/// `宜兴`, `南通市`) and a parenthetical note (`市发展改革委(铁办)` → `发改委`).
/// Distinct organs are never merged: `市监委` (the supervision commission)
/// is not `市监局` (market regulation).
public struct UnitAliases: Sendable, Hashable {
    /// alias → canonical name, as the table and files spell them (no city prefix).
    var table: [String: String]
    /// Lookup keys (aliases, their `市` forms and canonical names) → canonical name.
    private var lookup: [String: String]
    /// Canonical names of units not in the table, computed once per name.
    private var cache = UnitNameCache()

    /// An alias table from explicit pairs.
    public init(pairs: [(alias: String, canonical: String)]) {
        table = [:]
        lookup = [:]
        for p in pairs { add(alias: p.alias, canonical: p.canonical) }
    }

    /// Adds or replaces an alias (and makes the canonical name its own alias).
    public mutating func add(alias: String, canonical: String) {
        let alias = LineTextKey.compact(CanonicalText.nfc(alias))
        let canonical = LineTextKey.compact(CanonicalText.nfc(canonical))
        guard !alias.isEmpty, !canonical.isEmpty else { return }
        // A name that was canonical and is now an alias takes its aliases along.
        for (key, value) in table where value == alias { table[key] = canonical }
        for (key, value) in lookup where value == alias { lookup[key] = canonical }
        table[alias] = canonical
        lookup[alias] = canonical
        lookup["市" + alias] = canonical
        if table[canonical] == nil {
            lookup[canonical] = canonical
            lookup["市" + canonical] = canonical
        }
        // Copies share the cache; a changed table gets a fresh one.
        cache = UnitNameCache()
    }

    /// The canonical name of a unit as printed (`市发展改革委(铁办)` → `发改委`).
    /// Units not in the table come back without their city prefix and note
    /// (`宜兴投促中心` → `投促中心`), so printed variants still group together.
    public func canonical(_ name: String) -> String {
        if let hit = lookup[name] { return hit }
        if let hit = cache.value(for: name) { return hit }
        let result = resolve(name)
        cache.store(result, for: name)
        return result
    }

    /// Every alias with its canonical name, sorted by canonical name then alias.
    public var entries: [(alias: String, canonical: String)] {
        table.map { (alias: $0.key, canonical: $0.value) }
            .sorted { $0.canonical != $1.canonical ? $0.canonical < $1.canonical : $0.alias < $1.alias }
    }

    /// The aliases of a canonical name (`发改委` → `发展改革委`, `发展和改革委员会` …), sorted.
    public func aliases(of canonical: String) -> [String] {
        let target = self.canonical(canonical)
        return table.filter { $0.value == target && $0.key != target }.map(\.key).sorted()
    }

    /// Whether `name` is a known alias or canonical name (after prefix and note removal).
    public func isKnown(_ name: String) -> Bool {
        UnitNameKey.candidates(LineTextKey.compact(name)).contains { lookup[$0] != nil }
    }

    private func resolve(_ name: String) -> String {
        let candidates = UnitNameKey.candidates(LineTextKey.compact(name))
        for key in candidates {
            if let hit = lookup[key] { return hit }
        }
        return candidates.last ?? name
    }

    public static func == (a: UnitAliases, b: UnitAliases) -> Bool { a.table == b.table }
    public func hash(into hasher: inout Hasher) { hasher.combine(table) }
}

/// Space removal for keys, shared by the table and lookups.
enum LineTextKey {
    static func compact(_ s: String) -> String {
        s.contains(where: { $0 == " " || $0 == "\u{3000}" || $0 == "\t" || $0 == "\u{00A0}" })
            ? String(s.filter { $0 != " " && $0 != "\u{3000}" && $0 != "\t" && $0 != "\u{00A0}" }) : s
    }
}
