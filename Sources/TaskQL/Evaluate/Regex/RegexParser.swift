/// Parses the regular expressions `matches` accepts: literals, `.`,
/// `[…]` sets with ranges and `^`, `\d \w \s` (and upper-case negations),
/// escapes, `^ $`, capturing groups `( )` and plain ones `(?: )`, `|`,
/// `* + ? {n} {n,} {n,m}`, each lazy with a trailing `?` (which only
/// changes the part `extract` reports).
///
/// Nesting is limited (``maximumNesting``): the parser, the emitter and the
/// tree's own deallocation recurse on it, and a pattern of thousands of
/// `(` or of stacked repeats (`a*+*+…`) would overflow the stack.
struct RegexParser {
    private var scalars: [Unicode.Scalar]
    private var i = 0
    /// Groups open around the current position.
    private var depth = 0
    /// Capturing groups opened so far (the next one is number `groups + 1`).
    private var groups = 0
    /// Largest `{n,m}` bound accepted.
    static let maxRepeat = 1000
    /// Deepest nesting of groups, and height of the tree (each repeat,
    /// sequence and alternation is a level), accepted.
    static let maximumNesting = 200

    /// A subtree and its height, kept as it is built so that no recursive
    /// walk is needed to check the limit.
    private struct Parsed {
        var node: RegexNode
        var height: Int
    }

    /// The tree of `pattern` and its number of capturing groups.
    static func parse(_ pattern: String) throws(RegexError) -> (node: RegexNode, groups: Int) {
        var p = RegexParser(scalars: Array(pattern.unicodeScalars))
        let parsed = try p.alternation()
        if p.i < p.scalars.count {
            throw RegexError(reason: "unmatched ')' at character \(p.i + 1)")
        }
        return (parsed.node, p.groups)
    }

    private static let nestedTooDeeply = RegexError(
        reason: "the pattern nests too deeply",
        help: "a pattern may nest groups and repeats at most \(maximumNesting) levels deep")

    /// `node` one level above children of height `height`.
    private func level(_ node: RegexNode, over height: Int) throws(RegexError) -> Parsed {
        guard height < Self.maximumNesting else { throw Self.nestedTooDeeply }
        return Parsed(node: node, height: height + 1)
    }

    private init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    private var peek: Unicode.Scalar? { i < scalars.count ? scalars[i] : nil }

    private mutating func next() -> Unicode.Scalar? {
        defer { i += 1 }
        return peek
    }

    // alternation = concat { "|" concat }
    private mutating func alternation() throws(RegexError) -> Parsed {
        var branches = [try concatenation()]
        while peek == "|" {
            i += 1
            branches.append(try concatenation())
        }
        if branches.count == 1 { return branches[0] }
        return try level(.alternate(branches.map(\.node)), over: branches.map(\.height).max()!)
    }

    // concat = { quantified }
    private mutating func concatenation() throws(RegexError) -> Parsed {
        var items: [Parsed] = []
        while let c = peek, c != "|", c != ")" {
            items.append(try quantified())
        }
        if items.isEmpty { return Parsed(node: .empty, height: 1) }
        if items.count == 1 { return items[0] }
        return try level(.concat(items.map(\.node)), over: items.map(\.height).max()!)
    }

    // quantified = atom [ "*" | "+" | "?" | "{" n [ "," [ m ] ] "}" ] [ "?" ]
    private mutating func quantified() throws(RegexError) -> Parsed {
        var parsed = try atom()
        while let c = peek, "*+?{".unicodeScalars.contains(c) {
            if case .start = parsed.node { throw RegexError(reason: "nothing to repeat before '\(c)'") }
            if case .end = parsed.node { throw RegexError(reason: "nothing to repeat before '\(c)'") }
            let (lo, hi) = try quantifier()
            let lazy = peek == "?"
            if lazy { i += 1 }
            parsed = try level(.repeat(parsed.node, min: lo, max: hi, lazy: lazy), over: parsed.height)
        }
        return parsed
    }

    private mutating func quantifier() throws(RegexError) -> (Int, Int?) {
        switch next() {
        case "*": return (0, nil)
        case "+": return (1, nil)
        case "?": return (0, 1)
        default:
            let lo = try number()
            var hi: Int? = lo
            if peek == "," {
                i += 1
                hi = peek == "}" ? nil : try number()
            }
            guard next() == "}" else { throw RegexError(reason: "'{' without a closing '}'") }
            if let hi, hi < lo { throw RegexError(reason: "{\(lo),\(hi)}: the maximum is below the minimum") }
            if max(lo, hi ?? 0) > Self.maxRepeat {
                throw RegexError(reason: "repeat count above \(Self.maxRepeat)")
            }
            return (lo, hi)
        }
    }

    private mutating func number() throws(RegexError) -> Int {
        var value = 0
        var digits = 0
        while let c = peek, let d = Int(String(c)), c.isASCII {
            value = min(value * 10 + d, 1_000_000)
            digits += 1
            i += 1
        }
        guard digits > 0 else { throw RegexError(reason: "expected a number in '{…}'") }
        return value
    }

    // atom = "(" alternation ")" | "[" set "]" | "." | "^" | "$" | escape | scalar
    private mutating func atom() throws(RegexError) -> Parsed {
        guard let c = next() else { throw RegexError(reason: "unexpected end of pattern") }
        let leaf: RegexNode
        switch c {
        case "(":
            var number: Int?
            if peek == "?" {
                guard i + 1 < scalars.count, scalars[i + 1] == ":" else {
                    throw RegexError(
                        reason: "only (?: …) groups are supported",
                        help: "write ( … ) to capture a part, (?: … ) to group without capturing")
                }
                i += 2
            } else {
                groups += 1
                number = groups
            }
            // A plain group adds no node but one parser frame per level: `((((a))))`.
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maximumNesting else { throw Self.nestedTooDeeply }
            let inner = try alternation()
            guard next() == ")" else { throw RegexError(reason: "'(' without a closing ')'") }
            guard let number else { return inner }
            return try level(.group(number, inner.node), over: inner.height)
        // Sets are finalised (their ASCII table built) once here, not once per
        // copy a counted repeat emits: `[^\w]{224}{246}` took seconds.
        case "[": leaf = .set(try bracket().finalized())
        case ".": leaf = .any
        case "^": leaf = .start
        case "$": leaf = .end
        case "\\": leaf = try escape(inSet: false).node
        case "*", "+", "?": throw RegexError(reason: "nothing to repeat before '\(c)'")
        default: leaf = .scalar(c)
        }
        return Parsed(node: leaf, height: 1)
    }
}

extension RegexParser {
    /// `[…]` after the `[`.
    fileprivate mutating func bracket() throws(RegexError) -> ScalarSet {
        var set = ScalarSet()
        if peek == "^" {
            set.negated = true
            i += 1
        }
        var first = true
        while true {
            guard let c = next() else { throw RegexError(reason: "'[' without a closing ']'") }
            if c == "]" && !first { return set }
            first = false
            var low = c
            if c == "\\" {
                let (node, builtin) = try escape(inSet: true)
                if let builtin {
                    set.builtins.append(builtin)
                    continue
                }
                guard case .scalar(let s) = node else { continue }
                low = s
            }
            if peek == "-", i + 1 < scalars.count, scalars[i + 1] != "]" {
                i += 1
                var high = next()!
                if high == "\\", case .scalar(let s) = try escape(inSet: true).node { high = s }
                guard low.value <= high.value else { throw RegexError(reason: "range \(low)-\(high) is backwards") }
                set.ranges.append(low.value...high.value)
            } else {
                set.ranges.append(low.value...low.value)
            }
        }
    }

    /// The escape after a `\`.
    fileprivate mutating func escape(inSet: Bool) throws(RegexError)
        -> (node: RegexNode, builtin: (ScalarSet.Builtin, negated: Bool)?)
    {
        guard let c = next() else { throw RegexError(reason: "pattern ends with '\\'") }
        let builtins: [Unicode.Scalar: (ScalarSet.Builtin, Bool)] = [
            "d": (.digit, false), "D": (.digit, true), "w": (.word, false), "W": (.word, true),
            "s": (.space, false), "S": (.space, true),
        ]
        if let (b, negated) = builtins[c] {
            var set = ScalarSet()
            set.builtins = [(b, negated)]
            return (.set(set.finalized()), (b, negated))
        }
        switch c {
        case "n": return (.scalar("\n"), nil)
        case "t": return (.scalar("\t"), nil)
        case "r": return (.scalar("\r"), nil)
        default:
            guard !c.properties.isAlphabetic || !c.isASCII else {
                throw RegexError(reason: "unknown escape '\\\(c)'")
            }
            // `\1` is a backreference elsewhere; reading it as the digit would
            // silently mean something else, and this engine (linear time) has none.
            guard !("1"..."9").contains(c) else {
                throw RegexError(reason: "backreferences ('\\\(c)') are not supported")
            }
            return (.scalar(c), nil)
        }
    }
}
