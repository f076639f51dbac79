/// A database that runs compiled TQL (TaskQLPostgres's `PostgresDatabase`):
/// the core library compiles, checks and formats; the database product
/// sends the statement and decodes the rows. Blocking: the shell and the
/// library's callers run one statement at a time.
package protocol SQLDatabase: AnyObject {
    /// The rows of `query`, each value of the type ``SQLQuery/columnTypes``
    /// gives; a statement the server refuses is an error saying why.
    func rows(of query: SQLQuery, cancellation: CancellationHandle?) throws -> [[Value]]
    /// What the server plans for `query` (`EXPLAIN`), one line per row.
    func plan(of query: SQLQuery) throws -> [String]
    /// Where it is, for the banner and messages (no password).
    var displayName: String { get }
}

/// A statement the database refused or could not run, as the server said.
package struct DatabaseError: Error, CustomStringConvertible {
    package var message: String
    /// The server's SQLSTATE (`22012` division by zero, `57014` cancelled).
    package var sqlState: String?
    package init(_ message: String, sqlState: String? = nil) {
        self.message = message
        self.sqlState = sqlState
    }
    package var description: String { message }

    /// The diagnostic a query gets: TQL's own code where the server's error
    /// is one TQL has (division by zero), else E0602 with the server's words.
    func diagnostic(span: SourceSpan?) -> Diagnostic {
        switch sqlState {
        case "22012": Diagnostic(code: .divisionByZero, message: "division by zero", span: span)
        case "57014" where message.contains("statement timeout"):
            Diagnostic(
                code: .timeLimit, message: "the query ran past the database's statement timeout", span: span,
                help: "narrow it with where before the slow part, or raise the time limit")
        case "57014": Diagnostic(code: .cancelled, message: "the database cancelled the query: \(message)", span: span)
        case "22003": Diagnostic(code: .runtimeType, message: "integer overflow", span: span)
        case let state? where state.hasPrefix("TQ"):
            // Raised by taskql_fail: TQL's own run-time error.
            Diagnostic(
                code: DiagnosticCode(rawValue: "E0" + state.dropFirst(2)) ?? .databaseError, message: message,
                span: span)
        default:
            Diagnostic(code: .databaseError, message: "the database: \(message)", span: span)
        }
    }
}
