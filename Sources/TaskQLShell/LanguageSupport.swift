import TaskQL

/// The language's answers the REPL needs, from the library.
package enum LanguageSupport {
    /// Whether `text` needs more lines (the parser decides: open bracket,
    /// trailing `|` or operator), so the REPL shows a continuation prompt.
    package static func isIncomplete(_ text: String) -> Bool {
        if case .incomplete = Parser.completeness(of: text) { return true }
        return false
    }

    /// Diagnostics with `file:line:col`, the source line and a caret.
    package static func render(_ error: DiagnosticError, color: Bool) -> String {
        DiagnosticRenderer.render(error.diagnostics, source: error.source, color: color)
    }

    /// Stage names, completed after `|`: the parser's own table.
    package static let stages = StageName.allCases.map(\.rawValue)

    /// Every other keyword.
    package static let keywords = Lexer.keywords.subtracting(stages).sorted()
}
