/// A condition evaluated over a run of relation positions at once: writes
/// the truth of each position `p` in `positions` (0 false, 1 true,
/// 2 unknown) to `out[p - positions.lowerBound]`, in one loop over a column
/// with no call per row. Only conditions that cannot fail get one, so
/// evaluating rows an earlier conjunct ruled out changes no answer or error.
typealias TruthKernel = (_ positions: Range<Int>, _ out: UnsafeMutablePointer<UInt8>) -> Void

/// One test of ``PipelineRunner/keptRows(_:_:tests:)``: its per-row
/// function, and the same condition as a kernel where there is one.
struct RowTest {
    var row: TruthFunction
    var kernel: TruthKernel? = nil
}

// Kernels for the commonest filters on big tables: a due date against a
// date (a range of day numbers), a pooled string field against a constant
// (a table lookup by pool id), and `contains` on a text column (one byte
// search over the whole run of rows). Each is the same definition as its
// closure in ExprCompiler+FastPaths.swift: one on integers, one on the mask
// that closure uses, one on the same ByteSearch; all checked against them
// by FastPathDifferentialTests.
extension ExprCompiler {
    /// The test for condition `e`, with a kernel when it has one.
    func rowTest(_ e: CheckedExpr) throws(RuntimeError) -> RowTest {
        RowTest(row: try truth(e), kernel: try truthKernel(e))
    }

    private func truthKernel(_ e: CheckedExpr) throws(RuntimeError) -> TruthKernel? {
        guard case .binary(let op, let l, let r) = e.kind, case .column(let c) = l.kind, let k = constant(r),
            !k.isNull, case .field(let field) = relation.columns[c]
        else { return nil }
        if field == .due, case .date(let d) = k { return dayKernel(op, d.daysSinceEpoch) }
        if op == .contains, case .string(let needle) = k, let column = table.textColumn(field) {
            // An ASCII needle is searched in the column's ASCII projection.
            let isASCII = needle.utf8.allSatisfy { $0 < 0x80 }
            let haystack = isASCII ? table.asciiProjections[field] ?? column : column
            return containsKernel(column, haystack, ByteSearch(needle, frequencies: table.textByteFrequencies))
        }
        if let ids = table.pooledColumn(field), let mask = try scalarMask(op, k, units: l.isUnits, e.span) {
            // Indexed by pool id + 1: the null id (-1) reads "unknown".
            let truths = [2 as UInt8] + mask.map { $0 ? 1 : 0 }
            return gatherKernel(ids) { id in truths[Int(id) &+ 1] }
        }
        return nil
    }

    /// `due op day` as "day number in lo…hi" (`!=`: outside it).
    private func dayKernel(_ op: BinaryOperator, _ day: Int32) -> TruthKernel? {
        let (lo, hi, outside): (Int32, Int32, Bool)
        switch op {
        case .equal: (lo, hi, outside) = (day, day, false)
        case .notEqual: (lo, hi, outside) = (day, day, true)
        case .less: (lo, hi, outside) = (TaskTable.nullDay + 1, day - 1, false)
        case .lessOrEqual: (lo, hi, outside) = (TaskTable.nullDay + 1, day, false)
        case .greater: (lo, hi, outside) = (day + 1, .max, false)
        case .greaterOrEqual: (lo, hi, outside) = (day, .max, false)
        default: return nil
        }
        let width = UInt32(bitPattern: hi &- lo)
        let flip: UInt8 = outside ? 1 : 0
        return gatherKernel(table.dues) { d in
            // One unsigned comparison for lo <= d <= hi; null days read 2.
            let inside: UInt8 = UInt32(bitPattern: d &- lo) <= width ? 1 : 0
            return d == TaskTable.nullDay ? 2 : inside ^ flip
        }
    }

    /// `column contains needle` over a run of rows: the rows' bytes (of
    /// `haystack`, the column or its ASCII projection) are one buffer,
    /// searched from match to match, never row by row (rows listed one by
    /// one, after a filter or sort, use the per-row test).
    private func containsKernel(_ column: TextColumn, _ haystack: TextColumn, _ search: ByteSearch) -> TruthKernel? {
        guard let run = relation.rowIDs.run else { return nil }
        return { positions, out in
            let rows = (run.lowerBound + positions.lowerBound)..<(run.lowerBound + positions.upperBound)
            // Null rows are unknown; the empty needle is in every other row.
            let otherwise: UInt8 = search.needle.isEmpty ? 1 : 0
            for row in rows { out[row - rows.lowerBound] = column.isNull(row) ? 2 : otherwise }
            if search.needle.isEmpty { return }
            haystack.forEachRow(in: rows, containing: search) { out[$0 - rows.lowerBound] = 1 }
        }
    }

    /// A kernel reading `column` at each position's table row through
    /// `truth`, specialised for a run of rows (no row list to read).
    private func gatherKernel(_ column: [Int32], _ truth: @escaping (Int32) -> UInt8) -> TruthKernel {
        let rowIDs = relation.rowIDs
        return { positions, out in
            column.withUnsafeBufferPointer { values in
                if let run = rowIDs.run {
                    let offset = run.lowerBound
                    for p in positions { out[p - positions.lowerBound] = truth(values[offset + p]) }
                } else {
                    for p in positions { out[p - positions.lowerBound] = truth(values[Int(rowIDs[p])]) }
                }
            }
        }
    }
}
