/// Runs a ``RegexProgram`` over a text, reporting whether it matches
/// anywhere (`matches` is a search; anchor with `^ … $` for a whole match).
/// Holds scratch thread lists reused from text to text, so one matcher
/// belongs to one run (one thread).
final class RegexMatcher {
    let program: RegexProgram
    /// Most instruction steps one text may take; beyond it the match fails
    /// with an error instead of running on.
    let stepLimit = 20_000_000
    private var current: ThreadList
    private var next: ThreadList
    private let matchPC: Int

    init(program: RegexProgram) {
        self.program = program
        current = ThreadList(capacity: program.instructions.count)
        next = ThreadList(capacity: program.instructions.count)
        matchPC = program.instructions.count - 1
    }

    /// Whether the pattern occurs in `text`.
    func matches(_ text: some Sequence<Unicode.Scalar>) throws(RegexError) -> Bool {
        current.clear()
        next.clear()
        var steps = 0
        var atStart = true
        var iterator = text.makeIterator()
        var scalar = iterator.next()
        while true {
            if current.items.isEmpty, let first = program.firstInstructions, let c = scalar,
                !first.contains(where: { step(program.instructions[$0], c) })
            {
                // No thread alive and no match can start here.
                scalar = iterator.next()
                atStart = false
                continue
            }
            // Unanchored search: a new thread starts at every position.
            add(0, to: &current, atStart: atStart, atEnd: scalar == nil)
            if current.contains(matchPC) { return true }
            guard let c = scalar else { return false }
            let following = iterator.next()
            for pc in current.items {
                steps += 1
                if step(program.instructions[pc], c) {
                    add(pc + 1, to: &next, atStart: false, atEnd: following == nil)
                }
            }
            if next.contains(matchPC) { return true }
            if steps > stepLimit { throw RegexError(reason: "the pattern needs too much work on this text") }
            swap(&current, &next)
            next.clear()
            atStart = false
            scalar = following
        }
    }

    /// Whether the pattern occurs in UTF-8 `bytes`, decoded in place.
    func matches(utf8 bytes: UnsafeBufferPointer<UInt8>) throws(RegexError) -> Bool {
        try matches(UTF8Scalars(bytes: bytes))
    }

    @inline(__always)
    private func step(_ instruction: RegexProgram.Instruction, _ c: Unicode.Scalar) -> Bool {
        switch instruction {
        case .scalar(let s): s == c
        case .any: c != "\n"
        case .set(let i): program.sets[i].contains(c)
        default: false
        }
    }

    /// Adds `pc` and everything reachable from it without reading a scalar.
    private func add(_ pc: Int, to list: inout ThreadList, atStart: Bool, atEnd: Bool) {
        guard !list.contains(pc) else { return }
        list.insert(pc)
        switch program.instructions[pc] {
        case .jump(let target):
            add(target, to: &list, atStart: atStart, atEnd: atEnd)
        case .split(let a, let b):
            add(a, to: &list, atStart: atStart, atEnd: atEnd)
            add(b, to: &list, atStart: atStart, atEnd: atEnd)
        case .start where atStart, .end where atEnd:
            add(pc + 1, to: &list, atStart: atStart, atEnd: atEnd)
        default:
            break
        }
    }
}

/// A sparse set of instruction indices in insertion order.
struct ThreadList {
    private(set) var items: [Int] = []
    private var member: [Bool]

    init(capacity: Int) {
        member = [Bool](repeating: false, count: capacity)
        items.reserveCapacity(capacity)
    }

    @inline(__always)
    func contains(_ pc: Int) -> Bool { member[pc] }

    @inline(__always)
    mutating func insert(_ pc: Int) {
        member[pc] = true
        items.append(pc)
    }

    mutating func clear() {
        for pc in items { member[pc] = false }
        items.removeAll(keepingCapacity: true)
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
