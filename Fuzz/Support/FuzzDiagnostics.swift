import TaskQL

/// What every diagnostic of every stage must satisfy, whatever the input.
public enum FuzzDiagnostics {
    /// Checks that `diagnostics` have a code and a message, that every span
    /// (of the diagnostic and its notes) lies inside `source`, and renders
    /// them (carets, display cells) as a terminal would show them.
    public static func check(_ diagnostics: [Diagnostic], source: SourceText) {
        let length = source.text.utf8.count
        for d in diagnostics {
            FuzzInvariant.require(
                !d.code.rawValue.isEmpty && !d.message.isEmpty, "diagnostic without code or message: \(d)")
            for span in [d.span] + d.notes.map(\.span) {
                guard let span else { continue }
                FuzzInvariant.require(
                    0 <= span.start && span.start <= span.end && span.end <= length,
                    "span \(span) outside the \(length)-byte source: \(d)")
            }
        }
        let rendered = DiagnosticRenderer.render(diagnostics, source: source)
        FuzzInvariant.require(diagnostics.isEmpty || rendered.contains("error"), "rendered without a header")
    }
}
