/// Why a pattern does not compile.
struct RegexError: Error, Sendable {
    var reason: String
    /// What to do about it, shown as the diagnostic's help.
    var help: String?

    init(reason: String, help: String? = nil) {
        self.reason = reason
        self.help = help
    }
}

/// A parsed regular expression.
indirect enum RegexNode: Sendable {
    case empty
    case scalar(Unicode.Scalar)
    /// `.`: any scalar but a line break.
    case any
    case set(ScalarSet)
    /// `^`, `$`
    case start, end
    case concat([RegexNode])
    case alternate([RegexNode])
    /// A lazy repeat (`*?`, `+?`, `??`, `{n,m}?`) prefers fewer turns: it
    /// changes which match `extract` reports, never whether one exists.
    case `repeat`(RegexNode, min: Int, max: Int?, lazy: Bool)
    /// A capturing group `( … )`, numbered from 1 by its opening bracket.
    case group(Int, RegexNode)
}

/// A bracket expression or class escape: `[a-z0-9]`, `[^、]`, `\d`.
struct ScalarSet: Sendable {
    enum Builtin: Sendable {
        case digit, word, space

        func contains(_ s: Unicode.Scalar) -> Bool {
            switch self {
            case .digit: s.properties.numericType == .decimal
            case .word: s == "_" || s.properties.isAlphabetic || s.properties.numericType != nil
            case .space: s.properties.isWhitespace
            }
        }
    }
    var ranges: [ClosedRange<UInt32>] = []
    var builtins: [(Builtin, negated: Bool)] = []
    var negated = false
    /// Membership of ASCII scalars as two 64-bit masks, filled by
    /// ``finalized()`` so that the common case is one bit test.
    private var ascii: (UInt64, UInt64) = (0, 0)

    /// The ASCII masks (valid after ``finalized()``).
    var asciiMasks: (UInt64, UInt64) { ascii }

    /// The set with its ASCII masks computed.
    func finalized() -> ScalarSet {
        var set = self
        set.ascii = (0, 0)
        for v in UInt32(0)..<128 where slowContains(Unicode.Scalar(v)!) {
            if v < 64 { set.ascii.0 |= 1 << UInt64(v) } else { set.ascii.1 |= 1 << UInt64(v - 64) }
        }
        return set
    }

    @inline(__always)
    func contains(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 64 { return ascii.0 & (1 << UInt64(v)) != 0 }
        if v < 128 { return ascii.1 & (1 << UInt64(v - 64)) != 0 }
        return slowContains(s)
    }

    private func slowContains(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        var hit = ranges.contains { $0.contains(v) }
        if !hit { hit = builtins.contains { $0.0.contains(s) != $0.negated } }
        return hit != negated
    }
}
