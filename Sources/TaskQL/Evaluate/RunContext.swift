import Foundation

/// A failure while rows are being read: carries the span of the expression
/// that failed so the session can render it against the source.
struct RuntimeFailure: Error {
    var diagnostic: Diagnostic
    init(code: String, _ message: String, span: SourceSpan?, help: String? = nil) {
        diagnostic = Diagnostic(code: code, message: message, span: span, help: help)
    }
}

/// Everything one run of a query needs besides its rows: the table, the
/// alias table, bound parameters and the budgets. One per run, never shared
/// between threads, so its caches need no locks.
final class RunContext {
    let table: TaskTable
    let aliases: UnitAliases
    let parameters: [String: Value]
    let cancellation: CancellationHandle?
    let deadline: Date?
    let maxRows: Int?
    private var canonicalCache: [String: String] = [:]
    private var ticks = 0

    init(table: TaskTable, aliases: UnitAliases, parameters: [String: Value], cancellation: CancellationHandle?,
         options: EngineOptions) {
        self.table = table
        self.aliases = aliases
        self.parameters = parameters
        self.cancellation = cancellation
        deadline = options.timeLimit.map { Date().addingTimeInterval($0) }
        maxRows = options.maxRows
    }

    /// Canonical unit name, memoised per run.
    func canonical(_ name: String) -> String {
        if let c = canonicalCache[name] { return c }
        let c = aliases.canonical(name)
        canonicalCache[name] = c
        return c
    }

    /// Called for every row processed; every 4096 rows checks cancellation and
    /// the time budget so a long query stops promptly.
    @inline(__always) func tick(span: SourceSpan?) throws {
        ticks &+= 1
        if ticks & 4095 == 0 { try checkBudgets(span: span) }
    }

    func checkBudgets(span: SourceSpan?) throws {
        if cancellation?.isCancelled == true || Task.isCancelled {
            throw RuntimeFailure(code: "E0410", "query cancelled", span: nil)
        }
        if let deadline, Date() > deadline {
            throw RuntimeFailure(code: "E0411", "query stopped: it ran longer than the time limit", span: span)
        }
    }

    /// Enforces the row budget on a stage's output.
    func checkRowBudget(_ count: Int, span: SourceSpan?) throws {
        if let maxRows, count > maxRows {
            throw RuntimeFailure(
                code: "E0412", "query stopped: more than \(maxRows) rows (the engine's row limit)", span: span)
        }
    }
}

/// A row flowing through a pipeline: a task of the base table (or -1), plus
/// computed values for the columns stages added.
struct Row {
    var base: Int
    var values: [Value]
}
