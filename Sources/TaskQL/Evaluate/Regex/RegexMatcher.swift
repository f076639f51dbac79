/// Runs a ``RegexProgram`` over a text, reporting whether it matches
/// anywhere (`matches` is a search; anchor with `^ … $` for a whole match).
///
/// A Pike VM: the live threads of one position are a set of instruction
/// indices, so work per scalar is bounded by the program size and no
/// pattern can backtrack catastrophically. The program is copied into
/// plain buffers (no reference counting in the inner loop) and the thread
/// lists are reused from text to text: one matcher belongs to one run.
final class RegexMatcher {
    let program: RegexProgram
    /// Most instruction steps one text may take; beyond it the match fails
    /// with an error instead of running on.
    let stepLimit = 20_000_000

    private enum Kind: UInt8 { case scalar, any, set, start, end, split, jump, save, match }
    private struct Op {
        var kind: Kind
        var a: Int32 = 0
        var b: Int32 = 0
    }
    private let ops: UnsafeMutableBufferPointer<Op>
    /// ASCII membership masks of each set (low 64, high 64).
    private let asciiMasks: UnsafeMutableBufferPointer<(UInt64, UInt64)>
    private let current: UnsafeMutableBufferPointer<Int32>
    private let next: UnsafeMutableBufferPointer<Int32>
    private let stack: UnsafeMutableBufferPointer<Int32>
    private let marks: UnsafeMutableBufferPointer<UInt32>
    private var generation: UInt32 = 0
    /// Whether an ASCII scalar can start a match; nil when any can.
    private let startsASCII: [Bool]?

    init(program: RegexProgram) {
        self.program = program
        let n = program.instructions.count
        ops = .allocate(capacity: n)
        for (i, instruction) in program.instructions.enumerated() {
            ops[i] =
                switch instruction {
                case .scalar(let s): Op(kind: .scalar, a: Int32(bitPattern: s.value))
                case .any: Op(kind: .any)
                case .set(let k): Op(kind: .set, a: Int32(k))
                case .start: Op(kind: .start)
                case .end: Op(kind: .end)
                case .split(let x, let y): Op(kind: .split, a: Int32(x), b: Int32(y))
                case .jump(let x): Op(kind: .jump, a: Int32(x))
                // Whether a match exists does not depend on where groups are.
                case .save: Op(kind: .jump, a: Int32(i + 1))
                case .match: Op(kind: .match)
                }
        }
        asciiMasks = .allocate(capacity: max(1, program.sets.count))
        for (i, set) in program.sets.enumerated() { asciiMasks[i] = set.asciiMasks }
        current = .allocate(capacity: n)
        next = .allocate(capacity: n)
        stack = .allocate(capacity: 2 * n + 2)
        marks = .allocate(capacity: n)
        marks.initialize(repeating: 0)
        startsASCII = program.firstInstructions.map { first in
            (0..<128).map { v in first.contains { RegexMatcher.accepts(program, $0, Unicode.Scalar(UInt8(v))) } }
        }
    }

    deinit {
        ops.deallocate()
        asciiMasks.deallocate()
        current.deallocate()
        next.deallocate()
        stack.deallocate()
        marks.deallocate()
    }

    /// Whether the pattern occurs in UTF-8 `bytes`, decoded in place.
    func matches(utf8 bytes: UnsafeBufferPointer<UInt8>) throws(RegexError) -> Bool {
        try matches(UTF8Scalars(bytes: bytes))
    }

    /// Whether the pattern occurs in `text`.
    func matches(_ text: some Sequence<Unicode.Scalar>) throws(RegexError) -> Bool {
        var (cur, nxt) = (current, next)
        var curCount = 0
        var steps = 0
        var atStart = true
        var iterator = text.makeIterator()
        var scalar = iterator.next()
        while true {
            if curCount == 0, let c = scalar, !canStart(c) {
                scalar = iterator.next()
                atStart = false
                continue
            }
            // Unanchored search: a new thread starts at every position.
            newGeneration()
            for k in 0..<curCount { marks[Int(cur[k])] = generation }
            if close(0, into: cur, count: &curCount, atStart: atStart, atEnd: scalar == nil) { return true }
            guard let c = scalar else { return false }
            let following = iterator.next()
            var nextCount = 0
            newGeneration()
            for k in 0..<curCount {
                let pc = cur[k]
                if step(Int(pc), c),
                    close(pc + 1, into: nxt, count: &nextCount, atStart: false, atEnd: following == nil)
                {
                    return true
                }
            }
            steps += curCount
            if steps > stepLimit { throw RegexError(reason: "the pattern needs too much work on this text") }
            swap(&cur, &nxt)
            curCount = nextCount
            atStart = false
            scalar = following
        }
    }

    @inline(__always)
    private func canStart(_ c: Unicode.Scalar) -> Bool {
        guard let startsASCII else { return true }
        if c.value < 128 { return startsASCII[Int(c.value)] }
        return program.firstInstructions!.contains { Self.accepts(program, $0, c) }
    }

    private func newGeneration() {
        generation &+= 1
        if generation == 0 {
            marks.update(repeating: 0)
            generation = 1
        }
    }

    /// Whether the consuming instruction at `pc` accepts `c`.
    @inline(__always)
    private func step(_ pc: Int, _ c: Unicode.Scalar) -> Bool {
        let op = ops[pc]
        switch op.kind {
        case .scalar: return UInt32(bitPattern: op.a) == c.value
        case .any: return c != "\n"
        case .set:
            let v = c.value
            if v < 64 { return asciiMasks[Int(op.a)].0 & (1 << UInt64(v)) != 0 }
            if v < 128 { return asciiMasks[Int(op.a)].1 & (1 << UInt64(v - 64)) != 0 }
            return program.sets[Int(op.a)].contains(c)
        default: return false
        }
    }

    static func accepts(_ program: RegexProgram, _ pc: Int, _ c: Unicode.Scalar) -> Bool {
        switch program.instructions[pc] {
        case .scalar(let s): s == c
        case .any: c != "\n"
        case .set(let i): program.sets[i].contains(c)
        default: false
        }
    }

    /// Adds `pc` and everything reachable from it without reading a scalar
    /// to `list`; returns true when that reaches the match instruction.
    private func close(
        _ pc: Int32, into list: UnsafeMutableBufferPointer<Int32>, count: inout Int, atStart: Bool, atEnd: Bool
    ) -> Bool {
        var top = 0
        stack[top] = pc
        top += 1
        while top > 0 {
            top -= 1
            let p = stack[top]
            let i = Int(p)
            if marks[i] == generation { continue }
            marks[i] = generation
            let op = ops[i]
            switch op.kind {
            case .jump:
                stack[top] = op.a
                top += 1
            case .split:
                stack[top] = op.b
                stack[top + 1] = op.a
                top += 2
            case .start, .end:
                if op.kind == .start ? atStart : atEnd {
                    stack[top] = p + 1
                    top += 1
                }
            case .match: return true
            default:
                list[count] = p
                count += 1
            }
        }
        return false
    }
}

/// The Unicode scalars of UTF-8 bytes (invalid bytes become U+FFFD).
struct UTF8Scalars: Sequence {
    let bytes: UnsafeBufferPointer<UInt8>

    struct Iterator: IteratorProtocol {
        var bytes: UnsafeBufferPointer<UInt8>.Iterator
        var decoder = UTF8()

        mutating func next() -> Unicode.Scalar? {
            switch decoder.decode(&bytes) {
            case .scalarValue(let s): s
            case .emptyInput: nil
            case .error: "\u{FFFD}"
            }
        }
    }

    func makeIterator() -> Iterator { Iterator(bytes: bytes.makeIterator()) }
}
