/// A column of string lists (leaders, lead units, co-units) stored flat:
/// all rows' pooled ids in one array, with `offsets[row]..<offsets[row + 1]`
/// marking each row's slice. No per-row array allocations.
struct ListColumn: Sendable {
    /// Pooled string ids of every row, concatenated.
    private(set) var ids: [Int32] = []
    /// `offsets[row]` is where row's ids start; one extra entry at the end.
    private(set) var offsets: [Int32] = [0]

    /// An empty column.
    init() {}

    /// A column of `offsets.count - 1` rows from its parts, when they fit
    /// together (offsets from 0 to the id count, never decreasing) and every
    /// id is below `idLimit` and not negative; nil otherwise.
    init?(ids: [Int32], offsets: [Int32], idLimit: Int) {
        guard offsets.first == 0, offsets.last.map(Int.init) == ids.count else { return nil }
        var previous: Int32 = 0
        for offset in offsets.dropFirst() {
            guard offset >= previous else { return nil }
            previous = offset
        }
        guard ids.allSatisfy({ $0 >= 0 && Int($0) < idLimit }) else { return nil }
        self.ids = ids
        self.offsets = offsets
    }

    /// Appends one row's list.
    mutating func append(_ rowIDs: some Sequence<Int32>) {
        ids.append(contentsOf: rowIDs)
        endRow()
    }

    /// Appends one element to the row being built (ended by ``endRow()``).
    mutating func appendElement(_ id: Int32) { ids.append(id) }

    /// Ends the row whose elements were appended since the last one ended.
    mutating func endRow() { offsets.append(Int32(ids.count)) }

    /// Appends rows `rows` of `other`, each id through `translation`
    /// (indexed by `other`'s pool id).
    mutating func append(rows: Range<Int>, of other: ListColumn, translation: [Int32]) {
        guard !rows.isEmpty else { return }
        let first = Int(other.offsets[rows.lowerBound])
        let shift = Int32(ids.count) - Int32(first)
        ids.append(contentsOf: other.ids[first..<Int(other.offsets[rows.upperBound])].lazy.map { translation[Int($0)] })
        offsets.append(contentsOf: other.offsets[(rows.lowerBound + 1)...rows.upperBound].lazy.map { $0 + shift })
    }

    /// Makes room for `rows` rows in all and `elements` more ids.
    mutating func reserveCapacity(rows: Int, elements: Int) {
        offsets.reserveCapacity(rows + 1)
        ids.reserveCapacity(ids.count + elements)
    }

    /// The ids of `row`.
    @inline(__always)
    func elements(_ row: Int) -> ArraySlice<Int32> {
        ids[Int(offsets[row])..<Int(offsets[row + 1])]
    }

    /// Number of elements of `row`.
    @inline(__always)
    func count(_ row: Int) -> Int { Int(offsets[row + 1] - offsets[row]) }

    /// Whether any element of `row` satisfies `mask` (indexed by pool id).
    @inline(__always)
    func any(_ row: Int, in mask: [Bool]) -> Bool {
        var i = Int(offsets[row])
        let end = Int(offsets[row + 1])
        while i < end {
            if mask[Int(ids[i])] { return true }
            i += 1
        }
        return false
    }
}
