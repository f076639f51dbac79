/// A problem found while rows are being produced; becomes a ``Diagnostic``
/// with the span of the expression or stage that failed.
struct RuntimeError: Error, Sendable {
    var code: DiagnosticCode
    var message: String
    var span: SourceSpan?
    var help: String? = nil
    /// The text `span` points into, when it is not the query being run
    /// (an error inside a `let` pipeline from an earlier input).
    var source: SourceText? = nil

    var diagnostic: Diagnostic {
        Diagnostic(code: code, message: message, span: span, help: help)
    }

    static func type(_ message: String, _ span: SourceSpan) -> RuntimeError {
        RuntimeError(code: DiagnosticCode.runtimeType, message: message, span: span)
    }
}
