/// Aggregates allowed in `summarize`. Over list values (e.g.
/// `dcount(lead_units)`) they work on the elements: `dcount` counts distinct
/// elements, `list` collects them.
enum AggregateFunction: String, CaseIterable {
    case count, dcount, sum, avg, min, max, list

    var summary: String {
        switch self {
        case .count: "count() rows; count(x) rows where x is not null"
        case .dcount: "number of distinct values (list elements for list fields)"
        case .sum: "sum of numbers"
        case .avg: "average of numbers (decimal)"
        case .min: "smallest value"
        case .max: "largest value"
        case .list: "distinct values in first-seen order"
        }
    }

    func resultType(_ argument: ValueType?) -> ValueType {
        switch self {
        case .count, .dcount: .int
        case .sum: argument == .int ? .int : .decimal
        case .avg: .decimal
        case .min, .max:
            if case .list(let e)? = argument { e } else { argument ?? .any }
        case .list:
            if case .list(let e)? = argument { .list(e) } else { .list(argument ?? .any) }
        }
    }

    /// Folds the values of one group.
    func fold(_ values: [Value]) -> Value {
        var accumulator = AggregateAccumulator(self)
        for v in values { accumulator.add(v) }
        return accumulator.result
    }

    /// Non-null values, with list values replaced by their elements.
    static func flatten(_ values: [Value]) -> [Value] {
        var out: [Value] = []
        for v in values {
            switch v {
            case .null: continue
            case .list(let items): out.append(contentsOf: items.filter { !$0.isNull })
            default: out.append(v)
            }
        }
        return out
    }
}

/// Running state of one aggregate over one group, so that grouping a
/// million rows never keeps their values around.
struct AggregateAccumulator {
    let function: AggregateFunction
    private var count = 0
    private var intSum = 0
    private var sum = 0.0
    private var allInts = true
    private var best: Value?
    private var seen = Set<Value>()
    private var ordered: [Value] = []

    init(_ function: AggregateFunction) { self.function = function }

    mutating func add(_ v: Value) {
        switch function {
        case .count: if !v.isNull { count += 1 }
        case .dcount, .list:
            for item in AggregateFunction.flatten([v]) where seen.insert(item).inserted {
                if function == .list { ordered.append(item) }
            }
        case .sum, .avg:
            guard let x = v.numeric else { return }
            count += 1
            sum += x
            if case .int(let i) = v { intSum &+= i } else { allInts = false }
        case .min, .max:
            for item in AggregateFunction.flatten([v]) {
                guard let current = best else { best = item; continue }
                let c = Value.order(item, current)
                if (function == .min && c < 0) || (function == .max && c > 0) { best = item }
            }
        }
    }

    var result: Value {
        switch function {
        case .count: .int(count)
        case .dcount: .int(seen.count)
        case .list: .list(ordered)
        case .sum: count == 0 ? .null : (allInts ? .int(intSum) : .decimal(sum))
        case .avg: count == 0 ? .null : .decimal(sum / Double(count))
        case .min, .max: best ?? .null
        }
    }
}
