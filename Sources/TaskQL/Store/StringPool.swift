/// Interned strings: each distinct string is stored once and referred to by
/// an `Int32` id. Units, leaders, cities and sections repeat across hundreds
/// of thousands of rows; interning makes columns flat integer arrays and lets
/// a string predicate be decided once per distinct string instead of per row.
struct StringPool: Sendable {
    private(set) var strings: [String] = []
    private var ids: [String: Int32] = [:]

    /// The id for `s`, adding it when new.
    mutating func intern(_ s: String) -> Int32 {
        if let id = ids[s] { return id }
        let id = Int32(strings.count)
        strings.append(s)
        ids[s] = id
        return id
    }

    /// The id of `s` when present.
    func id(of s: String) -> Int32? { ids[s] }

    subscript(id: Int32) -> String { strings[Int(id)] }

    var count: Int { strings.count }
}

/// A list-valued column (leaders, lead_units, co_units): all items of all
/// rows in one flat array, row `i` owning `items[offsets[i]..<offsets[i+1]]`.
struct ListColumn: Sendable {
    var offsets: [Int32] = [0]
    var items: [Int32] = []

    mutating func append(_ row: [Int32]) {
        items.append(contentsOf: row)
        offsets.append(Int32(items.count))
    }

    @inline(__always) func range(_ row: Int) -> Range<Int> {
        Int(offsets[row])..<Int(offsets[row + 1])
    }
}
