import Foundation
import Testing

@testable import TaskQL

#if canImport(Glibc)
    import Glibc
#endif

/// The snapshot beside a large dataset file: written on the first load,
/// read on the next while the file is unchanged, ignored when stale, and
/// never trusted: damaged or forged snapshots are errors, not crashes.
@Suite struct DatasetSnapshotTests {
    /// A dataset file just over the size that gets a snapshot: datasets
    /// `alpha`, `beta` and `alpha` again (a joined dataset with two row
    /// ranges), nulls in every optional field, lists of 0–3 units, and
    /// extra columns on some tasks (进展情况, 是否达序).
    static func largeDatasetFile(marker: String = "") throws -> (directory: String, path: String) {
        let directory = NSTemporaryDirectory() + "snapshot-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let units = ["市发改委", "发展改革委", "市教育局", "市住建局", "市卫健委"]
        func records(_ dataset: String, _ range: Range<Int>) -> [TaskRecord] {
            range.map { i in
                TaskRecord(
                    id: "\(dataset)-\(i)", dataset: dataset, city: ["海门", "宜兴", "湖州"][i % 3], year: 2020 + i % 2,
                    kind: TaskKind.allCases[i % TaskKind.allCases.count], section: i % 4 == 0 ? nil : "第\(i % 7)部分",
                    subsection: i % 5 == 0 ? "（\(i % 3)）" : nil, number: String(i % 40 + 1),
                    title: i % 2 == 0 ? nil : "标题\(i)",
                    text: String(repeating: "推进老旧小区改造和5G基站建设\(i)。", count: 40) + marker,
                    leaders: i % 3 == 0 ? [] : ["王\(i % 9)"], leadUnits: Array(units[(i % 5)...].prefix(i % 4)),
                    coUnits: i % 2 == 0 ? ["市财政局"] : [], deadline: i % 6 == 0 ? nil : "2020年\(i % 12 + 1)月底",
                    due: i % 6 == 0 ? nil : CivilDate(year: 2020, month: i % 12 + 1, day: 1), source: "来源\(i % 11)",
                    extra: (i % 3 == 0 ? [] : [ExtraField(name: "进展情况", value: "完成\(i % 10)成")])
                        + (i % 7 == 0 ? [ExtraField(name: "是否达序", value: "是")] : []))
            }
        }
        let datasets = [
            Dataset(name: "alpha", documents: [], records: records("alpha", 0..<2000)),
            Dataset(name: "beta", documents: [], records: records("beta", 0..<1000)),
            Dataset(name: "alpha", documents: [], records: records("alpha", 2000..<3000)),
        ]
        let path = directory + "/tasks.jsonl"
        try DatasetFile.write(datasets, to: path)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(size >= DatasetSnapshot.minimumSourceSize)
        return (directory, path)
    }

    static func load(_ path: String, snapshots: SnapshotUse = .readAndWrite, as name: String? = nil) throws -> Engine {
        var builder = EngineBuilder()
        builder.snapshots = snapshots
        try builder.load(path, datasetName: name)
        return builder.build()
    }

    static func answers(_ engine: Engine) throws -> [String] {
        let queries = [
            "tasks | count by dataset, city", "tasks | explode lead_units as u | count by unit(u)",
            "tasks | where text contains \"5G\" and due < 2020-06-01 | count",
            "tasks | sort by len(text) desc | take 3",
            "tasks | where lead_units has \"发改委\" | count by kind",
            "tasks | count by 进展情况, 是否达序", "beta | where 是否达序 == \"是\" | select id, 进展情况 | take 5",
        ]
        return try queries.map { try ResultFormatter(format: .csv).render(engine.prepare($0).run()) }
    }

    @Test func secondLoadReadsTheSnapshotAndSeesTheSameTasks() throws {
        let (directory, path) = try Self.largeDatasetFile()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let parsed = try Self.load(path, snapshots: .off)
        #expect(!FileManager.default.fileExists(atPath: DatasetSnapshot.path(besides: path)))
        _ = try Self.load(path)
        let snapshot = try #require(DatasetSnapshot.read(besides: path))
        #expect(snapshot.table.count == 4000)
        let reopened = try Self.load(path)
        #expect(reopened.datasetNames == ["alpha", "beta"])
        #expect(reopened.datasets == parsed.datasets)
        #expect(try Self.answers(reopened) == Self.answers(parsed))
        // A snapshot named directly is a dataset file of its own.
        let direct = try Self.load(DatasetSnapshot.path(besides: path))
        #expect(direct.datasets == parsed.datasets)
        // `as NAME` puts everything into one dataset, from a snapshot too.
        let renamed = try Self.load(path, as: "all")
        #expect(renamed.datasetNames == ["all"])
        #expect(try renamed.prepare("all | where dataset == \"all\" | count").run().rows == [[.int(4000)]])
    }

    @Test func smallFilesGetNoSnapshot() throws {
        let directory = NSTemporaryDirectory() + "snapshot-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/small.jsonl"
        try DatasetFile.write(try BundledDatasets.load(), to: path)
        _ = try Self.load(path)
        #expect(!FileManager.default.fileExists(atPath: DatasetSnapshot.path(besides: path)))
    }

    /// Looking for a snapshot never reads from a pipe: its bytes are the
    /// loader's.
    @Test func aDatasetFileFromAPipeLosesNoBytes() throws {
        let directory = NSTemporaryDirectory() + "snapshot-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fifo = directory + "/tasks.jsonl"
        #expect(mkfifo(fifo, 0o600) == 0)
        let bytes = try FileBytes.read(BundledDatasets.datasetFilePath())
        let writer = Thread {
            let fd = open(fifo, O_WRONLY)
            _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        writer.start()
        let engine = try Self.load(fifo)
        #expect(engine.datasetNames == ["haimen", "yixing", "huzhou", "taicang", "nantong"])
    }

    @Test func changedFileIsReadAgainAndItsSnapshotRewritten() throws {
        let (directory, path) = try Self.largeDatasetFile()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try Self.load(path)
        // Same size, other bytes, a new modification time.
        var bytes = try FileBytes.read(path)
        let at = try #require(bytes.firstIndex(of: UInt8(ascii: "5")))
        bytes[at] = UInt8(ascii: "4")
        try FileBytes.write(bytes, to: path)
        let engine = try Self.load(path)
        #expect(try engine.prepare("tasks | where text contains \"4G\" | count").run().rows == [[.int(1)]])
        let rewritten = try #require(DatasetSnapshot.read(besides: path))
        #expect(rewritten.table.texts.string(0)?.contains("4G") == true)
    }

    @Test func touchedFileWithTheSameBytesKeepsItsSnapshot() throws {
        let (directory, path) = try Self.largeDatasetFile()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try Self.load(path)
        var times = [timespec(tv_sec: 1_600_000_000, tv_nsec: 0), timespec(tv_sec: 1_600_000_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        #expect(DatasetSnapshot.read(besides: path) != nil)
        // The same bytes with the file's own time unchanged but its size
        // different: stale.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("\n".utf8))
        try handle.close()
        #expect(DatasetSnapshot.read(besides: path) == nil)
    }

    @Test func aFileOfTheSnapshotsNameThatIsNotOneIsNeverReplaced() throws {
        let (directory, path) = try Self.largeDatasetFile()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let notes = DatasetSnapshot.path(besides: path)
        try "my notes".write(toFile: notes, atomically: true, encoding: .utf8)
        let engine = try Self.load(path)
        #expect(engine.datasetNames == ["alpha", "beta"])
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == "my notes")
    }

    /// Offsets of every section's byte count (its bytes follow 16 bytes later).
    static func sections(_ bytes: [UInt8]) -> [(start: Int, count: Int)] {
        var found: [(Int, Int)] = []
        var at = SnapshotFile.headerSize
        while at + 16 <= bytes.count {
            let count = bytes.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
            found.append((at, count))
            at += 16 + count
        }
        return found
    }

    /// Replaces section `index`'s bytes by `fill` and writes the hash that
    /// matches: a forged snapshot only the reader's own checks can refuse.
    static func forged(_ bytes: [UInt8], section index: Int, fill: UInt8) -> [UInt8] {
        var copy = bytes
        let (start, count) = sections(bytes)[index]
        for i in 0..<count { copy[start + 16 + i] = fill }
        let hash = copy.withUnsafeBytes {
            ContentHash.of(UnsafeRawBufferPointer(rebasing: $0[(start + 16)..<(start + 16 + count)]))
        }
        withUnsafeBytes(of: hash.littleEndian) { for (i, b) in $0.enumerated() { copy[start + 8 + i] = b } }
        return copy
    }

    @Test func damagedTruncatedAndForgedSnapshotsAreRefusedWithoutACrash() throws {
        let (directory, path) = try Self.largeDatasetFile()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let good = try Self.load(path)
        let snapshotPath = DatasetSnapshot.path(besides: path)
        let original = try FileBytes.read(snapshotPath)
        let layout = Self.sections(original)
        #expect(layout.count == 36)  // two more since version 2: the extra fields list column
        #expect(layout.last.map { $0.start + 16 + $0.count } == original.count)
        let bad = directory + "/bad.tqsnap"
        func refuses(_ bytes: [UInt8], _ what: String) throws {
            try FileBytes.write(bytes, to: bad)
            #expect(throws: SnapshotError.self, "\(what)") { try DatasetSnapshot.read(path: bad) }
        }
        // One flipped byte in the header, in every section's count, hash and first byte.
        for at in [0, 8, 12, 20, 40, 56] + layout.flatMap({ [$0.start, $0.start + 8, $0.start + 16] })
        where at < original.count {
            var bytes = original
            bytes[at] ^= 0x40
            try refuses(bytes, "byte \(at) flipped")
        }
        for length in [0, 10, 63, 64, 80, original.count / 2, original.count - 1] {
            try refuses(Array(original[..<length]), "cut at \(length)")
        }
        try refuses(original + [0], "a byte appended")
        // Forged sections (hashes right, contents wrong): ids outside the pool,
        // offsets out of order, rows in no dataset, days no date has.
        let refusedFills: [(section: Int, fill: UInt8)] = [
            (1, 0xFF), (3, 0xFF), (4, 0x7F), (6, 0x01), (8, 0xFF), (19, 0x7F), (20, 0xFF), (26, 0x7F), (27, 0x7F),
            (32, 0x7F),
        ]
        for (section, fill) in refusedFills {
            try refuses(Self.forged(original, section: section, fill: fill), "section \(section) filled with \(fill)")
        }
        // Every section forged every way: refused, or read into a table that
        // answers queries without trapping.
        for section in layout.indices {
            for fill: UInt8 in [0x00, 0x7F, 0xFF] {
                try FileBytes.write(Self.forged(original, section: section, fill: fill), to: bad)
                if let contents = try? DatasetSnapshot.read(path: bad).contents {
                    var builder = EngineBuilder()
                    builder.table = contents.table
                    builder.catalog = contents.catalog
                    _ = try? Self.answers(builder.build())
                }
            }
        }
        // The dataset file beside a damaged snapshot is read instead, and
        // the snapshot rewritten.
        var damaged = original
        damaged[original.count - 1] ^= 1
        try FileBytes.write(damaged, to: snapshotPath)
        let reread = try Self.load(path)
        #expect(reread.datasets == good.datasets)
        #expect(DatasetSnapshot.read(besides: path) != nil)
        // Named directly, a damaged snapshot is an error that says where.
        var builder = EngineBuilder()
        try FileBytes.write(damaged, to: bad)
        #expect {
            try builder.load(bad)
        } throws: { error in
            let error = error as? ImportError
            return error?.code == .invalidDatasetFile && error?.message.contains("damaged") == true
        }
    }

    @Test func snapshotOfAnotherVersionIsNotRead() throws {
        let (directory, path) = try Self.largeDatasetFile()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try Self.load(path)
        var bytes = try FileBytes.read(DatasetSnapshot.path(besides: path))
        bytes[8] = UInt8(SnapshotFile.version + 1)
        let check = bytes.withUnsafeBytes { ContentHash.of(UnsafeRawBufferPointer(rebasing: $0[..<56])) }
        withUnsafeBytes(of: check.littleEndian) { for (i, b) in $0.enumerated() { bytes[56 + i] = b } }
        let other = directory + "/other.tqsnap"
        try FileBytes.write(bytes, to: other)
        #expect {
            try DatasetSnapshot.read(path: other)
        } throws: { error in
            (error as? SnapshotError)?.message.contains("version \(SnapshotFile.version + 1)") == true
        }
    }

    @Test func contentHashSeesEveryByte() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let base = bytes.withUnsafeBytes(ContentHash.of)
        var hashes: Set<UInt64> = [base]
        for length in [0, 1, 7, 8, 31, 32, 33, 999] {
            hashes.insert(bytes.withUnsafeBytes { ContentHash.of(UnsafeRawBufferPointer(rebasing: $0[..<length])) })
        }
        for i in [0, 5, 31, 32, 500, 990, 999] {
            var changed = bytes
            changed[i] ^= 1
            hashes.insert(changed.withUnsafeBytes(ContentHash.of))
        }
        #expect(hashes.count == 1 + 8 + 7)
    }
}
