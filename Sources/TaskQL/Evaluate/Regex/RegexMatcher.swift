/// Runs a ``RegexProgram`` over a text, reporting whether it matches
/// anywhere (`matches` is a search; anchor with `^ … $` for a whole match).
struct RegexMatcher {
    let program: RegexProgram
    /// Most instruction steps one text may take; beyond it the match fails
    /// with an error instead of running on.
    var stepLimit = 20_000_000

    /// Whether the pattern occurs in `text`.
    func matches(_ text: some Collection<Unicode.Scalar>) throws(RegexError) -> Bool {
        let code = program.instructions
        var current = ThreadList(capacity: code.count)
        var next = ThreadList(capacity: code.count)
        var steps = 0
        var atStart = true
        var iterator = text.makeIterator()
        var scalar = iterator.next()
        while true {
            // Unanchored search: a new thread starts at every position.
            add(0, to: &current, atStart: atStart, atEnd: scalar == nil)
            if current.contains(code.count - 1) { return true }
            guard let c = scalar else { return false }
            let following = iterator.next()
            for pc in current.items {
                steps += 1
                if step(code[pc], c) {
                    add(pc + 1, to: &next, atStart: false, atEnd: following == nil)
                }
            }
            if next.contains(code.count - 1) { return true }
            if steps > stepLimit { throw RegexError(reason: "the pattern needs too much work on this text") }
            swap(&current, &next)
            next.clear()
            atStart = false
            scalar = following
        }
    }

    @inline(__always)
    private func step(_ instruction: RegexProgram.Instruction, _ c: Unicode.Scalar) -> Bool {
        switch instruction {
        case .scalar(let s): s == c
        case .any: c != "\n"
        case .set(let set): set.contains(c)
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

    init(capacity: Int) { member = [Bool](repeating: false, count: capacity) }

    func contains(_ pc: Int) -> Bool { member[pc] }

    mutating func insert(_ pc: Int) {
        member[pc] = true
        items.append(pc)
    }

    mutating func clear() {
        for pc in items { member[pc] = false }
        items.removeAll(keepingCapacity: true)
    }
}
