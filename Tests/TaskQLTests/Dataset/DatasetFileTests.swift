import Foundation
import Testing

@testable import TaskQL

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct DatasetFileTests {
    func temporaryPath(_ name: String = "dataset.jsonl") -> String {
        NSTemporaryDirectory() + UUID().uuidString + "-" + name
    }

    /// All five seeds.
    func importableSeeds() throws -> [Dataset] {
        let datasets = try BundledDatasets.load()
        #expect(datasets.count == 5)
        return datasets
    }

    @Test func roundTripKeepsEveryRecord() throws {
        let datasets = try importableSeeds()
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try DatasetFile.write(datasets, to: path)
        let loaded = try DatasetFile.read(path: path)
        #expect(loaded == datasets)
        #expect(loaded.map(\.name) == datasets.map(\.name))
    }

    /// Columns the importer keeps without interpreting (进展情况) survive a
    /// dataset file, in their order.
    @Test func extraFieldsRoundTrip() throws {
        var record = try DocumentImporter().importFile(at: SeedDocuments.path("002")).dataset.records[0]
        record.extra = [ExtraField(name: "进展情况", value: "已完成\"30%\""), ExtraField(name: "备注", value: "")]
        let dataset = Dataset(name: "x", documents: [], records: [record])
        let text = DatasetFile.encode([dataset])
        #expect(text.contains(#""extra":{"进展情况":"已完成\"30%\"","备注":""}"#))
        let path = NSTemporaryDirectory() + "extra-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try DatasetFile.write([dataset], to: path)
        #expect(try DatasetFile.read(path: path).first?.records.first?.extra == record.extra)
    }

    /// Hostile dataset lines are errors that name the line, never a trap
    /// (issue 9: an unpaired surrogate underflowed, deep nesting in an unknown
    /// key recursed without bound).
    @Test func hostileLinesAreErrorsOrSkipped() throws {
        let good =
            #"{"id":"x-1","dataset":"x","city":"海门","year":2020,"kind":"key","number":"1","text":"T","source":"x:1""#
        func decode(_ line: String) throws(ImportError) -> [Dataset] {
            try DatasetFileReader<DatasetCollector>.decode(bytes: Array((line + "\n").utf8), file: "h.jsonl")
        }
        let surrogate = #expect(throws: ImportError.self) { try decode(good + #","title":"\uD800\u0041"}"#) }
        #expect(surrogate?.line == 1 && surrogate?.message.contains("unpaired surrogate") == true)
        #expect(throws: ImportError.self) { try decode(good + #","title":"\uDC00"}"#) }
        #expect(try decode(good + #","title":"\uD83D\uDE00"}"#).first?.records.first?.title == "😀")
        // 100,000 nested brackets under a key a newer writer might add: skipped.
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(try decode(good + #","future":"# + deep + "}").first?.records.count == 1)
        let unclosed = #expect(throws: ImportError.self) {
            try decode(good + #","future":"# + String(repeating: "[{\"a\":", count: 50_000) + "}")
        }
        #expect(unclosed?.line == 1)
    }

    @Test func schemaOfHeaderAndRecords() throws {
        let dataset = try DocumentImporter().importFile(at: SeedDocuments.path("002")).dataset
        let lines = DatasetFile.encode([dataset]).split(separator: "\n")
        #expect(lines.count == dataset.records.count + 1)
        #expect(lines[0].hasPrefix(#"{"format":"taskql-dataset","version":1,"dataset":"huzhou","records":106,"#))
        let record = try #require(JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(
            Set(record.keys) == [
                "id", "dataset", "city", "year", "kind", "section", "subsection", "number", "title", "text", "leaders",
                "lead_units", "co_units", "units", "deadline", "due", "source", "extra",
            ])
        #expect(record["title"] is NSNull)
        #expect(record["lead_units"] as? [String] == ["市经信局"])
    }

    @Test func severalDatasetsInOneFileAndLoaderDetection() throws {
        let datasets = try importableSeeds()
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try DatasetFile.write(datasets, to: path)
        let all = try DatasetLoader.loadAll(path: path)
        #expect(all.datasets == datasets && all.reports.isEmpty)
        // The one loader: several datasets stay apart, `datasetName` joins them.
        var apart = EngineBuilder()
        #expect(try apart.load(path).datasets == datasets.map(\.name))
        var joined = EngineBuilder()
        #expect(try joined.load(path, datasetName: "all").datasets == ["all"])
        #expect(joined.taskCount(ofDataset: "all") == datasets.reduce(0) { $0 + $1.records.count })
        let document = try DatasetLoader.loadAll(path: SeedDocuments.path("001"))
        #expect(document.datasets.map(\.name) == ["yixing"] && document.reports.count == 1)
    }

    @Test func errorsNameTheLine() throws {
        let dataset = try DocumentImporter().importFile(at: SeedDocuments.path("001")).dataset
        var lines = DatasetFile.encode([dataset]).split(separator: "\n").map(String.init)
        let truncated = lines.dropLast().joined(separator: "\n")
        let error1 = try #require(throws: ImportError.self) { try DatasetFile.decode(truncated, file: "d.jsonl") }
        #expect(error1.line == 1 && error1.message.contains("truncated"))
        lines[3] = #"{"id":"x"}"#
        let error2 = try #require(throws: ImportError.self) {
            try DatasetFile.decode(lines.joined(separator: "\n"), file: "d.jsonl")
        }
        #expect(error2.line == 4 && error2.message.hasPrefix("not a task record"))
        let newer = #"{"format":"taskql-dataset","version":99,"dataset":"x","documents":[]}"#
        let error3 = try #require(throws: ImportError.self) { try DatasetFile.decode(newer, file: "d.jsonl") }
        #expect(error3.message.contains("version 99"))
        let error4 = try #require(throws: ImportError.self) { try DatasetFile.decode("\n\n", file: "d.jsonl") }
        #expect(error4.message.contains("no datasets"))
    }

    /// A bad header says where (file, line, column), which field, and what
    /// was expected (issue 9: Swift's raw `DecodingError`, or only "not
    /// valid JSON").
    @Test(arguments: [
        (
            #"{"format":"taskql-dataset","version":"1","dataset":"x","documents":[]}"#,
            #"d.jsonl:1:38: error: not a dataset header: "version": expected an integer, found a string"#
        ),
        (
            #"{"format":"taskql-dataset","version":1,"dataset":"x","records":1000000000000000000000000000000,"documents":[]}"#,
            #"d.jsonl:1:64: error: not a dataset header: "records": the number 1000000000000000000000000000000 is out of range (integers are -9223372036854775808 to 9223372036854775807)"#
        ),
        (
            #"{"format":"taskql-dataset","version":1,"dataset":"x","records":1e30,"documents":[]}"#,
            #"d.jsonl:1:64: error: not a dataset header: "records": expected an integer, found the number 1e30"#
        ),
        (
            #"{"format":"taskql-dataset","version":1,"dataset":"x","records":10^30,"documents":[]}"#,
            #"d.jsonl:1:66: error: not a dataset header: expected ',' or '}' after the value of "records", found '^'"#
        ),
        (
            #"{"format":"taskql-dataset","version":1,"dataset":"数据","documents":[{"file":"a","city":"c","year":"2020","layout":"x"}]}"#,
            #"d.jsonl:1:98: error: not a dataset header: "documents": "year": expected an integer, found a string"#
        ),
        (
            #"{"format":"taskql-dataset","version":1,"documents":[]}"#,
            #"d.jsonl:1:55: error: not a dataset header: missing key "dataset""#
        ),
    ])
    func headerErrorsNameTheFieldAndColumn(header: String, expected: String) throws {
        let error = try #require(throws: ImportError.self) { try DatasetFile.decode(header + "\n", file: "d.jsonl") }
        #expect(error.description == expected)
    }

    /// Record fields are named too, and a number is never cut to fit.
    @Test func recordErrorsNameTheFieldAndColumn() throws {
        var lines = DatasetFile.encode([EngineFixture.yixing]).split(separator: "\n").map(String.init)
        lines[2] = lines[2].replacing(#""year":2020"#, with: #""year":20200000000000000000000"#)
        let error = try #require(throws: ImportError.self) {
            try DatasetFile.decode(lines.joined(separator: "\n"), file: "d.jsonl")
        }
        let column = try #require(lines[2].range(of: "20200000")).lowerBound.utf16Offset(in: lines[2]) + 1
        #expect(
            error.description
                == #"d.jsonl:3:\#(column): error: not a task record: "year": the number 20200000000000000000000 is out of range (integers are -9223372036854775808 to 9223372036854775807)"#
        )
    }

    /// Writing replaces the file in one step (temporary file, then rename),
    /// through a symbolic link, and leaves no temporary file behind.
    @Test func writingReplacesAtomically() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("write-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let real = directory.appendingPathComponent("real.jsonl").path
        let link = directory.appendingPathComponent("link.jsonl").path
        try "old".write(toFile: real, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        try DatasetFile.write([EngineFixture.haimen], to: link)
        #expect(try DatasetFile.read(path: real) == [EngineFixture.haimen])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real, "the link stays a link")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == [
                "link.jsonl", "real.jsonl",
            ])
        let missing = directory.appendingPathComponent("no/such/dir/x.jsonl").path
        let error = try #require(throws: ImportError.self) {
            try DatasetFile.write([EngineFixture.haimen], to: missing)
        }
        #expect(error.file == missing)
    }

    /// A dataset file in valid UTF-8 is read as bytes in place; anything
    /// else goes through the text decoder: bad bytes are an error naming the
    /// byte (never repaired into U+FFFD), other encodings are decoded.
    @Test func badBytesAndOtherEncodings() throws {
        let dataset = try DocumentImporter().importFile(at: SeedDocuments.path("001")).dataset
        let lines = DatasetFile.encode([dataset]).split(separator: "\n").map { Array($0.utf8) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        func load(line3 replacement: [UInt8]) throws -> ImportError {
            var edited = lines
            edited[2] = replacement
            try Data(edited.joined(separator: [0x0A]) + [0x0A]).write(to: URL(fileURLWithPath: path))
            return try #require(throws: ImportError.self) { try DatasetLoader.loadAll(path: path) }
        }
        let key = Array(#""text":""#.utf8)
        let at = try #require(lines[2].indices.first { lines[2][$0...].starts(with: key) }) + key.count
        var invalid = lines[2]
        invalid.insert(contentsOf: [0xE5, 0x28], at: at)
        let error = try load(line3: invalid)
        let offset = lines[0].count + lines[1].count + 2 + at
        #expect(error.byteOffset == offset && error.message.contains("not UTF-8"), "\(error)")
        var control = lines[2]
        control.insert(0x01, at: at)
        let error2 = try load(line3: control)
        #expect(error2.line == 3 && error2.message.contains("control character"), "\(error2)")
        // Unchanged bytes (with a UTF-8 byte-order mark) load as before.
        let text = String(decoding: Array(lines.joined(separator: [0x0A])), as: UTF8.self)
        try Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)).write(to: URL(fileURLWithPath: path))
        #expect(try DatasetLoader.loadAll(path: path).datasets == [dataset])
        // So does the same file in UTF-16 or GB18030.
        try text.data(using: .utf16LittleEndian)!.write(to: URL(fileURLWithPath: path))
        #expect(try DatasetLoader.loadAll(path: path).datasets == [dataset])
        var builder = EngineBuilder()
        try builder.load(path)
        #expect(builder.build().datasets == [dataset])
        let gb18030 = try #require(iconv(text, to: "GB18030"))
        #expect(String(validating: gb18030, as: UTF8.self) == nil, "really not UTF-8")
        try Data(gb18030).write(to: URL(fileURLWithPath: path))
        #expect(try DatasetLoader.loadAll(path: path).datasets == [dataset])
    }

    @Test func escapesAndDocumentsRoundTrip() throws {
        let info = DocumentInfo(
            file: "a\"b\\c.txt", title: "line\nbreak\t\u{1}", authority: nil, documentNumber: "x〔2020〕1号",
            date: CivilDate(year: 2020, month: 1, day: 2), city: "宜兴", year: 2020, layout: "labelled-items")
        let record = TaskRecord(
            id: "x-1", dataset: "x", city: "宜兴", year: 2020, kind: .key, section: nil, subsection: "s",
            number: "1", title: nil, text: "引号\"与\\反斜杠\n", leaders: ["张明"], leadUnits: [], coUnits: ["c"],
            deadline: "全年", due: CivilDate(year: 2020, month: 12, day: 31), source: "a.txt:3")
        let dataset = Dataset(name: "x", documents: [info], records: [record])
        #expect(try DatasetFile.decode(DatasetFile.encode([dataset]), file: "x.jsonl") == [dataset])
    }

    @Test func plainRecordLinesWithoutHeaderLoad() throws {
        let dataset = try DocumentImporter().importFile(at: SeedDocuments.path("004")).dataset
        let body = DatasetFile.encode([dataset]).split(separator: "\n").dropFirst().joined(separator: "\n")
        let loaded = try DatasetFile.decode(body, file: "export.jsonl")
        #expect(loaded.count == 1 && loaded[0].records == dataset.records && loaded[0].name == "nantong")
    }

    /// `text` converted with the C library's `iconv` (GB18030 fixtures).
    func iconv(_ text: String, to encoding: String) -> [UInt8]? {
        let converter = iconv_open(encoding, "UTF-8")
        guard Int(bitPattern: converter) != -1 else { return nil }
        defer { iconv_close(converter) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 2 + 16)
        let inputCount = input.count
        let written: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                var inLeft = inputCount
                var outLeft = outBuffer.count
                guard Glibc.iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 else { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let written else { return nil }
        return output[..<written].map { UInt8(bitPattern: $0) }
    }
}
