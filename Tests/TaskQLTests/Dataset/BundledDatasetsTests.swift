import Foundation
import Testing

@testable import TaskQL

@Suite struct BundledDatasetsTests {
    @Test func fiveSeedDocumentsShip() throws {
        #expect(try BundledDatasets.documentPaths().count == 5)
    }

    @Test
    func fiveDatasetsNamedByCity() throws {
        let datasets = try BundledDatasets.load()
        #expect(datasets.map(\.name) == ["haimen", "yixing", "huzhou", "taicang", "nantong"])
        #expect(datasets.allSatisfy { !$0.records.isEmpty && $0.documents.count == 1 })
        let ids = datasets.flatMap(\.records).map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    /// `seeds.jsonl` is what importing the seed documents gives today, so a
    /// change to the importer cannot leave the bundled data behind.
    @Test func shippedDatasetFileIsTheSeedDocumentsImported() throws {
        let imported = DatasetFile.encode(try BundledDatasets.loadWithReports().map(\.dataset))
        let committed = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Sources/TaskQL/Resources/seeds.jsonl").standardized.path
        if ProcessInfo.processInfo.environment["TASKQL_RECORD"] == "1" {
            try imported.write(toFile: committed, atomically: true, encoding: .utf8)
        }
        let shipped = try String(contentsOfFile: committed, encoding: .utf8)
        #expect(
            shipped == imported,
            "Sources/TaskQL/Resources/seeds.jsonl is out of date: run the tests with TASKQL_RECORD=1 and commit it")
        #expect(try String(contentsOfFile: BundledDatasets.datasetFilePath(), encoding: .utf8) == shipped)
    }

    /// The engine on the bundled data holds what the documents give.
    @Test func bundledEngineHoldsTheImportedRecords() throws {
        let engine = try Engine.bundled()
        #expect(
            engine.datasets
                == (try BundledDatasets.loadWithReports().map(\.dataset)).map { dataset in
                    var kept = dataset
                    // The column store keeps no extra columns yet.
                    for i in kept.records.indices { kept.records[i].extra = [] }
                    return kept
                })
    }

    /// Start-up time is measured by `make bench` (start-up on the bundled
    /// data), not by a timed test; here: every start sees the same data.
    @Test
    func bundledDataIsTheSameAtEveryLoad() throws {
        #expect(try BundledDatasets.load() == BundledDatasets.load())
    }
}
