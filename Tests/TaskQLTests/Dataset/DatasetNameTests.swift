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

/// The UTF-8 check that decides whether a dataset file is read in place
/// agrees with the standard library's on every kind of sequence.
@Suite struct UTF8CheckTests {
    func agrees(_ bytes: [UInt8]) -> Bool {
        let mine = bytes.withUnsafeBufferPointer { UTF8Check.isValid($0) }
        return mine == (String(validating: bytes, as: UTF8.self) != nil)
    }

    @Test func edgeCases() {
        let cases: [[UInt8]] = [
            [], Array("plain ascii, longer than eight bytes".utf8), Array("海门 5G 基站".utf8), Array("😀".utf8),
            [0xC0, 0x80], [0xC2], [0xE0, 0x80, 0x80], [0xE0, 0xA0, 0x80], [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF],
            [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
            [0xF5, 0x80, 0x80, 0x80], [0xFF], [0x80], Array("abcdefgh".utf8) + [0xE5, 0x28],
            Array("abcdefg".utf8) + [0xE6, 0xB5, 0xB7], [0xE6, 0xB5],
        ]
        for bytes in cases { #expect(agrees(bytes), "\(bytes)") }
    }

    @Test func randomBytes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [
            0x41, 0x7F, 0x80, 0xBF, 0xC2, 0xDF, 0xE0, 0xE6, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xA0, 0x9F, 0x90, 0x8F,
        ]
        for _ in 0..<20_000 {
            let bytes = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator)!
            }
            #expect(agrees(bytes), "\(bytes)")
        }
    }
}
