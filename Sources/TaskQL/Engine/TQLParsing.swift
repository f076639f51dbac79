/// The one place the engine calls the parser.
enum TQLParsing {
    static func parse(_ source: SourceText) throws(DiagnosticError) -> Script {
        try Parser.parse(source)
    }
}
