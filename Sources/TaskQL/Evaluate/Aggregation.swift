/// One aggregate computed for every group at once.
///
/// Nulls are skipped. A list argument contributes its elements (so
/// `dcount(lead_units)` counts distinct units); unit names count by
/// canonical name in `dcount`. Empty groups give 0 for count/dcount, an
/// empty list for list, null otherwise.
final class Aggregation {
    private let function: AggregateFunction
    private let units: Bool
    private let aliases: UnitAliases
    private let span: SourceSpan
    private var counts: [Int]
    private var sums: [Double]
    private var intSums: [Int]
    private var isDecimal: [Bool]
    private var best: [Value]
    private var seen: [Set<Value>]
    private var lists: [[Value]]

    init(_ aggregate: CheckedAggregate, groups: Int, aliases: UnitAliases) {
        function = aggregate.function
        units = aggregate.argument?.isUnits ?? false
        self.aliases = aliases
        span = aggregate.span
        counts = [Int](repeating: 0, count: groups)
        let needs = { (f: [AggregateFunction]) in f.contains(aggregate.function) ? groups : 0 }
        sums = [Double](repeating: 0, count: needs([.sum, .avg]))
        intSums = [Int](repeating: 0, count: needs([.sum]))
        isDecimal = [Bool](repeating: false, count: needs([.sum]))
        best = [Value](repeating: .null, count: needs([.min, .max]))
        seen = [Set<Value>](repeating: [], count: needs([.dcount, .list]))
        lists = [[Value]](repeating: [], count: needs([.list]))
    }

    /// Adds one row's argument (`nil` for `count()`).
    func add(_ v: Value?, group g: Int) throws(RuntimeError) {
        guard let v else {
            counts[g] += 1
            return
        }
        if case .list(let items) = v, function != .count {
            for item in items { try addScalar(item, g) }
            return
        }
        try addScalar(v, g)
    }

    private func addScalar(_ v: Value, _ g: Int) throws(RuntimeError) {
        if v.isNull { return }
        counts[g] += 1
        switch function {
        case .count: break
        case .dcount, .list:
            let key = units ? Value.string(aliases.canonical(v.displayText)) : v
            if seen[g].insert(function == .list ? v : key).inserted, function == .list { lists[g].append(v) }
        case .sum, .avg: try addNumber(v, g)
        case .min, .max:
            if best[g].isNull {
                best[g] = v
            } else if let c = Value.compare(v, best[g]), function == .min ? c < 0 : c > 0 {
                best[g] = v
            }
        }
    }

    private func addNumber(_ v: Value, _ g: Int) throws(RuntimeError) {
        switch v {
        case .int(let i):
            sums[g] += Double(i)
            if function == .sum {
                // The same rule as `+`: an integer sum that overflows is an error, never a silent decimal.
                let (s, overflow) = intSums[g].addingReportingOverflow(i)
                guard !overflow else {
                    throw RuntimeError(
                        code: DiagnosticCode.runtimeType, message: "integer overflow in sum()", span: span)
                }
                intSums[g] = s
            }
        case .decimal(let d):
            sums[g] += d
            if function == .sum { isDecimal[g] = true }
        default:
            throw RuntimeError.type("\(function.rawValue) needs numbers, found \(v.valueType)", span)
        }
    }

    /// The aggregate's value for group `g`.
    func result(_ g: Int) -> Value {
        switch function {
        case .count: .int(counts[g])
        case .dcount: .int(seen[g].count)
        case .list: .list(lists[g])
        case .min, .max: best[g]
        case .sum: counts[g] == 0 ? .null : (isDecimal[g] ? .decimal(sums[g]) : .int(intSums[g]))
        case .avg: counts[g] == 0 ? .null : .decimal(sums[g] / Double(counts[g]))
        }
    }
}
