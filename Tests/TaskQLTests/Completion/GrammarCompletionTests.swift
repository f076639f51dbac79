import Testing

@testable import TaskQL

/// Issue 13.5: candidates only where the parser would take them, and the
/// values of the field being compared.
@Suite struct GrammarCompletionTests {
    static let provider = CompletionProvider(
        vocabulary: CompletionVocabulary(
            keywords: ["and", "as", "asc", "by", "desc", "let", "load"], stages: ["where", "select", "sort", "count"],
            fields: ["lead_units", "leaders", "city", "kind", "城市", "text"], functions: ["len", "light"],
            sources: ["tasks", "haimen", "mine"], datasets: ["haimen", "yixing"], parameters: ["leader"],
            units: ["发改委", "有关部门"], leaders: ["周国强"], dotCommands: [".help", ".mode", ".load"],
            fieldValues: ["city": ["海门", "宜兴", "湖州"], "kind": ["key", "livelihood"]],
            dotCommandArguments: [
                ".mode": .words(["table", "csv", "chart", "xlsx"]), ".timer": .words(["on", "off"]), ".load": .fileName,
            ]),
        fileNames: { typed in ["data/haimen.docx", "data/yixing.html", "data/sub/"].filter { $0.hasPrefix(typed) } })

    static func candidates(_ text: String) -> [String] {
        provider.complete(text: text, cursor: text.utf8.count).candidates
    }

    @Test func anOperandPositionOffersFieldsAndFunctionsOnly() {
        let offered = Self.candidates("tasks | where ")
        for word in ["asc", "desc", "by", "let", "load", "haimen", "tasks", "mine"] {
            #expect(!offered.contains(word), "\(word) cannot start a condition: \(offered)")
        }
        #expect(offered.contains("city") && offered.contains("len") && offered.contains("not"))
    }

    @Test(arguments: [
        ("tasks | where city == \"", ["\"海门\"", "\"宜兴\"", "\"湖州\""]),
        ("tasks | where city == \"宜", ["\"宜兴\""]),
        ("tasks | where 城市 == \"湖", ["\"湖州\""]),
        ("tasks | where city in [\"海门\", \"", ["\"海门\"", "\"宜兴\"", "\"湖州\""]),
        ("tasks | where kind == 'l", ["'livelihood'"]),
        ("tasks | where lead_units has \"有", ["\"有关部门\""]),
    ])
    func aStringOffersTheValuesOfTheFieldItIsComparedWith(text: String, expected: [String]) {
        #expect(Set(Self.candidates(text)) == Set(expected), "\(Self.candidates(text))")
    }

    @Test func afterAClosedStringTheNextWordGetsASpace() {
        let completion = Self.provider.complete(text: "tasks | where co_units has \"有关部门\"", cursor: 41)
        #expect(completion.word == "" && completion.candidates.contains(" and"), "\(completion)")
        #expect(!completion.candidates.contains("and"))
        #expect(Self.candidates("tasks | where city == \"海门\" ").contains("and"), "after a space, no second one")
    }

    @Test func byAndDirectionsOnlyWhereTheStageTakesThem() {
        #expect(Self.candidates("tasks | sort by city ") == ["asc", "desc"])
        #expect(!Self.candidates("tasks | where city == \"海门\" ").contains("desc"))
        #expect(Self.candidates("tasks | count ") == ["by"])
        #expect(Self.candidates("tasks | ") == ["sort", "count", "where", "select"])
    }

    @Test func aStatementStartOffersSourcesAndStatementWords() {
        let offered = Self.candidates("")
        #expect(offered.contains("tasks") && offered.contains("haimen") && offered.contains("let"))
        #expect(!offered.contains("city") && !offered.contains("where"))
        #expect(Self.candidates("tasks | where city == \"海门\"\nta") == ["tasks"], "a new line starts a statement")
    }

    @Test func dotCommandArguments() {
        #expect(
            Self.candidates(".mode ") == ["csv", "chart", "table", "xlsx"].sorted { ($0.count, $0) < ($1.count, $1) })
        #expect(Self.candidates(".mode c") == ["csv", "chart"])
        #expect(Self.candidates(".timer o") == ["on", "off"])
        #expect(Self.candidates(".mode csv ").isEmpty, "one argument")
        #expect(Self.candidates(".load data/") == ["data/haimen.docx", "data/sub/", "data/yixing.html"])
        #expect(Self.candidates(".load data/y") == ["data/yixing.html"])
        #expect(Self.candidates(".help ").isEmpty, "a command without a row offers nothing")
    }
}
