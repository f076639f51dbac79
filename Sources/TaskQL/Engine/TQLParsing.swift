/// The one place the engine calls the parser.
// TODO(merge front): replace the body with `try Parser.parse(source)` once
// the parser is on main.
enum TQLParsing {
    static func parse(_ source: SourceText) throws(DiagnosticError) -> Script {
        throw DiagnosticError(
            [Diagnostic(code: "E0200", message: "the parser is not in this build yet", span: nil)], source: source)
    }
}
