/// The limits of one run: time, cancellation (a handle or Swift task
/// cancellation) and rows. Checked every few thousand rows, so a query
/// stops promptly without paying for a clock read per row.
final class RunBudget {
    /// The time limit and cancellation, which threads of one scan check
    /// (``ParallelRows``) while only the query's own thread counts ticks.
    let limits: RunLimits
    let maxRows: Int?
    private var ticks = 0
    private static let interval = 4096

    init(options: EngineOptions, cancellation: CancellationHandle?) {
        limits = RunLimits(
            deadline: options.timeLimit.map { ContinuousClock.now + .milliseconds(Int64($0 * 1000)) },
            cancellation: cancellation)
        maxRows = options.maxRows
    }

    /// Counts one unit of work; every ``interval`` units checks the limits.
    @inline(__always)
    func tick() throws(RuntimeError) {
        ticks &+= 1
        if ticks & (Self.interval - 1) == 0 { try check() }
    }

    /// Checks cancellation and the time limit now.
    func check() throws(RuntimeError) { try limits.check() }

    /// Fails when `count` rows exceed the row budget.
    func checkRows(_ count: Int, span: SourceSpan?) throws(RuntimeError) {
        guard let maxRows, count > maxRows else { return }
        throw RuntimeError(
            code: DiagnosticCode.rowLimit,
            message: "query stopped: it produces \(count) rows, more than the limit of \(maxRows)", span: span,
            help: "narrow it with where, or add take")
    }
}

/// A run's time limit and cancellation: immutable, so every thread of a
/// scan may check them.
struct RunLimits: Sendable {
    let deadline: ContinuousClock.Instant?
    let cancellation: CancellationHandle?

    /// Checks cancellation and the time limit now.
    func check() throws(RuntimeError) {
        if cancellation?.isCancelled == true || Task.isCancelled {
            throw RuntimeError(code: DiagnosticCode.cancelled, message: "query cancelled", span: nil)
        }
        if let deadline, ContinuousClock.now > deadline {
            throw RuntimeError(
                code: DiagnosticCode.timeLimit, message: "query stopped: it ran longer than the time limit",
                span: nil)
        }
    }
}
