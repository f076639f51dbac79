import Testing

@testable import TaskQL

/// The byte search and the scalar count against their plain definitions
/// (`String` operations) on many generated strings: anchors at every
/// position, needles of letters only, needles at both ends.
@Suite struct ByteSearchTests {
    static let alphabet: [String] = ["5", "G", "g", "a", "A", "i", "老", "旧", "小", "区", "，", "通", "州", "湾", "é", "\n"]

    /// A deterministic string of `n` pieces of the alphabet.
    static func text(_ seed: inout UInt64, _ n: Int) -> String {
        var s = ""
        for _ in 0..<n {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            s += alphabet[Int(seed >> 33) % alphabet.count]
        }
        return s
    }

    @Test func occursAgreesWithLoweredContains() {
        var seed: UInt64 = 11
        let frequencies = [UInt32](repeating: 1, count: 256)
        for _ in 0..<3_000 {
            let hay = Self.text(&seed, Int(seed % 40))
            let needle = Self.text(&seed, 1 + Int(seed % 4))
            let expected = needle.isEmpty || ByteSearch.asciiLowered(hay).contains(ByteSearch.asciiLowered(needle))
            #expect(ByteSearch(needle).occurs(in: hay) == expected, "\(needle) in \(hay)")
            #expect(ByteSearch(needle, frequencies: frequencies).occurs(in: hay) == expected, "\(needle) in \(hay)")
        }
    }

    @Test func anchorsAnywhereInTheNeedle() {
        for needle in ["5G", "g5", "老旧小区", "区", "AI", "ai", "a老", "老a", "PM2.5"] {
            for hay in [
                "\(needle)", "x\(needle)", "\(needle)x", "老\(needle)区", needle.lowercased(), needle.uppercased(),
            ] {
                #expect(ByteSearch(needle).occurs(in: hay), "\(needle) in \(hay)")
            }
            #expect(!ByteSearch(needle).occurs(in: String(needle.dropLast())))
        }
        #expect(!ByteSearch("5G").occurs(in: "5Ｇ"))
    }

    /// A run of rows searched as one buffer finds exactly the rows whose
    /// own bytes hold the needle: never a match across two rows (the short
    /// rows here end and start with pieces of the needles), with empty
    /// rows and needles anchored on a letter (two memchr streams).
    @Test func searchingRowsAsOneBufferIsSearchingEachRow() {
        var seed: UInt64 = 3
        var column = TextColumn()
        var strings: [String] = []
        for n in 0..<2_000 {
            let s = n % 9 == 0 ? "" : Self.text(&seed, 1 + Int(seed >> 40) % 5)
            strings.append(s)
            column.append(s)
        }
        var straddling = TextColumn()
        for s in ["老5", "G区", "", "x5g", "5", "g"] { straddling.append(s) }
        var hits: [Int] = []
        straddling.forEachRow(in: 0..<6, containing: ByteSearch("5G")) { hits.append($0) }
        #expect(hits == [3])
        var frequencies = [UInt32](repeating: 0, count: 256)
        for byte in column.bytes { frequencies[Int(byte)] += 1 }
        for needle in ["5G", "g5", "a", "Ai", "iA", "老旧", "区，", "湾\n5", "gGg", "é5", "州湾老"] {
            for search in [ByteSearch(needle), ByteSearch(needle, frequencies: frequencies)] {
                for rows in [0..<strings.count, 1..<2, 17..<1_203, 1_999..<2_000] {
                    var found: [Int] = []
                    column.forEachRow(in: rows, containing: search) { found.append($0) }
                    let expected = rows.filter { search.occurs(in: strings[$0]) }
                    #expect(found == expected, "\(needle) in rows \(rows)")
                }
            }
        }
    }

    /// An ASCII needle is found in exactly the rows of the ASCII
    /// projection where it is found in the column's own bytes; runs of
    /// other bytes never join two ASCII pieces into a match.
    @Test func asciiProjectionFindsTheRowsTheColumnDoes() {
        var seed: UInt64 = 9
        var column = TextColumn()
        var strings: [String?] = []
        for n in 0..<3_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1
            let length = Int(seed >> 40) % 12
            let s: String? = n % 11 == 0 ? nil : Self.text(&seed, length)
            strings.append(s)
            column.append(s)
        }
        for threads in [1, 3] {
            let projection = column.asciiProjection(threads: threads)
            #expect(projection.offsets.count == column.offsets.count)
            #expect(projection.bytes.count < column.bytes.count / 2)
            for needle in ["5G", "g5", "a", "Ai", "5\n", "iA5", "gg", "\n\n", "a\ni"] {
                let search = ByteSearch(needle)
                var inColumn: [Int] = []
                var inProjection: [Int] = []
                column.forEachRow(in: 0..<strings.count, containing: search) { inColumn.append($0) }
                projection.forEachRow(in: 0..<strings.count, containing: search) { inProjection.append($0) }
                #expect(inProjection == inColumn, "\(needle)")
                #expect(inColumn == strings.indices.filter { strings[$0].map(search.occurs(in:)) ?? false })
            }
        }
        // A run of Chinese between two ASCII pieces keeps them apart.
        var joined = TextColumn()
        for s in ["5老G", "5老旧小区改造G", "x5", "G", "老旧小区改造5", "G老旧小区改造", "5g老旧小区改造"] { joined.append(s) }
        var hits: [Int] = []
        joined.asciiProjection(threads: 1).forEachRow(in: 0..<7, containing: ByteSearch("5G")) { hits.append($0) }
        #expect(hits == [6])
    }

    @Test func scalarCountIsLen() {
        var seed: UInt64 = 5
        var column = TextColumn()
        var strings: [String] = []
        // Lengths past 255 words (2,040 bytes) too, where the lane counts
        // are summed and restarted.
        for n in 0..<500 {
            let s = Self.text(&seed, n % 50 == 0 ? 900 + n * 3 : Int(seed % 30))
            strings.append(s)
            column.append(s)
        }
        for (row, s) in strings.enumerated() { #expect(column.scalarCount(row) == s.unicodeScalars.count, "\(s)") }
    }
}

extension ByteSearch {
    /// The plain definition the search must agree with.
    static func asciiLowered(_ s: String) -> String {
        String(decoding: s.utf8.map(lower), as: UTF8.self)
    }
}
