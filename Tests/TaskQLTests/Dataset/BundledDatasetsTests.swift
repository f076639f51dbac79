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

    /// Start-up time is measured by `make bench` (start-up on the bundled
    /// data), not by a timed test; here: every start sees the same data.
    @Test
    func bundledDataIsTheSameAtEveryLoad() throws {
        #expect(try BundledDatasets.load() == BundledDatasets.load())
    }
}
