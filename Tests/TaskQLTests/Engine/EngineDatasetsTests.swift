import Testing

@testable import TaskQL

/// The engine keeps tasks only in its column store; what goes in comes back
/// out, and adding or replacing a dataset gives the right `tasks`.
@Suite struct EngineDatasetsTests {
    static let both = Engine(datasets: [EngineFixture.haimen, EngineFixture.yixing], aliases: EngineFixture.aliases)

    func count(_ engine: Engine, _ query: String) throws -> Value? {
        try engine.prepare(query).run().rows.first?.last
    }

    @Test func recordsRebuiltFromTheColumnsEqualWhatWasLoaded() {
        #expect(Self.both.datasets == [EngineFixture.haimen, EngineFixture.yixing])
    }

    @Test func seedRecordsSurviveTheColumnStore() throws {
        let seeds = try BundledDatasets.load(aliases: .builtIn)
        #expect(Engine(datasets: seeds).datasets == seeds)
    }

    @Test func summariesComeFromTheColumns() {
        #expect(
            Self.both.summaries == [
                DatasetSummary(name: "haimen", taskCount: 3, cities: ["海门"]),
                DatasetSummary(name: "yixing", taskCount: EngineFixture.yixing.records.count, cities: ["宜兴"]),
            ])
        #expect(Self.both.datasetNames == ["haimen", "yixing"])
    }

    @Test func addingANewNameAppends() throws {
        let one = Engine(datasets: [EngineFixture.haimen], aliases: EngineFixture.aliases)
        let added = one.adding(EngineFixture.yixing)
        #expect(added.datasetNames == ["haimen", "yixing"])
        #expect(try count(added, "tasks | count") == .int(3 + EngineFixture.yixing.records.count))
        // Unit aliases and `has` work across the appended rows.
        #expect(try count(added, "tasks | where lead_units has \"发改委\" | count") == count(Self.both, "tasks | where lead_units has \"发改委\" | count"))
        #expect(try count(added, "yixing | count") == .int(EngineFixture.yixing.records.count))
        #expect(added.unitNames.sorted() == Self.both.unitNames.sorted())
        #expect(try count(one, "tasks | count") == .int(3), "the original engine is unchanged")
    }

    @Test func addingAnExistingNameReplaces() throws {
        var smaller = EngineFixture.haimen
        smaller.records.removeLast()
        let replaced = Self.both.adding(smaller)
        #expect(replaced.datasetNames == ["yixing", "haimen"])
        #expect(try count(replaced, "haimen | count") == .int(2))
        #expect(try count(replaced, "tasks | count") == .int(2 + EngineFixture.yixing.records.count))
    }

    @Test func aLaterDatasetOfTheSameNameReplacesAnEarlierOne() throws {
        var smaller = EngineFixture.haimen
        smaller.records.removeLast()
        let engine = Engine(datasets: [EngineFixture.haimen, smaller], aliases: EngineFixture.aliases)
        #expect(engine.datasetNames == ["haimen"])
        #expect(try count(engine, "tasks | count") == .int(2))
    }
}
