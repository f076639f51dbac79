import Testing

@testable import TaskQL

/// Tab completion by context, as a pure function of text and cursor.
@Suite struct CompletionProviderTests {
    static let provider = CompletionProvider(
        vocabulary: CompletionVocabulary(
            keywords: ["and", "as", "asc", "by", "desc"], stages: ["where", "select", "sort", "summarize", "search"],
            fields: ["lead_units", "leaders", "city", "牵头单位"], functions: ["len", "lower"],
            sources: ["tasks", "haimen", "nantong", "mine"], datasets: ["haimen", "nantong"], parameters: ["leader"],
            units: ["发改委", "发展改革委", "住建局"], leaders: ["周国强"],
            dotCommands: [".help", ".history", ".mode"]))

    static func complete(_ text: String) -> Completion {
        provider.complete(text: text, cursor: text.utf8.count)
    }

    @Test func uniqueUnitInsideStringIsClosed() {
        #expect(Self.complete("tasks | where lead_units has \"发改") == Completion(word: "\"发改", candidates: ["\"发改委\""]))
    }

    /// A string compared with a unit field offers units, with `leaders`
    /// leaders, elsewhere both.
    @Test func stringCandidatesFollowTheComparedField() {
        #expect(Self.complete("tasks | where 牵头单位 has \"住").candidates == ["\"住建局\""])
        #expect(Self.complete("tasks | where lead_units has \"周").candidates.isEmpty)
        #expect(Self.complete("tasks | where leaders has \"周").candidates == ["\"周国强\""])
        #expect(Self.complete("tasks | where leaders has \"住").candidates.isEmpty)
        #expect(Self.complete("tasks | where text contains \"周").candidates == ["\"周国强\""])
        #expect(Self.complete("tasks | where lead_units in [\"住建局\", '发改").candidates == ["'发改委'"])
    }

    @Test func keywordsAfterAnOperand() {
        #expect(Self.complete("tasks | where city == \"海门\" a").candidates == ["and"])
        #expect(Self.complete("tasks | count b").candidates == ["by"])
        #expect(Self.complete("tasks | top 3 by due ").candidates == ["asc", "desc"])
    }

    /// `trace` takes a loaded dataset (not `tasks` or a let), then `reverse`.
    @Test func traceOffersDatasetsThenReverse() {
        #expect(Self.complete("haimen | trace ").candidates == ["haimen", "nantong"])
        #expect(Self.complete("haimen | trace n").candidates == ["nantong"])
        #expect(Self.complete("haimen | trace nantong ").candidates == ["reverse"])
        #expect(Self.complete("haimen | trace nantong r") == Completion(word: "r", candidates: ["reverse"]))
        #expect(Self.complete("haimen | trace nantong reverse ").candidates.isEmpty)
    }

    /// `diff` takes two loaded datasets.
    @Test func diffOffersDatasets() {
        #expect(Self.complete("diff ").candidates == ["haimen", "nantong"])
        #expect(Self.complete("diff haimen n").candidates == ["nantong"])
        #expect(Self.complete("let d = diff h").candidates == ["haimen"])
        #expect(Self.complete("diff haimen nantong ").candidates.isEmpty)
    }

    @Test func unitPrefixOffersEveryMatchShortestFirst() {
        #expect(Self.complete("tasks | where units has \"发").candidates == ["\"发改委\"", "\"发展改革委\""])
        #expect(Self.complete("tasks | where leaders has '周").candidates == ["'周国强'"])
    }

    @Test func stagesAfterPipe() {
        #expect(
            Self.complete("tasks | s") == Completion(word: "s", candidates: ["sort", "search", "select", "summarize"]))
        #expect(Self.complete("tasks |\n  wh").candidates == ["where"])
    }

    @Test func fieldsFunctionsAndKeywordsInExpressions() {
        #expect(Self.complete("tasks | where lea").candidates == ["leaders", "lead_units"])
        #expect(Self.complete("tasks | where len(lo").candidates == ["lower"])
        #expect(Self.complete("tasks | where 牵").candidates == ["牵头单位"])
        #expect(Self.complete("tasks | sort by city d").candidates == ["desc"])
    }

    @Test func sourcesAtStatementStart() {
        #expect(Self.complete("").candidates.starts(with: ["let", "diff", "load", "mine", "tasks"]))
        #expect(Self.complete("ha").candidates == ["haimen"])
        #expect(Self.complete("ex").candidates == ["explain"])
        #expect(Self.complete("explain ").candidates.contains("tasks"))
        #expect(Self.complete("explain di").candidates == ["diff"])
        #expect(Self.complete("tasks | count; mi").candidates == ["mine"])
    }

    @Test func dotCommandsOnlyAtLineStart() {
        #expect(Self.complete(".h").candidates == [".help", ".history"])
        #expect(Self.complete("  .mo").candidates == [".mode"])
        #expect(Self.complete("tasks | where x == .h").candidates.isEmpty)
    }

    @Test func parameters() {
        #expect(Self.complete("tasks | where leaders has $le") == Completion(word: "$le", candidates: ["$leader"]))
    }

    @Test func closedStringsAndCommentsAreNotOpen() {
        #expect(Self.complete("tasks | where city == \"海门\" and lea").candidates == ["leaders", "lead_units"])
        #expect(Self.complete("tasks # it's \"odd\nha").candidates == ["haimen"])
    }

    @Test func cursorInTheMiddleUsesTextBeforeIt() {
        let text = "tasks | where lea | count"
        let cursor = "tasks | where lea".utf8.count
        #expect(Self.provider.complete(text: text, cursor: cursor).candidates == ["leaders", "lead_units"])
        // A cursor inside a multi-byte character is moved back to its start.
        #expect(Self.provider.complete(text: "\"发改", cursor: 2).word == "\"")
        #expect(Self.provider.complete(text: "x", cursor: 99).word == "x")
    }
}
