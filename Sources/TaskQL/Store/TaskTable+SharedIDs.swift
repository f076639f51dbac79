/// Finding a task id held by two rows, without a `String` per row: rows are
/// sorted by a hash of their id bytes and only equal hashes are compared.
extension TaskTable {
    /// Rows of one table, for ``firstSharedID(_:)``.
    struct RowSet {
        var table: TaskTable
        var rows: [Int]
        /// Whether a shared id counts only when one of its rows is from here.
        var isNew: Bool
    }

    /// Where an id was found twice.
    struct SharedID {
        var id: String
        /// The two rows, as (index into the row sets, row of that table);
        /// the second is a new row.
        var first: (set: Int, row: Int)
        var second: (set: Int, row: Int)
    }

    /// The first id (in the order of the new rows) that two rows share, one
    /// of them new; nil when every new row's id is unique. One pass in
    /// order, existing rows first, through an open-addressing table of id
    /// hashes: a new row whose id is in the table already is the answer.
    static func firstSharedID(_ sets: [RowSet]) -> SharedID? {
        let total = sets.reduce(0) { $0 + $1.rows.count }
        var capacity = 16
        while capacity < 2 * total { capacity <<= 1 }
        let mask = capacity - 1
        // Each slot: 0 when empty, else 1 + the index of its entry.
        var slots = [Int](repeating: 0, count: capacity)
        var hashes = [UInt64](repeating: 0, count: capacity)
        var entries: [(set: Int, row: Int)] = []
        entries.reserveCapacity(total)
        for (index, set) in sets.enumerated() {
            for row in set.rows {
                let hash = set.table.ids.withBytes(row) { ContentHash.of(UnsafeRawBufferPointer($0)) }
                var slot = Int(truncatingIfNeeded: hash) & mask
                while slots[slot] != 0 {
                    let held = entries[slots[slot] - 1]
                    if hashes[slot] == hash, sets[held.set].table.ids.compare(held.row, set.table.ids, row) == 0 {
                        guard set.isNew else { break }  // two existing rows: not this load's concern
                        return SharedID(
                            id: set.table.ids.string(row) ?? "", first: (held.set, held.row), second: (index, row))
                    }
                    slot = (slot + 1) & mask
                }
                if slots[slot] == 0 {
                    entries.append((index, row))
                    slots[slot] = entries.count
                    hashes[slot] = hash
                }
            }
        }
        return nil
    }
}
