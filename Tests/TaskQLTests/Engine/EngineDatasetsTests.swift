import Foundation
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
        let seeds = try BundledDatasets.load()
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
        #expect(
            try count(added, "tasks | where lead_units has \"发改委\" | count")
                == count(Self.both, "tasks | where lead_units has \"发改委\" | count"))
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

    /// Two datasets of one name are one dataset, even with another between
    /// them (its rows are then in two runs of the table).
    @Test func datasetsOfOneNameAreJoined() throws {
        var second = EngineFixture.haimen
        second.records.removeLast()
        let engine = Engine(
            datasets: [EngineFixture.haimen, EngineFixture.yixing, second], aliases: EngineFixture.aliases)
        #expect(engine.datasetNames == ["haimen", "yixing"])
        #expect(try count(engine, "haimen | count") == .int(5))
        #expect(try count(engine, "haimen | where city != \"海门\" | count") == .int(0))
        #expect(engine.summaries.first == DatasetSummary(name: "haimen", taskCount: 5, cities: ["海门"]))
        #expect(engine.datasets.first?.records == EngineFixture.haimen.records + second.records)
    }
}

/// Loading files with ``EngineBuilder``: dataset files straight into the
/// columns, documents through their importer, all joined by name.
@Suite struct EngineBuilderTests {
    static func temporaryFile(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(name)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func datasetFilesAndDocumentsLoadAndJoin() throws {
        let document = try SeedDocuments.path("001")
        let imported = try DocumentImporter().importFile(at: document).dataset
        // Another year of Yixing: the same dataset name, other task ids.
        let nextYear = EngineFixture.nextYear(imported)
        let file = try Self.temporaryFile(
            "yixing.jsonl", Array(DatasetFile.encode([nextYear, EngineFixture.haimen]).utf8))
        defer { try? FileManager.default.removeItem(atPath: file) }
        var builder = EngineBuilder()
        #expect(try builder.load(file).reports.isEmpty, "no import reports for a dataset file")
        let reports = try builder.load(document).reports
        #expect(reports.count == 1)
        let engine = builder.build()
        #expect(engine.datasetNames == ["yixing", "haimen"])
        let n = imported.records.count
        #expect(engine.summaries.map(\.taskCount) == [2 * n, 3])
        #expect(engine.datasets[0].records == nextYear.records + imported.records)
        #expect(engine.datasets[0].documents.count == 2)
        // The same engine as from records.
        let fromRecords = Engine(datasets: [nextYear, EngineFixture.haimen, imported])
        let query = "tasks | where lead_units has \"发改委\" | count by dataset"
        #expect(try engine.prepare(query).run() == fromRecords.prepare(query).run())
    }

    @Test func aBadFileLeavesNothingBehind() throws {
        var lines = DatasetFile.encode([EngineFixture.yixing]).split(separator: "\n").map(String.init)
        lines[2] = #"{"id":"broken"}"#
        let bad = try Self.temporaryFile("bad.jsonl", Array(lines.joined(separator: "\n").utf8))
        defer { try? FileManager.default.removeItem(atPath: bad) }
        var builder = EngineBuilder(aliases: EngineFixture.aliases)
        builder.add(EngineFixture.haimen)
        let error = try #require(throws: ImportError.self) { try builder.load(bad) }
        #expect(error.line == 3)
        #expect(builder.datasetNames == ["haimen"])
        #expect(builder.taskCount == 3)
        let engine = builder.build()
        #expect(engine.datasets == [EngineFixture.haimen])
        #expect(try engine.prepare("tasks | count").run().rows == [[.int(3)]])
    }

    @Test func datasetNamePutsAFileIntoOneDataset() throws {
        let file = try Self.temporaryFile(
            "two.jsonl", Array(DatasetFile.encode([EngineFixture.haimen, EngineFixture.yixing]).utf8))
        defer { try? FileManager.default.removeItem(atPath: file) }
        var builder = EngineBuilder()
        try builder.load(file, datasetName: "both")
        let engine = builder.build()
        #expect(engine.datasetNames == ["both"])
        #expect(engine.summaries.first?.taskCount == 3 + EngineFixture.yixing.records.count)
        // The `dataset` field follows: a task is in the dataset it was loaded into.
        let byDataset = try engine.prepare("tasks | count by dataset").run()
        #expect(byDataset.rows == [[.string("both"), .int(3 + EngineFixture.yixing.records.count)]])
    }
}
