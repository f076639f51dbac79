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
