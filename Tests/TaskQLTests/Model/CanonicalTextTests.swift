import Foundation
import Testing

@testable import TaskQL

/// The one text definition: NFC where text enters, bytes after.
@Suite struct CanonicalTextTests {
    /// Skipping the normaliser is exact when every scalar the quick check
    /// lets through is NFC on its own with combining class 0, and none of
    /// them can combine with a scalar before it — that is, none appears
    /// after the first place in any canonical decomposition (the second
    /// half of a composition pair, such as U+0301 or U+3099).
    @Test func theQuickCheckOnlyPassesStableScalars() {
        var unstable: [String] = []
        var combining: [String] = []
        var disagreeing: [String] = []
        for value in 0..<0x11_0000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let s = String(scalar)
            // The byte-level check reads what the scalar ranges say.
            if CanonicalText.isSurelyNFC(s) != CanonicalText.isSurelyNFC(scalar.value) {
                disagreeing.append(String(value, radix: 16))
            }
            if CanonicalText.isSurelyNFC(s),
                !s.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(s.unicodeScalars)
                    || scalar.properties.canonicalCombiningClass != .notReordered
            {
                unstable.append(String(value, radix: 16))
            }
            for part in s.decomposedStringWithCanonicalMapping.unicodeScalars.dropFirst()
            where CanonicalText.isSurelyNFC(String(part)) {
                combining.append(String(part.value, radix: 16))
            }
        }
        #expect(disagreeing.isEmpty, "the UTF-8 reading disagrees with the ranges: \(disagreeing.prefix(20))")
        #expect(unstable.isEmpty, "not NFC on their own: \(unstable)")
        #expect(combining.isEmpty, "combine with what precedes them: \(Set(combining).sorted())")
        #expect(!CanonicalText.isSurelyNFC("e\u{301}"))
        #expect(!CanonicalText.isSurelyNFC("\u{F900}"))
        #expect(!CanonicalText.isSurelyNFC("か\u{3099}"))
    }

    @Test func normalisesToComposedForms() {
        #expect(Array(CanonicalText.nfc("e\u{301}").unicodeScalars) == ["\u{E9}"])
        #expect(Array(CanonicalText.nfc("\u{F900}").unicodeScalars) == ["\u{8C48}"])
        #expect(CanonicalText.nfc("海门市５Ｇ①") == "海门市５Ｇ①")
    }

    /// The column store holds one string for canonically equal spellings, so
    /// grouping sees one group.
    @Test func canonicalSpellingsGroupAsOne() throws {
        let result = try runQuery(
            #"tasks | where title endswith "工程" | count by title | sort by title"#, engine: SyntheticTasks.engine)
        #expect(result.rows.map { $0[0] } == [.string("\u{E9}工程"), .string("养老工程")])
    }

    @Test func stringsCompareByBytes() {
        #expect(Value.compareStrings("a", "b") == -1)
        #expect(Value.compareStrings("ab", "a") == 1)
        #expect(Value.compareStrings("海门", "海门") == 0)
        // Swift's `==` says these are equal; TaskQL's one rule does not, which
        // is why everything is normalised first.
        #expect(Value.compareStrings("e\u{301}", "\u{E9}") != 0)
    }
}
