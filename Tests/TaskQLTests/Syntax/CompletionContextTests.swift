import Testing

@testable import TaskQL

/// What tab completion should offer at the cursor (`‸` marks it).
struct CompletionContextTests {
    func context(_ marked: String) -> CompletionContext {
        let parts = marked.components(separatedBy: "‸")
        let text = parts.joined()
        return Parser.completionContext(text: text, cursor: parts[0].utf8.count)
    }

    @Test(arguments: [
        ("‸", CompletionContext.sourceName(prefix: "")),
        ("ta‸", .sourceName(prefix: "ta")),
        ("tasks | count\nmi‸", .sourceName(prefix: "mi")),
        ("tasks | count; ‸", .sourceName(prefix: "")),
        ("let x = ta‸", .sourceName(prefix: "ta")),
        ("tasks | ‸", .stageName(prefix: "")),
        ("tasks | wh‸", .stageName(prefix: "wh")),
        ("tasks\n| so‸", .stageName(prefix: "so")),
        ("tasks | where x | ‸ | count", .stageName(prefix: "")),
        ("tasks | where ‸", .expression(prefix: "")),
        ("tasks | where ci‸", .expression(prefix: "ci")),
        ("tasks | where 牵头‸", .expression(prefix: "牵头")),
        ("tasks | where a == 1 and le‸", .expression(prefix: "le")),
        ("tasks | select a, ‸", .expression(prefix: "")),
        ("tasks | where len(‸", .expression(prefix: "")),
        ("tasks | sort by count‸", .expression(prefix: "count")),
        ("tasks | sort by count de‸", .sortDirection(prefix: "de")),
        ("tasks | sort by a desc, b ‸", .sortDirection(prefix: "")),
        ("tasks | top 5 by len(text) ‸", .sortDirection(prefix: "")),
        ("tasks | sort ‸", .keyword(prefix: "", candidates: ["by"])),
        ("tasks | count b‸", .keyword(prefix: "b", candidates: ["by"])),
        ("tasks | where city i‸", .keyword(prefix: "i", candidates: CompletionResolver.operatorWords)),
        ("tasks | where x is ‸", .keyword(prefix: "", candidates: ["not", "null"])),
        ("tasks | select city a‸", .keyword(prefix: "a", candidates: ["as"] + CompletionResolver.operatorWords)),
        ("tasks | top 5 ‸", .keyword(prefix: "", candidates: ["by"] + CompletionResolver.operatorWords)),
        ("tasks | where lead_units has \"发‸", .stringLiteral(prefix: "发", field: "lead_units")),
        ("tasks | where leaders has '‸", .stringLiteral(prefix: "", field: "leaders")),
        ("tasks | where city in [\"海门\", \"太‸", .stringLiteral(prefix: "太", field: "city")),
        ("tasks | where city not in [“太‸", .stringLiteral(prefix: "太", field: "city")),
        ("tasks | where 牵头单位 == \"住‸\"", .stringLiteral(prefix: "住", field: "牵头单位")),
        ("tasks | search \"通州‸", .stringLiteral(prefix: "通州", field: nil)),
        ("tasks | where unit(x) == \"‸", .stringLiteral(prefix: "", field: nil)),
        ("tasks | where leaders has $le‸", .parameter(prefix: "le")),
        ("tasks | take $‸", .parameter(prefix: "")),
        ("tasks # a co‸", .none),
        ("tasks | take 1‸", .none),
        ("tasks | where x == .h‸", .none),
        ("let ‸", .none),
        ("tasks | explode units as u‸", .none),
    ])
    func contexts(marked: String, expected: CompletionContext) {
        #expect(context(marked) == expected)
    }

    @Test func cursorIsClampedAndMovedToACharacterBoundary() {
        let text = "tasks | where 牵头"
        #expect(Parser.completionContext(text: text, cursor: 10_000) == .expression(prefix: "牵头"))
        #expect(Parser.completionContext(text: text, cursor: -5) == .sourceName(prefix: ""))
        // Inside the second character's bytes: back to the boundary before it.
        #expect(Parser.completionContext(text: text, cursor: text.utf8.count - 1) == .expression(prefix: "牵"))
    }
}
