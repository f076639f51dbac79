/// Scalar functions on values. Null in gives null out (except `coalesce`,
/// `len` and `string`, which say what they do with null).
struct ScalarFunctions: Sendable {
    let aliases: UnitAliases
    /// The date `today()`, `overdue` … count from: fixed for a whole query.
    let today: CivilDate

    func apply(_ f: ScalarFunction, _ args: [Value], span: SourceSpan) throws(RuntimeError) -> Value {
        switch f {
        case .coalesce: return args.first { !$0.isNull } ?? .null
        case .today: return .date(today)
        case .string: return args[0].isNull ? .null : .string(CanonicalText.nfc(args[0].displayText))
        case .len:
            switch args[0] {
            case .string(let s): return .int(s.unicodeScalars.count)
            case .list(let items): return .int(items.count)
            case .null: return .null
            default: throw RuntimeError.type("len needs text or a list, found \(args[0].valueType)", span)
            }
        default:
            if args.contains(where: \.isNull) { return .null }
            return try applyToValues(f, args, span)
        }
    }

    private func applyToValues(_ f: ScalarFunction, _ args: [Value], _ span: SourceSpan) throws(RuntimeError)
        -> Value
    {
        switch (f, args[0]) {
        case (.lower, .string(let s)): return .string(CanonicalText.nfc(s.lowercased()))
        case (.upper, .string(let s)): return .string(CanonicalText.nfc(s.uppercased()))
        case (.trim, .string(let s)): return .string(Self.trimmed(s))
        case (.unit, _): return try unit(args[0], span)
        case (.year, .date(let d)): return .int(d.year)
        case (.month, .date(let d)): return .int(d.month)
        case (.day, .date(let d)): return .int(d.day)
        case (.days, .date(let d)):
            guard args.count == 2 else { return .int(Int(d.daysSinceEpoch)) }
            guard case .date(let to) = args[1] else { break }
            return .int(Int(to.daysSinceEpoch) - Int(d.daysSinceEpoch))
        case (.date, .string(let s)): return CivilDate(iso: s).map(Value.date) ?? .null
        case (.join, .list(let items)):
            guard case .string(let separator) = args[1] else { break }
            return .string(
                CanonicalText.nfc(items.filter { !$0.isNull }.map(\.displayText).joined(separator: separator)))
        case (.first, .list(let items)): return items.first ?? .null
        case (.substr, .string(let s)): return try substring(s, args, span)
        case (.int, _): return Self.integer(args[0]) ?? .null
        case (.number, _): return Self.decimal(args[0]) ?? .null
        case (.extract, .string):
            guard case .string(let pattern) = args[1] else { break }
            let captures = RegexCaptures(program: try ExprCompiler.program(pattern, span))
            // `Value?.none`, not `nil`: a nil literal would be `Value.null`.
            let group: Value? = args.count == 3 ? .some(args[2]) : .none
            return try ExprCompiler.extract(args[0], captures, group, span, span)
        case (.daysLeft, .date(let d)): return .int(Int(d.daysSinceEpoch) - Int(today.daysSinceEpoch))
        case (.overdue, .date(let d)): return .bool(d < today)
        case (.dueWithin, .date(let d)):
            guard case .int(let n) = args[1] else { break }
            let left = Int(d.daysSinceEpoch) - Int(today.daysSinceEpoch)
            return .bool(left >= 0 && left <= n)
        case (.light, .date(let d)):
            var window = ScalarFunction.defaultWarningDays
            if args.count == 2 {
                guard case .int(let n) = args[1] else { break }
                window = n
            }
            let left = Int(d.daysSinceEpoch) - Int(today.daysSinceEpoch)
            return .string(left < 0 ? "red" : left <= window ? "yellow" : "green")
        default: break
        }
        throw RuntimeError.type(
            "wrong arguments: \(f.signature); found \(args.map { "\($0.valueType)" }.joined(separator: ", "))", span)
    }

    /// Canonical unit name(s): a list keeps its order, without repeats.
    private func unit(_ v: Value, _ span: SourceSpan) throws(RuntimeError) -> Value {
        switch v {
        case .string(let s): return .string(aliases.canonical(s))
        case .list(let items):
            var seen = Set<String>()
            var out: [Value] = []
            for case .string(let s) in items where seen.insert(aliases.canonical(s)).inserted {
                out.append(.string(aliases.canonical(s)))
            }
            return .list(out)
        default: throw RuntimeError.type("unit needs a unit name or a list of them, found \(v.valueType)", span)
        }
    }

    private func substring(_ s: String, _ args: [Value], _ span: SourceSpan) throws(RuntimeError) -> Value {
        guard case .int(let start) = args[1] else { throw RuntimeError.type("substr needs an integer start", span) }
        var length = Int.max
        if args.count == 3 {
            guard case .int(let n) = args[2] else { throw RuntimeError.type("substr needs an integer length", span) }
            length = max(0, n)
        }
        let scalars = Array(s.unicodeScalars)
        let from = min(max(0, start), scalars.count)
        let to = from + min(length, scalars.count - from)
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[from..<to])
        return .string(String(out))
    }

    /// `int`: a whole number written as text (Arabic or full-width digits,
    /// with a sign; a Chinese numeral), inside one pair of brackets or
    /// before an enumeration comma as 序号 are printed (`（三）`, `3、`); a
    /// decimal truncated toward zero; nil for anything else.
    static func integer(_ v: Value) -> Value? {
        switch v {
        case .int: return v
        case .decimal(let d):
            guard d.isFinite, d > -9.2e18, d < 9.2e18 else { return nil }
            return .int(Int(d))
        case .string(let s):
            var text = Substring(trimmed(s))
            while let last = text.last, "、.．。".contains(last) { text = text.dropLast() }
            for (open, close) in [("（", "）"), ("(", ")"), ("〔", "〕"), ("[", "]")]
            where text.hasPrefix(open) && text.hasSuffix(close) && text.count >= 2 {
                text = text.dropFirst().dropLast()
                break
            }
            let negative = text.hasPrefix("-") || text.hasPrefix("－")
            if negative { text = text.dropFirst() }
            guard let value = ChineseNumerals.value(of: text) else { return nil }
            return .int(negative ? -value : value)
        default: return nil
        }
    }

    /// `number`: a decimal written as text (Arabic or full-width digits with
    /// a sign, a decimal point and thousands separators in threes, as
    /// tables print amounts: `1,200`), or a whole number as `int` reads it.
    static func decimal(_ v: Value) -> Value? {
        switch v {
        case .int(let n): return .decimal(Double(n))
        case .decimal: return v
        case .string(let s):
            if case .int(let n)? = integer(v) { return .decimal(Double(n)) }
            var ascii = ""
            for c in trimmed(s).unicodeScalars {
                // Full-width digits, point, comma and minus fold to ASCII.
                let folded = (0xFF0C...0xFF19).contains(c.value) ? Unicode.Scalar(c.value - 0xFEE0)! : c
                ascii.unicodeScalars.append(folded)
            }
            guard let number = Self.plainDecimal(ascii) else { return nil }
            return .decimal(number)
        default: return nil
        }
    }

    /// `-1,234.5`-shaped text: digits, separators only between groups of three.
    private static func plainDecimal(_ text: String) -> Double? {
        var body = Substring(text)
        let negative = body.first == "-"
        if negative || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty || parts.count == 2 else { return nil }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        let digits = { (s: Substring) in s.allSatisfy { $0.isASCII && $0.isNumber } }
        guard groups.allSatisfy(digits), !(parts.count == 2 && (parts[1].isEmpty || !digits(parts[1]))) else {
            return nil
        }
        if groups.count > 1 {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                return nil
            }
        }
        guard let value = Double(groups.joined() + (parts.count == 2 ? "." + parts[1] : "")), value.isFinite else {
            return nil
        }
        return negative ? -value : value
    }

    /// Trims white space including the ideographic space U+3000.
    static func trimmed(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
