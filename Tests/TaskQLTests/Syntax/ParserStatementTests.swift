import Testing

@testable import TaskQL

/// Statements, separators, continuation lines and comments.
struct ParserStatementTests {
    @Test(arguments: [
        ("tasks | count; tasks | take 1", "tasks | (count)\ntasks | (take 1)"),
        ("tasks | count\ntasks | take 1", "tasks | (count)\ntasks | (take 1)"),
        ("\n\n;;tasks;;\n\n", "tasks"),
        ("tasks |\n  where x\n  | count", "tasks | (where x) | (count)"),
        ("tasks\n| where x   # keep x\n\n# a comment line\n| count", "tasks | (where x) | (count)"),
        ("tasks | where a and\n b", "tasks | (where (and a b))"),
        ("tasks | where a ==\n b", "tasks | (where (== a b))"),
        ("tasks | where x in [\n  1,\n  2\n]", "tasks | (where (in x [1 2]))"),
        ("tasks | select f(\n a,\n b)", "tasks | (select (f() a b))"),
        ("tasks | select a,\n b", "tasks | (select a b)"),
        ("tasks | where\n x", "tasks | (where x)"),
        ("let x =\n tasks", "let x = tasks"),
        ("tasks | sort by\n a", "tasks | (sort a)"),
        ("tasks | count\n| take 1", "tasks | (count) | (take 1)"),
        ("tasks # only a comment | count", "tasks"),
        ("# nothing but a comment", ""),
        ("", ""),
        ("tasks | where x\r\n| count\r\n", "tasks | (where x) | (count)"),
        ("\u{FEFF}tasks\u{3000}|\u{3000}count", "tasks | (count)"),
    ])
    func statementsAndLines(source: String, tree: String) {
        #expect(parsed(source) == tree)
    }

    @Test func errorsAreOnePerStatementAndParsingGoesOn() {
        let source = SourceText(
            name: "s.tql", text: "tasks | where\ntasks | take (1\ntasks | count\ntasks | ! | @\nx y z")
        let (script, diagnostics) = Parser.parseRecovering(source)
        // `where` at the end of a line continues, so line 2 is its argument;
        // the unclosed `(` then swallows the rest of the script.
        #expect(script.statements.isEmpty)
        #expect(diagnostics.map(\.code.rawValue) == ["E0202"])
        #expect(diagnostics.first?.span == SourceSpan(start: 27, end: 28))
    }

    @Test func recoveryKeepsGoodStatements() {
        let source = SourceText(
            name: "s.tql", text: "tasks | wher x\ntasks | count\nfoo bar\nlet = tasks\ntasks | take 1")
        let (script, diagnostics) = Parser.parseRecovering(source)
        #expect(script.sExpression == "tasks | (count)\ntasks | (take 1)")
        #expect(diagnostics.map(\.code.rawValue) == ["E0204", "E0201", "E0201"])
        #expect(diagnostics.map { source.location(of: $0.span!.start).line } == [1, 3, 4])
    }

    @Test func parseThrowsWithTheSource() {
        let source = SourceText(name: "s.tql", text: "tasks | take")
        #expect(throws: DiagnosticError.self) { try Parser.parse(source) }
        do {
            _ = try Parser.parse(source)
        } catch {
            #expect(error.description == "s.tql:1:13: error: expected an expression, found end of input")
        }
    }
}
