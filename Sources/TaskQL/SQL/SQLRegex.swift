/// A TQL regular expression (``RegexParser``'s language) written as a
/// PostgreSQL advanced regular expression that matches the same texts, for
/// `matches` on the database. TQL's pattern is parsed, and each node is
/// spelt so that PostgreSQL cannot read it another way: `.` is `[^\n]`
/// (PostgreSQL's `.` matches a newline), `\d \w \s` become TQL's own
/// Unicode ranges (PostgreSQL's depend on the server's locale), groups do
/// not capture, every scalar that is not a letter or digit is escaped.
/// Laziness is dropped: it never changes whether a text matches.
enum SQLRegex {
    /// The pattern in PostgreSQL's syntax; nil (with why) when it has no
    /// faithful spelling there (a repeat bound over PostgreSQL's 255, a
    /// set mixing a negated class with other members).
    static func postgresPattern(_ pattern: String) -> Result<String, Failure> {
        guard let (node, _) = try? RegexParser.parse(pattern) else {
            return .failure(.doesNotCompile)
        }
        var out = ""
        do {
            try write(node, into: &out)
        } catch {
            return .failure(error)
        }
        return .success(out)
    }

    struct Failure: Error {
        var reason: String
        static let doesNotCompile = Failure(reason: "the pattern does not compile")
    }

    /// PostgreSQL's largest `{m,n}` bound (RE_DUP_MAX).
    static let maximumRepeat = 255

    private static func write(_ node: RegexNode, into out: inout String) throws(Failure) {
        switch node {
        case .empty: out += "(?:)"
        case .scalar(let s): out += literal(s)
        case .any: out += "[^\\n]"
        case .set(let set): out += try bracket(set)
        case .start: out += "^"
        case .end: out += "$"
        case .concat(let parts):
            for part in parts { try write(part, into: &out) }
        case .alternate(let branches):
            out += "(?:"
            for (i, branch) in branches.enumerated() {
                if i > 0 { out += "|" }
                try write(branch, into: &out)
            }
            out += ")"
        case .repeat(let inner, let min, let max, _):
            guard min <= maximumRepeat, (max ?? 0) <= maximumRepeat else {
                throw Failure(reason: "a repeat over \(maximumRepeat) (PostgreSQL's limit)")
            }
            out += "(?:"
            try write(inner, into: &out)
            out += ")"
            switch (min, max) {
            case (0, nil): out += "*"
            case (1, nil): out += "+"
            case (0, 1?): out += "?"
            case (let m, nil): out += "{\(m),}"
            case (let m, let n?) where m == n: out += "{\(m)}"
            case (let m, let n?): out += "{\(m),\(n)}"
            }
        case .group(_, let inner):
            out += "(?:"
            try write(inner, into: &out)
            out += ")"
        }
    }

    /// A scalar as itself when it is an ASCII letter or digit or beyond
    /// ASCII and printable, else as `\Uhhhhhhhh`, which PostgreSQL reads
    /// as that scalar inside and outside brackets.
    private static func literal(_ s: Unicode.Scalar) -> String {
        if s.isASCII
            ? (s.properties.isAlphabetic || ("0"..."9").contains(s))
            : !s.properties.isWhitespace
                && s.properties.generalCategory != .control && s.properties.generalCategory != .format
        {
            return String(s)
        }
        return escaped(s.value)
    }

    private static func escaped(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
    }

    private static func bracket(_ set: ScalarSet) throws(Failure) -> String {
        var ranges = set.ranges
        var negated = set.negated
        if set.builtins.contains(where: \.negated) {
            // `\D` alone is `[^digits]`; a negated class among other
            // members is a union PostgreSQL's brackets cannot spell.
            guard set.builtins.count == 1, set.ranges.isEmpty, !set.negated else {
                throw Failure(reason: "a set mixing \\D, \\W or \\S with other members")
            }
            negated = true
        }
        for (builtin, _) in set.builtins { ranges += Self.ranges(of: builtin) }
        guard !ranges.isEmpty else { return negated ? "(?:[^\\n]|\\n)" : "[^\\U00000000-\\U0010ffff]" }
        var out = negated ? "[^" : "["
        for range in ranges {
            out += escaped(range.lowerBound)
            if range.upperBound != range.lowerBound { out += "-" + escaped(range.upperBound) }
        }
        return out + "]"
    }

    /// The scalars TQL's `\d`, `\w`, `\s` match, as ranges (computed once).
    static func ranges(of builtin: ScalarSet.Builtin) -> [ClosedRange<UInt32>] {
        switch builtin {
        case .digit: digitRanges
        case .word: wordRanges
        case .space: spaceRanges
        }
    }

    private static let digitRanges = scan(.digit)
    private static let wordRanges = scan(.word)
    private static let spaceRanges = scan(.space)

    private static func scan(_ builtin: ScalarSet.Builtin) -> [ClosedRange<UInt32>] {
        var ranges: [ClosedRange<UInt32>] = []
        var start: UInt32?
        var last: UInt32 = 0
        for v in UInt32(0)...0x10FFFF {
            guard let s = Unicode.Scalar(v), builtin.contains(s) else { continue }
            if start != nil, v == last + 1 {
                last = v
            } else {
                if let first = start { ranges.append(first...last) }
                start = v
                last = v
            }
        }
        if let first = start { ranges.append(first...last) }
        return ranges
    }
}
