/// Interned strings: each distinct string is stored once and columns hold
/// its `Int32` id, so equality on a pooled column is an integer comparison
/// and a million rows of `海门` cost four bytes each.
struct StringPool: Sendable {
    /// The strings, indexed by id.
    private(set) var strings: [String] = []
    private var ids: [String: Int32] = [:]

    /// An empty pool.
    init() {}

    /// A pool of `strings`, ids in order; nil when one occurs twice.
    init?(strings: [String]) {
        ids.reserveCapacity(strings.count)
        for (id, string) in strings.enumerated() {
            guard ids.updateValue(Int32(id), forKey: string) == nil else { return nil }
        }
        self.strings = strings
    }

    /// The id of `string`, adding it when new.
    mutating func intern(_ string: String) -> Int32 {
        if let id = ids[string] { return id }
        let id = Int32(strings.count)
        strings.append(string)
        ids[string] = id
        return id
    }

    /// The id of `string` when it is in the pool.
    func id(of string: String) -> Int32? { ids[string] }

    /// The string with id `id`.
    subscript(id: Int32) -> String { strings[Int(id)] }

    /// Number of distinct strings.
    var count: Int { strings.count }

    /// For each id, its position when all strings are sorted by Unicode
    /// scalars (UTF-8 byte order), so sorting a pooled column compares ints.
    func sortRanks() -> [Int32] {
        let order = strings.indices.sorted { a, b in
            strings[a].utf8.lexicographicallyPrecedes(strings[b].utf8)
        }
        var ranks = [Int32](repeating: 0, count: strings.count)
        for (rank, id) in order.enumerated() { ranks[id] = Int32(rank) }
        return ranks
    }

    /// For each id, whether `predicate` holds for its string: evaluated once
    /// per distinct string instead of once per row.
    func mask<E: Error>(_ predicate: (String) throws(E) -> Bool) throws(E) -> [Bool] {
        var result = [Bool](repeating: false, count: strings.count)
        for (id, s) in strings.enumerated() { result[id] = try predicate(s) }
        return result
    }
}
