/// A problem found in a query or a document, as data: rendering is done by
/// one pure function (``DiagnosticRenderer``), never by the code that found it.
public struct Diagnostic: Error, Sendable, Hashable {
    /// How bad it is.
    public enum Severity: String, Sendable, Hashable {
        case error, warning, note
    }

    /// Error, warning or note.
    public var severity: Severity
    /// A stable code (``DiagnosticCode/unknownField`` is `E0301`).
    public var code: DiagnosticCode
    /// One line saying what is wrong, e.g. `unknown field 'lead_unit'`.
    public var message: String
    /// Where in the source; nil when the problem has no position.
    public var span: SourceSpan?
    /// Where in a document or dataset file, for problems found reading one
    /// (with `span` nil, or the span of the `load` that read it).
    public var location: FileLocation?
    /// Extra lines (`the string opened here`), each optionally with a span.
    public var notes: [Note]
    /// A suggestion shown as `help: …` (`did you mean lead_units?`).
    public var help: String?

    /// A secondary message with an optional position.
    public struct Note: Sendable, Hashable {
        public var message: String
        public var span: SourceSpan?
        public init(_ message: String, span: SourceSpan? = nil) {
            self.message = message
            self.span = span
        }
    }

    /// Creates a diagnostic.
    public init(
        _ severity: Severity = .error, code: DiagnosticCode, message: String, span: SourceSpan?,
        location: FileLocation? = nil, notes: [Note] = [], help: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.span = span
        self.location = location
        self.notes = notes
        self.help = help
    }
}

/// One or more diagnostics thrown together, with the source they refer to so
/// that whoever catches them can render them.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    /// The diagnostics, in source order.
    public var diagnostics: [Diagnostic]
    /// The source the spans refer to.
    public var source: SourceText

    public init(_ diagnostics: [Diagnostic], source: SourceText) {
        self.diagnostics = diagnostics
        self.source = source
    }

    /// `name:line:col: error: message` lines, without source excerpts.
    public var description: String {
        diagnostics.map { d in
            if let location = d.location, d.span == nil {
                return "\(location): \(d.severity.rawValue): \(d.message)"
            }
            if let span = d.span {
                let (line, col) = source.location(of: span.start)
                return "\(source.name):\(line):\(col): \(d.severity.rawValue): \(d.message)"
            }
            return "\(source.name): \(d.severity.rawValue): \(d.message)"
        }.joined(separator: "\n")
    }
}
