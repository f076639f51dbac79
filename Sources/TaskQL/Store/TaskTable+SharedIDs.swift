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
    /// of them new; nil when every new row's id is unique.
    static func firstSharedID(_ sets: [RowSet]) -> SharedID? {
        var keyed: [(hash: Int, set: Int, row: Int)] = []
        keyed.reserveCapacity(sets.reduce(0) { $0 + $1.rows.count })
        for (index, set) in sets.enumerated() {
            for row in set.rows {
                var hasher = Hasher()
                set.table.ids.withBytes(row) { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
                keyed.append((hasher.finalize(), index, row))
            }
        }
        // Stable order within one hash: existing rows before new ones, new rows in load order.
        keyed.sort { ($0.hash, $0.set, $0.row) < ($1.hash, $1.set, $1.row) }
        var found: SharedID?
        var start = 0
        while start < keyed.count {
            var end = start + 1
            while end < keyed.count, keyed[end].hash == keyed[start].hash { end += 1 }
            if end - start > 1, let shared = sharedID(in: keyed[start..<end], sets),
                found.map({ shared.second < $0.second }) ?? true
            {
                found = shared
            }
            start = end
        }
        return found
    }

    /// Among rows of one hash, two with equal id bytes, the second new.
    private static func sharedID(in group: ArraySlice<(hash: Int, set: Int, row: Int)>, _ sets: [RowSet]) -> SharedID? {
        let members = Array(group)
        for j in members.indices where sets[members[j].set].isNew {
            for i in members.indices where i < j {
                let (a, b) = (members[i], members[j])
                if sets[a.set].table.ids.string(a.row) == sets[b.set].table.ids.string(b.row) {
                    return SharedID(
                        id: sets[b.set].table.ids.string(b.row) ?? "", first: (a.set, a.row), second: (b.set, b.row))
                }
            }
        }
        return nil
    }
}
