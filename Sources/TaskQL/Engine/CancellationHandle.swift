import Synchronization

/// Stops a running query from another thread: the REPL's Ctrl-C handler or
/// a host's "stop" button calls ``cancel()``; the query notices within a
/// few thousand rows and throws `E0404 query cancelled`.
public final class CancellationHandle: Sendable {
    private let flag = Atomic<Bool>(false)

    /// A handle that is not cancelled.
    public init() {}

    /// Asks every query run with this handle to stop.
    public func cancel() { flag.store(true, ordering: .relaxed) }

    /// Whether ``cancel()`` was called.
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}
