import Dispatch
import Foundation

/// Splits a scan over rows among threads: contiguous parts, one per thread,
/// whose results are joined in part order, so the answer never depends on
/// the number of threads. Small scans stay on the calling thread, where a
/// thread's start-up would cost more than it saves.
enum ParallelRows {
    /// The machine's cores (what ``EngineOptions/threads`` nil means).
    static let cores = ProcessInfo.processInfo.activeProcessorCount
    /// Rows `0..<count` in at most `threads` contiguous parts of at least
    /// `minimumRowsPerPart` rows (``EngineOptions/minimumRowsPerThread``).
    static func parts(count: Int, threads: Int, minimumRowsPerPart: Int) -> [Range<Int>] {
        let n = max(1, min(threads, count / minimumRowsPerPart))
        return (0..<n).map { p in (count * p / n)..<(count * (p + 1) / n) }
    }

    /// `body(part index, rows)` for every part at once; the results in part
    /// order, or the first part's error. `body` must only read shared
    /// state: each part gets what it mutates from its own index.
    static func map<T, E: Error>(_ parts: [Range<Int>], _ body: (Int, Range<Int>) throws(E) -> T) throws(E) -> [T] {
        let results = ResultSlots<T, E>(count: parts.count)
        withoutActuallyEscaping(body) { body in
            let shared = UnsafeSendable(body)
            DispatchQueue.concurrentPerform(iterations: parts.count) { p in
                results.set(p, Result { () throws(E) in try shared.value(p, parts[p]) })
            }
        }
        return try results.all()
    }
}

/// One slot per part, each written by its own part only, read after all
/// parts have finished (concurrentPerform returns after the last). The
/// slots are raw memory, so that parts writing at once make no overlapping
/// access to a Swift array.
private final class ResultSlots<T, E: Error>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Result<T, E>?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func set(_ p: Int, _ result: Result<T, E>) { slots[p] = result }

    func all() throws(E) -> [T] {
        var out: [T] = []
        for slot in slots { out.append(try slot!.get()) }
        return out
    }
}

/// A value handed to the threads of one scan, which only read it (see
/// ``ParallelRows/map(_:_:)``): compiled closures over immutable columns.
private struct UnsafeSendable<V>: @unchecked Sendable {
    let value: V
    init(_ value: V) { self.value = value }
}
