@testable import TaskQL

/// Random well-typed TQL pipelines as source text: the generator tracks the
/// columns (names and types) each stage passes on and draws every
/// expression for a type it can produce, with constants from the data's own
/// vocabulary so conditions keep some rows and drop others.
struct QueryGenerator {
    enum Kind: Equatable { case text, int, decimal, date, bool, texts }

    struct Column: Equatable {
        var name: String
        var kind: Kind
        var isUnits = false
    }

    /// A deterministic random source (PCG-style LCG), so a failure names a
    /// seed that reproduces it.
    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            var x = state
            x ^= x >> 33
            x = x &* 0xff51_afd7_ed55_8ccd
            return x ^ (x >> 33)
        }
    }

    var random: Random
    let vocabulary: [String]
    let sources: [String]
    private var fresh = 0

    init(seed: UInt64, vocabulary: [String], sources: [String]) {
        random = Random(state: seed)
        self.vocabulary = vocabulary
        self.sources = sources
    }

    static let base: [Column] = TaskField.standardColumns.map { f in
        let kind: Kind =
            switch f.type {
            case .int: .int
            case .date: .date
            case .list: .texts
            default: .text
            }
        return Column(name: f.name, kind: kind, isUnits: f.isUnits)
    }

    // MARK: Pipelines

    mutating func query() -> String {
        var columns = Self.base
        var parts = [pick(sources)]
        for _ in 0..<int(1...4) {
            let (stage, next) = stage(columns)
            parts.append(stage)
            columns = next
        }
        return parts.joined(separator: " | ")
    }

    private mutating func stage(_ columns: [Column]) -> (String, [Column]) {
        switch int(0...15) {
        case 0, 1, 2, 3: return ("where " + bool(columns, depth: 0), columns)
        case 4: return ("sort by " + sortKeys(columns), columns)
        case 5: return (pick(["take", "skip"]) + " \(int(0...40))", columns)
        case 6: return ("top \(int(0...12)) by " + sortKeys(columns), columns)
        case 7:
            let (text, column) = assignment(columns)
            return ("extend " + text, columns.filter { $0.name != column.name } + [column])
        case 8: return select(columns)
        case 9: return ("count", [Column(name: "count", kind: .int)])
        case 10, 11: return grouping("count by", columns, counts: true)
        case 12: return summarize(columns)
        case 13: return grouping("distinct", columns, counts: false)
        case 14: return explode(columns) ?? ("where " + bool(columns, depth: 0), columns)
        default: return ("search " + quoted(word()), columns)
        }
    }

    private mutating func sortKeys(_ columns: [Column]) -> String {
        let keys = (0..<int(1...2)).map { _ in
            let c = pick(columns)
            return c.name + (bool() ? " desc" : bool() ? " asc" : "")
        }
        return keys.joined(separator: ", ")
    }

    private mutating func assignment(_ columns: [Column]) -> (String, Column) {
        let kind = pick([Kind.text, .int, .bool, .date, .texts, .decimal])
        let name = newName()
        return ("\(name) = \(expr(kind, columns, depth: 0))", Column(name: name, kind: kind))
    }

    private mutating func projection(_ columns: [Column]) -> (String, Column) {
        let kind = pick([Kind.text, .int, .bool, .date, .texts, .decimal])
        let name = newName()
        return ("\(expr(kind, columns, depth: 0)) as \(name)", Column(name: name, kind: kind))
    }

    private mutating func select(_ columns: [Column]) -> (String, [Column]) {
        var out: [Column] = []
        var items: [String] = []
        for _ in 0..<int(1...3) {
            if bool() {
                let c = pick(columns)
                guard !out.contains(where: { $0.name == c.name }) else { continue }
                out.append(c)
                items.append(c.name)
            } else {
                let (text, column) = projection(columns)
                out.append(column)
                items.append(text)
            }
        }
        if items.isEmpty {
            out = [columns[0]]
            items = [columns[0].name]
        }
        return ("select " + items.joined(separator: ", "), out)
    }

    private mutating func grouping(_ keyword: String, _ columns: [Column], counts: Bool) -> (String, [Column]) {
        var keys: [Column] = []
        var items: [String] = []
        for _ in 0..<int(1...2) {
            let c = pick(columns)
            if bool(), !keys.contains(where: { $0.name == c.name }), c.kind != .decimal {
                keys.append(c)
                items.append(c.name)
            } else {
                let kind = pick([Kind.text, .int, .bool, .date])
                let name = newName()
                keys.append(Column(name: name, kind: kind))
                items.append("\(expr(kind, columns, depth: 1)) as \(name)")
            }
        }
        if counts { keys.append(Column(name: "count", kind: .int)) }
        return ("\(keyword) " + items.joined(separator: ", "), keys)
    }

    private mutating func summarize(_ columns: [Column]) -> (String, [Column]) {
        var out: [Column] = []
        var aggregates: [String] = []
        for _ in 0..<int(1...3) {
            let name = newName()
            let c = pick(columns)
            switch int(0...6) {
            case 0:
                aggregates.append("\(name) = count()")
                out.append(Column(name: name, kind: .int))
            case 1:
                aggregates.append("\(name) = count(\(c.name))")
                out.append(Column(name: name, kind: .int))
            case 2:
                aggregates.append("\(name) = dcount(\(c.name))")
                out.append(Column(name: name, kind: .int))
            case 3:
                let n = expr(.int, columns, depth: 2)
                aggregates.append("\(name) = \(pick(["sum", "avg", "min", "max"]))(\(n))")
                out.append(Column(name: name, kind: .decimal))
            case 4 where c.kind != .texts && c.kind != .bool:
                aggregates.append("\(name) = \(pick(["min", "max"]))(\(c.name))")
                out.append(Column(name: name, kind: c.kind))
            case 5 where c.kind == .text || c.kind == .texts:
                aggregates.append("\(name) = list(\(c.name))")
                out.append(Column(name: name, kind: .texts))
            default:
                aggregates.append("\(name) = count()")
                out.append(Column(name: name, kind: .int))
            }
        }
        var text = "summarize " + aggregates.joined(separator: ", ")
        let keys = columns.filter { $0.kind != .decimal }
        if !keys.isEmpty, bool() {
            let key = pick(keys)
            text += " by \(key.name)"
            out.insert(key, at: 0)
        }
        return (text, out)
    }

    private mutating func explode(_ columns: [Column]) -> (String, [Column])? {
        let lists = columns.filter { $0.kind == .texts }
        guard !lists.isEmpty else { return nil }
        let c = pick(lists)
        if bool() {
            let name = newName()
            return ("explode \(c.name) as \(name)", columns + [Column(name: name, kind: .text, isUnits: c.isUnits)])
        }
        return (
            "explode \(c.name)",
            columns.map { $0.name == c.name ? Column(name: c.name, kind: .text, isUnits: c.isUnits) : $0 }
        )
    }

    // MARK: Expressions

    mutating func expr(_ kind: Kind, _ columns: [Column], depth: Int) -> String {
        let ofKind = columns.filter { $0.kind == kind }
        if !ofKind.isEmpty, int(0...2) == 0 || depth > 2 { return pick(ofKind).name }
        switch kind {
        case .bool: return bool(columns, depth: depth)
        case .text: return text(columns, depth: depth)
        case .int: return integer(columns, depth: depth)
        case .decimal: return "\(integer(columns, depth: depth + 1)) / \(pick(["2", "3", "0.5", "4"]))"
        case .date:
            let dates = columns.filter { $0.kind == .date }
            if let d = dates.first, bool() { return "\(d.name) + \(int(-40...40))" }
            return pick(["2020-06-30", "2020-12-31", "2021-01-01", "date(\"2020-06-30\")", "2019-02-28"])
        case .texts:
            let lists = columns.filter { $0.kind == .texts }
            if let l = lists.first, bool() { return pick(["unit(\(l.name))", l.name]) }
            return "[" + (0..<int(0...3)).map { _ in quoted(word()) }.joined(separator: ", ") + "]"
        }
    }

    mutating func bool(_ columns: [Column], depth: Int) -> String {
        let texts = columns.filter { $0.kind == .text }
        let lists = columns.filter { $0.kind == .texts }
        let ints = columns.filter { $0.kind == .int }
        let dates = columns.filter { $0.kind == .date }
        switch depth > 2 ? int(0...7) : int(0...11) {
        case 0...1 where !texts.isEmpty:
            let op = pick(["==", "!=", "<", "<=", ">", ">=", "contains", "startswith", "endswith", "contains"])
            return "\(pick(texts).name) \(op) \(quoted(word()))"
        case 2 where !texts.isEmpty:
            return "\(pick(texts).name) matches \(quoted(pick(Self.patterns)))"
        case 3 where !lists.isEmpty:
            let l = pick(lists)
            switch int(0...5) {
            case 0: return "\(l.name) has \(quoted(word()))"
            case 1: return "\(quoted(word())) in \(l.name)"
            case 2: return "\(l.name) == [\(quoted(word()))]"
            case 3: return "\(l.name) \(pick(["contains", "startswith", "endswith"])) \(quoted(word()))"
            case 4: return "\(l.name) \(pick(["in", "not in"])) [\(quoted(word())), \(quoted(word()))]"
            default: return "\(l.name) \(pick(["==", "!="])) \(quoted(word()))"
            }
        case 4 where !texts.isEmpty:
            let list = (0..<int(0...3)).map { _ in quoted(word()) }.joined(separator: ", ")
            return "\(pick(texts).name) \(pick(["in", "not in"])) [\(list)]"
        case 5:
            let c = pick(columns)
            return "\(c.name) is \(bool() ? "not " : "")null"
        case 6 where !ints.isEmpty || !dates.isEmpty:
            let useDates = ints.isEmpty || (!dates.isEmpty && bool())
            let op = pick(["==", "!=", "<", "<=", ">", ">="])
            if useDates { return "\(pick(dates).name) \(op) \(expr(.date, columns, depth: depth + 1))" }
            return "\(pick(ints).name) \(op) \(int(-1...2021))"
        case 7:
            let kind = pick([Kind.int, .text, .date])
            let op = pick(["==", "!=", "<", ">="])
            return "\(expr(kind, columns, depth: depth + 1)) \(op) \(expr(kind, columns, depth: depth + 1))"
        case 8:
            return "(\(bool(columns, depth: depth + 1)) \(pick(["and", "or"])) \(bool(columns, depth: depth + 1)))"
        case 9: return "not (\(bool(columns, depth: depth + 1)))"
        case 10:
            return
                "len(\(expr(pick([.text, .texts]), columns, depth: depth + 1))) \(pick([">", "==", "<="])) \(int(0...12))"
        default: return pick(["true", "false", "null is null"])
        }
    }

    mutating func text(_ columns: [Column], depth: Int) -> String {
        let lists = columns.filter { $0.kind == .texts }
        switch int(0...9) {
        case 0, 1: return quoted(word())
        case 2: return "\(pick(["lower", "upper", "trim"]))(\(expr(.text, columns, depth: depth + 1)))"
        case 3: return "substr(\(expr(.text, columns, depth: depth + 1)), \(int(-1...4)), \(int(0...6)))"
        case 4: return "\(expr(.text, columns, depth: depth + 1)) + \(quoted(word()))"
        case 5: return "string(\(expr(pick([.int, .date, .texts, .bool]), columns, depth: depth + 1)))"
        case 6: return "coalesce(\(expr(.text, columns, depth: depth + 1)), \(quoted(word())))"
        case 7 where !lists.isEmpty: return "first(\(pick(lists).name))"
        case 8 where !lists.isEmpty: return "join(\(pick(lists).name), \(quoted(pick(["、", ",", ""]))))"
        default:
            let units = columns.filter { $0.isUnits && $0.kind == .text }
            if let u = units.first { return "unit(\(u.name))" }
            return quoted(word())
        }
    }

    mutating func integer(_ columns: [Column], depth: Int) -> String {
        let dates = columns.filter { $0.kind == .date }
        switch int(0...6) {
        case 0: return "\(int(-3...30))"
        case 1: return "len(\(expr(pick([.text, .texts]), columns, depth: depth + 1)))"
        case 2 where !dates.isEmpty: return "\(pick(["year", "month", "day", "days"]))(\(pick(dates).name))"
        case 3 where !dates.isEmpty: return "days(\(pick(dates).name), 2020-12-31)"
        case 4:
            let op = pick(["+", "-", "*"])
            return "(\(expr(.int, columns, depth: depth + 1)) \(op) \(expr(.int, columns, depth: depth + 1)))"
        default: return "\(int(0...2021))"
        }
    }

    static let patterns = ["^推进", "[0-9]+", "5[Gg]", "网络$", "^$", "(建设|改造)", "é", "\\d{3}", "[^a-z]+", "."]

    // MARK: Drawing

    private mutating func word() -> String { pick(vocabulary) }

    private mutating func newName() -> String {
        fresh += 1
        return "c\(fresh)"
    }

    private mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    private mutating func bool() -> Bool { Bool.random(using: &random) }
    private mutating func pick<T>(_ xs: [T]) -> T { xs.randomElement(using: &random)! }

    /// A TQL string literal: quotes and backslashes escaped, and combining
    /// marks and compatibility ideographs written as `\u{…}` so the query
    /// text itself shows which spelling is meant.
    func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _
            where scalar.properties.canonicalCombiningClass != .notReordered || (0xF900...0xFAFF).contains(scalar.value):
                out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
