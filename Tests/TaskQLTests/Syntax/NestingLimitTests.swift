import Testing

@testable import TaskQL

/// Deep input is an error, never a stack overflow.
struct NestingLimitTests {
    func firstCode(_ text: String) -> DiagnosticCode? {
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
        #expect(firstCode(text) == DiagnosticCode.nestedTooDeeply)
        _ = Parser.completeness(of: text)
        _ = Parser.completionContext(text: text, cursor: text.utf8.count)
    }

    @Test(arguments: ["+", "*"])
    func longArithmeticChainsAreAnError(op: String) {
        let text = "tasks | where " + Array(repeating: "x", count: 50_000).joined(separator: op)
        #expect(firstCode(text) == DiagnosticCode.nestedTooDeeply)
    }

    /// `or` and `and` chains are balanced trees, so a long flat chain is
    /// fine (issue 9: 202 `or` terms were refused as nested too deeply).
    @Test(arguments: [" and ", " or "])
    func longConditionChainsParse(op: String) throws {
        let text = "tasks | where " + Array(repeating: "year == 1", count: 50_000).joined(separator: op) + " | count"
        #expect(firstCode(text) == nil)
        let result = try runQuery(text)
        #expect(result.rows == [[.int(0)]])
    }

    @Test func aParenthesisedChainJoinsItsChain() throws {
        func tree(_ condition: String) -> String {
            let (script, _) = Parser.parseRecovering(SourceText(name: "t", text: "tasks | where " + condition))
            guard case .query(let pipeline) = script.statements.first else { return "" }
            return pipeline.sExpression
        }
        #expect(tree("a or (b or c) or (d)") == tree("a or b or c or d"))
        #expect(tree("a or b or c or d") == "tasks | (where (or (or a b) (or c d)))")
        #expect(tree("(a or b) and c") != tree("a or b and c"))
    }

    @Test func chainsKeepTheirMeaning() throws {
        // Four and five operands: the balanced tree gives what the left-deep one did.
        #expect(
            try runQuery(#"tasks | where city == "宜兴" or city == "海门" or false or null | count"#).rows == [[.int(6)]])
        #expect(
            try runQuery(#"tasks | where year == 2020 and true and city == "海门" and kind == "key" and true | count"#)
                .rows == [[.int(2)]])
        #expect(try runQuery("tasks | where null or null or null or true | count").rows == [[.int(6)]])
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
        #expect(firstCode(text) == DiagnosticCode.unexpectedToken)
    }
}
