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

    @Test
    func bundledDataLoadsQuickly() throws {
        let clock = ContinuousClock()
        _ = try BundledDatasets.load()
        let elapsed = try clock.measure { _ = try BundledDatasets.load() }
        // A release build takes about 0.1 s; debug builds on a shared CPU
        // running tests in parallel are many times slower.
        #expect(elapsed < .seconds(3))
    }
}
