/// A compiled regular expression run by a Pike VM: every position of the
/// text is visited once with the set of live instructions, so matching
/// takes time proportional to text length × pattern size, whatever the
/// pattern. No backtracking, hence no catastrophic cases.
struct RegexProgram: Sendable {
    enum Instruction: Sendable {
        case scalar(Unicode.Scalar)
        case any
        /// Index into ``RegexProgram/sets``.
        case set(Int)
        case start, end
        /// Tries the first target before the second (leftmost-first:
        /// the order a backtracking engine would, which `extract` reports).
        case split(Int, Int)
        case jump(Int)
        /// Records the position in capture slot `n` (group k: 2k, 2k+1);
        /// consumes nothing.
        case save(Int)
        case match
    }

    /// Largest program accepted (a pattern like `(a{1000}){1000}` is refused).
    static let maxInstructions = 50_000

    let instructions: [Instruction]
    let sets: [ScalarSet]
    /// Capturing groups `( … )` in the pattern.
    let groupCount: Int
    /// A text that every match contains, used to skip rows quickly.
    let requiredLiteral: String?
    /// The consuming instructions a match can start with, when a match
    /// must consume a scalar first (no anchors or empty match up front):
    /// positions where none of them accepts the scalar are skipped.
    let firstInstructions: [Int]?

    /// Compiles `pattern`.
    init(pattern: String) throws(RegexError) {
        let (node, groups) = try RegexParser.parse(pattern)
        var emitter = RegexEmitter()
        try emitter.emit(node)
        emitter.append(.match)
        instructions = emitter.code
        groupCount = groups
        sets = emitter.sets
        requiredLiteral = RegexProgram.requiredLiteral(node)
        firstInstructions = RegexProgram.first(emitter.code)
    }

    private static func first(_ code: [Instruction]) -> [Int]? {
        var seen = Set<Int>()
        var stack = [0]
        var consuming: [Int] = []
        while let pc = stack.popLast() {
            guard seen.insert(pc).inserted else { continue }
            switch code[pc] {
            case .split(let a, let b): stack += [a, b]
            case .jump(let t): stack.append(t)
            case .save: stack.append(pc + 1)
            case .start, .end, .match: return nil
            case .scalar, .any, .set: consuming.append(pc)
            }
        }
        return consuming
    }

    /// The longest run of plain characters the top-level sequence must contain.
    private static func requiredLiteral(_ node: RegexNode) -> String? {
        let items: [RegexNode]
        switch node {
        case .concat(let xs): items = xs
        case .scalar: items = [node]
        default: return nil
        }
        var best = ""
        var run = ""
        for item in items {
            if case .scalar(let s) = item {
                run.unicodeScalars.append(s)
                if run.unicodeScalars.count > best.unicodeScalars.count { best = run }
            } else {
                run = ""
            }
        }
        // Case-insensitive byte search is a prefilter only when it cannot
        // reject a true match: plain byte search is exact, so use it.
        return best.isEmpty ? nil : best
    }
}

/// Turns a ``RegexNode`` into instructions.
struct RegexEmitter {
    var code: [RegexProgram.Instruction] = []
    var sets: [ScalarSet] = []

    mutating func append(_ i: RegexProgram.Instruction) { code.append(i) }

    mutating func emit(_ node: RegexNode) throws(RegexError) {
        guard code.count < RegexProgram.maxInstructions else {
            throw RegexError(reason: "pattern is too large")
        }
        switch node {
        case .empty: break
        case .scalar(let s): append(.scalar(s))
        case .any: append(.any)
        case .set(let set):
            sets.append(set)
            append(.set(sets.count - 1))
        case .start: append(.start)
        case .end: append(.end)
        case .concat(let items):
            for item in items { try emit(item) }
        case .alternate(let branches):
            try alternate(branches)
        case .repeat(let inner, let lo, let hi, let lazy):
            try repetition(inner, lo, hi, lazy: lazy)
        case .group(let n, let inner):
            append(.save(2 * n))
            try emit(inner)
            append(.save(2 * n + 1))
        }
    }

    private mutating func alternate(_ branches: [RegexNode]) throws(RegexError) {
        var jumps: [Int] = []
        for (n, branch) in branches.enumerated() {
            if n == branches.count - 1 {
                try emit(branch)
                break
            }
            let split = code.count
            append(.split(split + 1, 0))
            try emit(branch)
            jumps.append(code.count)
            append(.jump(0))
            code[split] = .split(split + 1, code.count)
        }
        for j in jumps { code[j] = .jump(code.count) }
    }

    /// `lo` copies of `inner`, then a loop or `hi - lo` optional copies;
    /// each split prefers another turn, or leaving when `lazy`.
    private mutating func repetition(_ inner: RegexNode, _ lo: Int, _ hi: Int?, lazy: Bool) throws(RegexError) {
        let choice = { (turn: Int, leave: Int) in
            lazy ? RegexProgram.Instruction.split(leave, turn) : .split(turn, leave)
        }
        for _ in 0..<lo { try emit(inner) }
        guard let hi else {
            let loop = code.count
            append(.split(loop + 1, 0))
            try emit(inner)
            append(.jump(loop))
            code[loop] = choice(loop + 1, code.count)
            return
        }
        var splits: [Int] = []
        for _ in lo..<max(lo, hi) {
            splits.append(code.count)
            append(.split(code.count + 1, 0))
            try emit(inner)
        }
        for s in splits { code[s] = choice(s + 1, code.count) }
    }
}
