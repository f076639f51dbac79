/// Finds the leftmost match of a ``RegexProgram`` in a text and where each
/// capturing group matched, for `extract`.
///
/// A Pike VM that carries capture slots with each thread (as RE2 does):
/// threads are kept in priority order — a split's first target before its
/// second, a thread started earlier before one started later — so the match
/// reported is the one a backtracking engine would find (leftmost, then
/// first by the pattern's preferences: greedy repeats take more, lazy ones
/// less), in time linear in the text for every pattern.
final class RegexCaptures {
    let program: RegexProgram
    /// Most instruction steps one text may take, as ``RegexMatcher``'s.
    let stepLimit = 20_000_000
    /// Slots per thread: 2 per group plus the whole match's (slot 0 and 1).
    private let width: Int
    /// Slot values per live thread, `width` each, in thread order.
    private var currentSlots: [Int] = []
    private var nextSlots: [Int] = []
    private var currentPCs: [Int] = []
    private var nextPCs: [Int] = []
    /// Generation in which each instruction was last added to a list.
    private var marks: [UInt32]
    private var generation: UInt32 = 0

    /// Work items of the closure walk: follow an instruction, or put a slot
    /// back once the branch that set it has been explored.
    private enum Walk {
        case follow(Int)
        case restore(slot: Int, value: Int)
    }
    private var walk: [Walk] = []
    private var scratch: [Int]

    init(program: RegexProgram) {
        self.program = program
        width = 2 * (program.groupCount + 1)
        marks = [UInt32](repeating: 0, count: program.instructions.count)
        scratch = [Int](repeating: -1, count: width)
    }

    /// The scalar ranges of the whole match (index 0) and of every group
    /// (index k; nil when the group took no part), or nil without a match.
    func firstMatch(in text: [Unicode.Scalar]) throws(RegexError) -> [Range<Int>?]? {
        currentPCs.removeAll(keepingCapacity: true)
        currentSlots.removeAll(keepingCapacity: true)
        var found: [Int]?
        var steps = 0
        var position = 0
        while true {
            // Until a match is found, a new thread starts here, after (below)
            // every thread that started earlier.
            if found == nil {
                if currentPCs.isEmpty, position < text.count, !canStart(text[position]) {
                    position += 1
                    continue
                }
                newGeneration()
                for pc in currentPCs { marks[pc] = generation }
                for k in scratch.indices { scratch[k] = -1 }
                scratch[0] = position
                add(0, at: position, count: text.count, into: &currentPCs, &currentSlots)
            }
            if currentPCs.isEmpty {
                // No thread here (`$` before the end): try the next position.
                if found != nil || position >= text.count { break }
                position += 1
                continue
            }
            nextPCs.removeAll(keepingCapacity: true)
            nextSlots.removeAll(keepingCapacity: true)
            newGeneration()
            for (t, pc) in currentPCs.enumerated() {
                if case .match = program.instructions[pc] {
                    // Threads after this one have lower priority: cut them.
                    var slots = Array(currentSlots[t * width..<(t + 1) * width])
                    slots[1] = position
                    found = slots
                    break
                }
                guard position < text.count, RegexMatcher.accepts(program, pc, text[position]) else { continue }
                for k in 0..<width { scratch[k] = currentSlots[t * width + k] }
                add(pc + 1, at: position + 1, count: text.count, into: &nextPCs, &nextSlots)
            }
            steps += currentPCs.count
            if steps > stepLimit { throw RegexError(reason: "the pattern needs too much work on this text") }
            if position >= text.count { break }
            swap(&currentPCs, &nextPCs)
            swap(&currentSlots, &nextSlots)
            position += 1
        }
        guard let found else { return nil }
        return (0...program.groupCount).map { k in
            let (from, to) = (found[2 * k], found[2 * k + 1])
            return from >= 0 && to >= from ? from..<to : nil
        }
    }

    private func canStart(_ c: Unicode.Scalar) -> Bool {
        guard let first = program.firstInstructions else { return true }
        return first.contains { RegexMatcher.accepts(program, $0, c) }
    }

    private func newGeneration() {
        generation &+= 1
        if generation == 0 {
            for k in marks.indices { marks[k] = 0 }
            generation = 1
        }
    }

    /// Adds the threads reachable from `pc` at `position` without reading
    /// a scalar, in priority order, each with the slots of ``scratch`` as
    /// the walk has set them.
    private func add(_ pc: Int, at position: Int, count: Int, into pcs: inout [Int], _ slots: inout [Int]) {
        walk.append(.follow(pc))
        while let item = walk.popLast() {
            switch item {
            case .restore(let slot, let value):
                scratch[slot] = value
            case .follow(let p):
                guard marks[p] != generation else { continue }
                marks[p] = generation
                switch program.instructions[p] {
                case .jump(let target): walk.append(.follow(target))
                case .split(let first, let second):
                    walk.append(.follow(second))
                    walk.append(.follow(first))
                case .save(let slot):
                    walk.append(.restore(slot: slot, value: scratch[slot]))
                    scratch[slot] = position
                    walk.append(.follow(p + 1))
                case .start:
                    if position == 0 { walk.append(.follow(p + 1)) }
                case .end:
                    if position == count { walk.append(.follow(p + 1)) }
                case .scalar, .any, .set, .match:
                    pcs.append(p)
                    slots.append(contentsOf: scratch)
                }
            }
        }
    }
}
