import Testing

@testable import TaskQL

/// Dataset names are query sources, so every name TaskQL makes must lex as
/// one identifier, and names of one city loaded twice are joined.
@Suite struct DatasetNameTests {
    @Test(arguments: [
        ("/data/my-doc.txt", "my_doc"),
        ("2021 海门-任务.txt", "_2021_海门_任务"),
        ("Report.v2.TXT", "report_v2"),
        ("where.txt", "_where"),
        ("tasks.jsonl", "_tasks"),
        ("---.txt", "dataset"),
        ("宜兴（2020）.txt", "宜兴_2020"),
    ])
    func namesFromFilesAreUsableInQueries(path: String, expected: String) throws {
        let name = DatasetName.fromFile(path)
        #expect(name == expected)
        #expect(DatasetName.isUsable(name))
        // And a query over it checks.
        let dataset = Dataset(name: name, documents: [], records: [])
        _ = try Engine(datasets: [dataset]).prepare("\(name) | count")
    }

    @Test func usableNames() {
        for good in ["haimen", "宜兴2021", "_x", "bench_1"] { #expect(DatasetName.isUsable(good), "\(good)") }
        for bad in ["my-data", "2021", "where", "count", "tasks", "", "a b", "\"x\""] {
            #expect(!DatasetName.isUsable(bad), "\(bad)")
        }
    }

    @Test func datasetsOfOneNameAreJoinedInPlace() {
        let a = EngineFixture.haimen
        let b = EngineFixture.yixing
        var a2 = EngineFixture.haimen
        a2.documents = [
            DocumentInfo(
                file: "second.txt", title: nil, authority: nil, documentNumber: nil, date: nil, city: "海门", year: 2021,
                layout: "cell-table")
        ]
        let merged = Dataset.mergingByName([a, b, a2])
        #expect(merged.map(\.name) == ["haimen", "yixing"])
        #expect(merged[0].records == a.records + a2.records)
        #expect(merged[0].documents == a2.documents)
        #expect(merged[1] == b)
    }
}
