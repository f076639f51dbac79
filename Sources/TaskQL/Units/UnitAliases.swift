/// Canonical names for government units, so that `发改委`, `市发展改革委`,
/// `发展改革委` and `市发展和改革委员会` are one unit.
///
/// A built-in table covers the common departments; users extend it with a
/// plain file (see the README). Matching never merges distinct organs.
public struct UnitAliases: Sendable, Hashable {
    /// alias → canonical name
    var table: [String: String]

    /// An alias table from explicit pairs.
    public init(pairs: [(alias: String, canonical: String)]) {
        var t: [String: String] = [:]
        for p in pairs { t[p.alias] = p.canonical }
        table = t
    }

    /// Adds or replaces an alias.
    public mutating func add(alias: String, canonical: String) {
        table[alias] = canonical
    }

    /// The canonical name of a unit as printed (`市发展改革委(铁办)` → `发改委`).
    public func canonical(_ name: String) -> String {
        table[name] ?? name
    }
}
