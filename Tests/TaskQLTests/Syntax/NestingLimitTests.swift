import Testing

@testable import TaskQL

/// Deep input is an error, never a stack overflow.
struct NestingLimitTests {
    func firstCode(_ text: String) -> String? {
        let (_, diagnostics) = Parser.parseRecovering(SourceText(name: "deep", text: text))
        return diagnostics.first?.code
    }

    @Test func parenthesesUpToTheLimitParse() {
        let depth = Parser.maximumNestingDepth - 10
        let text = "tasks | where " + String(repeating: "(", count: depth) + "x" + String(repeating: ")", count: depth)
        #expect(firstCode(text) == nil)
    }

    @Test(arguments: ["(", "[", "f(", "-", "not ", "- (", "[f("])
    func hundredThousandOpenersAreAnError(opener: String) {
        let text = "tasks | where " + String(repeating: opener, count: 100_000) + "x"
        #expect(firstCode(text) == SyntaxDiagnosticCode.nestedTooDeeply)
        _ = Parser.completeness(of: text)
        _ = Parser.completionContext(text: text, cursor: text.utf8.count)
    }

    @Test(arguments: ["+", " and ", " or ", "*"])
    func longOperatorChainsAreAnError(op: String) {
        let text = "tasks | where " + Array(repeating: "x", count: 50_000).joined(separator: op)
        #expect(firstCode(text) == SyntaxDiagnosticCode.nestedTooDeeply)
    }

    @Test func longFlatInputIsFine() {
        let list = "[" + Array(repeating: "1", count: 50_000).joined(separator: ",") + "]"
        #expect(firstCode("tasks | where x in " + list) == nil)
        let stages = String(repeating: " | take 1", count: 20_000)
        #expect(firstCode("tasks" + stages) == nil)
        let statements = String(repeating: "tasks | count\n", count: 20_000)
        #expect(firstCode(statements) == nil)
    }

    @Test func closingAHundredThousandBracketsIsAnError() {
        let text = "tasks | where x" + String(repeating: ")", count: 100_000)
        #expect(firstCode(text) == SyntaxDiagnosticCode.unexpectedToken)
    }
}
