import Foundation
import Testing

@testable import TaskQL

/// A dataset file read in parts on several threads (DatasetFileReader.swift)
/// gives what a reading from the top gives: the same records in the same
/// datasets, and for a bad file the same first error with the same line,
/// wherever the parts are cut.
@Suite struct DatasetFileReaderTests {
    /// Datasets `a` (with records before its header: a plain export), `b`
    /// with a header, `a` again; escapes, decomposed text, nulls, lists.
    static func sampleLines() -> [String] {
        var lines: [String] = []
        func record(_ i: Int, _ dataset: String) -> String {
            let text = i % 7 == 0 ? #"含\"引号\"与\u00e9和e\u0301"# : "推进第\(i)项老旧小区改造"
            let title = i % 3 == 0 ? "null" : "\"标题\(i % 5)\""
            let units = i % 4 == 0 ? "[]" : #"["市发改委","发展改革委"]"#
            return #"{"id":"\#(dataset)-\#(i)","dataset":"\#(dataset)","city":"海门","year":2020,"kind":"key","#
                + #""number":"\#(i % 9)","title":\#(title),"text":"\#(text)","lead_units":\#(units),"#
                + #""co_units":null,"leaders":["王\#(i % 2)"],"deadline":"年底前","due":"2020-12-31","#
                + #""units":["skipped"],"source":"s:\#(i)"}"#
        }
        for i in 0..<5 { lines.append(record(i, "a")) }
        lines.append(#"{"format":"taskql-dataset","version":1,"dataset":"b","records":40,"documents":[]}"#)
        for i in 0..<40 { lines.append(record(i, "b")) }
        lines.append("")
        lines.append(#"{"format":"taskql-dataset","version":1,"dataset":"a","records":30,"documents":[]}"#)
        for i in 5..<35 { lines.append(record(i, "a")) }
        return lines
    }

    static func bytes(_ lines: [String]) -> [UInt8] { Array((lines.joined(separator: "\n") + "\n").utf8) }

    static func collect(_ bytes: [UInt8], parts: Int) -> Result<[Dataset], ImportError> {
        Result { () throws(ImportError) in
            var collector = DatasetCollector()
            try DatasetFileReader.read(bytes: bytes, file: "t.jsonl", into: &collector, parts: parts)
            return collector.datasets
        }
    }

    static func records(ofEngineTable bytes: [UInt8], parts: Int) throws -> [TaskRecord] {
        var builder = EngineBuilder()
        try DatasetFileReader.read(bytes: bytes, file: "t.jsonl", into: &builder, parts: parts)
        let table = builder.finishedTable
        return (0..<table.count).map(table.record)
    }

    @Test func everyCutGivesTheSameDatasets() throws {
        let bytes = Self.bytes(Self.sampleLines())
        let whole = try Self.collect(bytes, parts: 1).get()
        #expect(whole.map(\.name) == ["a", "b", "a"])
        #expect(whole.map(\.records.count) == [5, 40, 30])
        #expect(whole[1].records[0].text == "含\"引号\"与é和e\u{301}")
        #expect(whole[0].records[1].leadUnits == ["市发改委", "发展改革委"])
        for parts in [2, 3, 5, 16, 200] {
            #expect(try Self.collect(bytes, parts: parts).get() == whole, "\(parts) parts")
        }
    }

    /// The engine's columns (parts merged by pool translation, the first
    /// taken as it is) hold the records a reading from the top gives, in
    /// NFC, each in the dataset it was read into.
    @Test func partsMergeIntoTheSameColumns() throws {
        let bytes = Self.bytes(Self.sampleLines())
        let expected = try Self.collect(bytes, parts: 1).get().flatMap { dataset in
            dataset.records.map { r in
                var r = r
                r.dataset = dataset.name
                r.text = CanonicalText.nfc(r.text)
                r.extra = []
                return r
            }
        }
        for parts in [1, 2, 3, 7, 50] {
            let records = try Self.records(ofEngineTable: bytes, parts: parts)
            #expect(records == expected, "\(parts) parts")
        }
        #expect(expected[5].text == "含\"引号\"与é和é")
    }

    /// A bad line is reported with its line number in the whole file and
    /// the same message however the file is cut, and the first of two bad
    /// lines is the one reported even when a later part fails too.
    @Test func theFirstBadLineIsTheErrorWhereverThePartsAreCut() throws {
        let good = Self.sampleLines()
        var cases: [[String]] = []
        for at in [0, 3, 5, 30, 46, 47, 70, good.count - 1] {
            var lines = good
            lines[at] = #"{"id":"x","dataset":"a","city":"海门","year":"2020"}"#
            cases.append(lines)
        }
        var twoBad = good
        twoBad[20] = "not json"
        twoBad[60] = #"{"id":1}"#
        cases.append(twoBad)
        // The header of `b` announces 40 records; 39 follow.
        var short = good
        short.remove(at: 30)
        cases.append(short)
        // Two headers whose counts are both wrong: the first is reported.
        var twoShort = short
        twoShort.remove(at: 60)
        cases.append(twoShort)
        for lines in cases {
            let bytes = Self.bytes(lines)
            guard case .failure(let expected) = Self.collect(bytes, parts: 1) else {
                Issue.record("no error for a bad file")
                continue
            }
            #expect(expected.line != nil)
            for parts in [2, 3, 4, 9, 100] {
                guard case .failure(let error) = Self.collect(bytes, parts: parts) else {
                    Issue.record("\(parts) parts read a bad file")
                    continue
                }
                #expect(error == expected, "\(parts) parts")
                #expect(throws: expected) { try Self.records(ofEngineTable: bytes, parts: parts) }
            }
        }
        guard case .failure(let two) = Self.collect(Self.bytes(twoBad), parts: 4) else { return }
        #expect(two.line == 21)
        guard case .failure(let count) = Self.collect(Self.bytes(twoShort), parts: 4) else { return }
        #expect(count.line == 6 && count.message.contains("announces 40 records but 39"))
    }

    /// Parts are cut just after line ends, cover the file and never split
    /// a line; a file without line ends, or of very long lines, has fewer.
    @Test func partsAreCutAtLineEnds() {
        let bytes = Self.bytes(Self.sampleLines())
        bytes.withUnsafeBufferPointer { buffer in
            for count in [1, 2, 3, 8, 1000] {
                let parts = DatasetFileReader<DatasetCollector>.lineAlignedParts(buffer, count: count)
                #expect(parts.first?.lowerBound == 0 && parts.last?.upperBound == buffer.count)
                #expect(parts.count <= count)
                for (a, b) in zip(parts, parts.dropFirst()) {
                    #expect(a.upperBound == b.lowerBound && buffer[b.lowerBound - 1] == 0x0A && !a.isEmpty)
                }
            }
            #expect(DatasetFileReader<DatasetCollector>.lineAlignedParts(buffer, count: 2).count == 2)
        }
        let oneLine = Array(#"{"a":1}"#.utf8)
        oneLine.withUnsafeBufferPointer { buffer in
            #expect(DatasetFileReader<DatasetCollector>.lineAlignedParts(buffer, count: 4) == [0..<buffer.count])
        }
    }

    /// A large valid buffer is checked in pieces on several threads; a bad
    /// byte anywhere, also at a cut or in a sequence a cut falls inside, is
    /// found.
    @Test func utf8CheckInPiecesFindsEveryBadByte() {
        var text = Array(String(repeating: "推进老旧小区改造ab😀é", count: 400_000).utf8)
        #expect(text.count > 8 << 20)
        func isValid() -> Bool { text.withUnsafeBufferPointer(UTF8Check.isValid) }
        #expect(isValid())
        let half = text.count / 2
        for offset in [0, 1, 2, 3, half - 2, half - 1, half, half + 1, half + 2, text.count - 1] {
            let saved = text[offset]
            // Bytes that never occur in UTF-8; a continuation byte where a
            // character must start.
            for bad: UInt8 in [0xFF, 0xC0] + (saved & 0xC0 == 0x80 ? [] : [0x80]) {
                text[offset] = bad
                let valid = isValid()
                #expect(!valid, "byte \(bad) at \(offset)")
            }
            text[offset] = saved
        }
        // A truncated sequence at the very end.
        text.removeLast()
        let valid = isValid()
        #expect(!valid)
    }

    /// The string pool finds strings by their bytes, through growth.
    @Test func stringPoolInternsByBytes() {
        var pool = StringPool()
        let strings = (0..<5000).map { "单位\($0)" } + ["", "a", "海门"]
        let ids = strings.map { pool.intern($0) }
        #expect(ids == (0..<Int32(strings.count)).map { $0 })
        #expect(strings.map { pool.intern($0) } == ids)
        #expect(strings.map { pool.id(of: $0) } == ids)
        var bytes = Array("海门".utf8)
        #expect(bytes.withUnsafeBufferPointer { pool.intern(utf8: $0) } == ids.last)
        bytes = Array("海".utf8)
        #expect(bytes.withUnsafeBufferPointer { pool.intern(utf8: $0) } == Int32(strings.count))
        #expect(pool.id(of: "不在") == nil)
        #expect(StringPool(strings: ["x", "y", "x"]) == nil)
        #expect(StringPool(strings: ["x", "y"])?.id(of: "y") == 1)
    }
}
