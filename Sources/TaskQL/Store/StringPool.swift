/// Interned strings: each distinct string is stored once and columns hold
/// its `Int32` id, so equality on a pooled column is an integer comparison
/// and a million rows of `海门` cost four bytes each.
///
/// Strings are found by their UTF-8 bytes in an open-addressing table of
/// byte hashes, so a dataset file's values are interned straight from the
/// file's bytes without a `String` per value (Swift's own `String` hashing
/// normalises every non-ASCII string first, which dominated loading). Byte
/// equality is the pool's equality: every string in it is in NFC
/// (``CanonicalText``), where canonically equivalent strings have equal bytes.
struct StringPool: Sendable {
    /// The strings, indexed by id.
    private(set) var strings: [String] = []
    /// Each string's ``ContentHash``, indexed by id (to grow the table).
    private var hashes: [UInt64] = []
    /// Open addressing: 0 empty, else 1 + the id; a power of two in size,
    /// at most half full.
    private var slots: [Int32] = [Int32](repeating: 0, count: 16)

    /// An empty pool.
    init() {}

    /// A pool of `strings`, ids in order; nil when one occurs twice.
    init?(strings: [String]) {
        for string in strings {
            // A new string gets the next id; a repeated one its first.
            guard intern(string) == Int32(self.strings.count - 1) else { return nil }
        }
    }

    /// The id of `string`, adding it when new.
    mutating func intern(_ string: String) -> Int32 {
        var string = string
        return string.withUTF8 { intern(utf8: $0) }
    }

    /// The id of the string of these UTF-8 bytes (valid UTF-8 in NFC),
    /// adding it when new.
    mutating func intern(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = ContentHash.of(UnsafeRawBufferPointer(bytes))
        let (slot, found) = find(bytes, hash)
        if let found { return found }
        let id = Int32(strings.count)
        strings.append(String(decoding: bytes, as: UTF8.self))
        hashes.append(hash)
        slots[slot] = id + 1
        if 2 * strings.count > slots.count { grow() }
        return id
    }

    /// The id of `string` when it is in the pool.
    func id(of string: String) -> Int32? {
        var string = string
        return string.withUTF8 { bytes in find(bytes, ContentHash.of(UnsafeRawBufferPointer(bytes))).found }
    }

    /// The slot holding these bytes (`found` their id), or the empty slot
    /// where they would go.
    private func find(_ bytes: UnsafeBufferPointer<UInt8>, _ hash: UInt64) -> (slot: Int, found: Int32?) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let id = Int(slots[slot] - 1)
            if hashes[id] == hash, Self.equal(strings[id], bytes) { return (slot, Int32(id)) }
            slot = (slot + 1) & mask
        }
        return (slot, nil)
    }

    private static func equal(_ string: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var string = string
        return string.withUTF8 { $0.elementsEqual(bytes) }
    }

    /// Doubles the table and puts every id back in it.
    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id) + 1
        }
    }

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
