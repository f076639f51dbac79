/// The table rows a relation's rows come from, in order: a run of
/// consecutive rows (a whole table or dataset, kept as its bounds, so that
/// `tasks | count` builds nothing) or an explicit list (after a filter,
/// sort or explode).
struct RowIDs: RandomAccessCollection, Sendable {
    private enum Storage {
        case run(Int32)
        case list([Int32])
    }
    private let storage: Storage
    let count: Int

    /// Rows `rows` of the table.
    init(run rows: Range<Int>) {
        storage = .run(Int32(rows.lowerBound))
        count = rows.count
    }

    /// The rows `ids`, in that order.
    init(_ ids: [Int32]) {
        storage = .list(ids)
        count = ids.count
    }

    /// No rows: a relation of computed columns only.
    static let none = RowIDs([])

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    @inline(__always)
    subscript(position: Int) -> Int32 {
        switch storage {
        case .run(let start): start + Int32(truncatingIfNeeded: position)
        case .list(let ids): ids[position]
        }
    }

    /// The table rows at relation positions `range`, without copying a run.
    func slice(_ range: Range<Int>) -> RowIDs {
        switch storage {
        case .run(let start): RowIDs(run: (Int(start) + range.lowerBound)..<(Int(start) + range.upperBound))
        case .list(let ids): RowIDs(Array(ids[range]))
        }
    }

    /// The table row range, when the rows are one run.
    var run: Range<Int>? {
        if case .run(let start) = storage { return Int(start)..<(Int(start) + count) }
        return nil
    }
}
