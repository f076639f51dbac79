import Testing

@testable import TaskQL

/// `trace`: each task's report paragraph by shared trigrams, and the
/// report's sentences with the task that covers each.
@Suite struct TraceTests {
    static let bundled = Result { try Engine.bundled() }

    /// A report of two paragraphs and tasks quoting them (one with other
    /// punctuation, one in other words entirely).
    static let engine: Engine = {
        let report = Dataset(
            name: "report", documents: [],
            records: [
                EngineFixture.task("r-1", "report", "南通", .report, "1", "加快港口建设。推进疏港铁路一期工程;打造江海联运枢纽。"),
                EngineFixture.task("r-2", "report", "南通", .report, "2", "持续保持反走私高压态势。深化医养结合。"),
            ])
        let tasks = Dataset(
            name: "plan", documents: [],
            records: [
                EngineFixture.task("t-1", "plan", "海门", .key, "1", "持续保持反走私高压态势"),
                EngineFixture.task("t-2", "plan", "海门", .key, "2", "推进疏港铁路一期工程，打造江海联运枢纽"),
                EngineFixture.task("t-3", "plan", "海门", .key, "3", "新增养老床位200张"),
                EngineFixture.task("t-4", "plan", "海门", .key, "4", "港口"),
            ])
        return Engine(datasets: [report, tasks], aliases: EngineFixture.aliases)
    }()

    @Test func eachRowGetsItsBestParagraphAndTheShareOfItsWordingFound() throws {
        for engine in [Self.engine, FastPathDifferentialTests.plainTwin(of: Self.engine)] {
            let result = try runQuery(
                "plan | trace report | select id, paragraph, paragraph_id, score", engine: engine)
            #expect(result.columns == ["id", "paragraph", "paragraph_id", "score"])
            #expect(
                result.rows == [
                    [.string("t-1"), .string("2"), .string("r-2"), .decimal(1)],
                    // The comma differs, the words are the report's.
                    [.string("t-2"), .string("1"), .string("r-1"), .decimal(1)],
                    // No shared trigram: no paragraph, score 0.
                    [.string("t-3"), .null, .null, .decimal(0)],
                    // Too short to compare: no score at all.
                    [.string("t-4"), .null, .null, .null],
                ])
        }
    }

    @Test func reverseListsEverySentenceWithTheTaskCoveringIt() throws {
        let result = try runQuery("plan | trace report reverse", engine: Self.engine)
        #expect(result.columns == ["paragraph", "paragraph_id", "sentence", "text", "task", "task_text", "score"])
        let rows = result.rows.map { [$0[0], $0[2], $0[3], $0[4], $0[6]] }
        #expect(
            rows == [
                [.string("1"), .int(1), .string("加快港口建设。"), .null, .decimal(0)],
                [.string("1"), .int(2), .string("推进疏港铁路一期工程;"), .string("t-2"), .decimal(1)],
                [.string("1"), .int(3), .string("打造江海联运枢纽。"), .string("t-2"), .decimal(1)],
                [.string("2"), .int(1), .string("持续保持反走私高压态势。"), .string("t-1"), .decimal(1)],
                [.string("2"), .int(2), .string("深化医养结合。"), .null, .decimal(0)],
            ])
        // The report sentences no task takes up.
        let untaken = try runQuery("plan | trace report reverse | where score < 0.5 | select text", engine: Self.engine)
        #expect(untaken.rows == [[.string("加快港口建设。")], [.string("深化医养结合。")]])
    }

    @Test func wordingIgnoresPunctuationWidthAndCase() {
        #expect(Trigrams.of("推进“5G”建设，") == Trigrams.of("推进\"５ｇ\"建设,"))
        #expect(Trigrams.of("推进5G建设").count == 4)
        #expect(Trigrams.of("港口").isEmpty && Trigrams.of("，。").isEmpty)
        #expect(Trigrams.sentences("甲乙丙。丁戊己；庚\n辛!") == ["甲乙丙。", "丁戊己；", "庚", "辛!"])
    }

    /// The Haimen tasks that quote the Nantong report word for word are
    /// traced to the paragraph they quote (checked in both seed documents:
    /// each quoted phrase occurs once in each).
    @Test func haimenTasksFindTheNantongParagraphTheyQuote() throws {
        let engine = try Self.bundled.get()
        let result = try runQuery(
            "haimen | trace nantong | where score >= 0.8 | select number, paragraph | sort by int(number)",
            engine: engine)
        #expect(
            result.rows
                == [
                    ["40", "5.3"], ["64", "5.2"], ["79", "6.2"], ["128", "2.3"], ["129", "2.3"], ["130", "2.3"],
                    ["160", "2.4"],
                ].map { $0.map(Value.string) })
        let quoted = try runQuery(
            #"haimen | trace nantong reverse | where text contains "反走私" | select task, score"#, engine: engine)
        #expect(quoted.rows == [[.string("haimen-2020-key-64"), .decimal(1)]])
    }

    @Test func mistakesAreDiagnosed() throws {
        let unknown = try #require(try diagnostic("plan | trace reprot", engine: Self.engine))
        #expect(unknown.code == DiagnosticCode.unknownSource)
        #expect(unknown.help?.contains("report") == true)
        let notADataset = try #require(try diagnostic("let r = report; plan | trace r", engine: Self.engine))
        #expect(notADataset.message == "trace reads the paragraphs of a loaded dataset, and 'r' is not one")
        let noText = try #require(try diagnostic("plan | select id | trace report", engine: Self.engine))
        #expect(noText.code == DiagnosticCode.unknownField)
        let noID = try #require(try diagnostic("plan | select text | trace report reverse", engine: Self.engine))
        #expect(noID.message.contains("the id column"))
        let twice = try #require(try diagnostic("plan | trace report | trace report", engine: Self.engine))
        #expect(twice.message == "two columns named 'paragraph'")
    }
}
