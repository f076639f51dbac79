#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Substring tests on UTF-8 bytes, ASCII case-insensitive (`5g` finds `5G`;
/// Chinese text has no case). Comparing bytes is exact for UTF-8 because no
/// character's encoding occurs inside another's.
///
/// `occurs` finds candidates with memchr on one byte of the needle, the
/// anchor: caseless, and the rarest in the searched text by its byte
/// counts, or without counts, rare in Chinese text by rule: an ASCII digit
/// or sign before a UTF-8 continuation byte (one of 64), before a lead
/// byte (a few kinds start every Chinese character). Only a needle made of
/// ASCII letters alone is scanned byte by byte, as a letter has two cases.
struct ByteSearch: Sendable {
    /// The needle with ASCII letters lowered.
    let needle: [UInt8]
    private let hasLetters: Bool
    /// Position of the memchr anchor in the needle; nil when every byte is
    /// a letter.
    private let anchor: Int?

    /// Prepares a search for `text`; `frequencies` (count per byte value
    /// in the text to be searched) choose the anchor when given.
    init(_ text: String, frequencies: [UInt32] = []) {
        let bytes = text.utf8.map(ByteSearch.lower)
        needle = bytes
        hasLetters = bytes.contains(where: Self.isLetter)
        let counted = frequencies.count == 256
        func rarity(_ b: UInt8) -> Int { counted ? Int(frequencies[Int(b)]) : Self.rarity(b) }
        anchor = bytes.indices.filter { !Self.isLetter(bytes[$0]) }.min { rarity(bytes[$0]) < rarity(bytes[$1]) }
    }

    @inline(__always)
    static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    private static func isLetter(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }

    /// Lower is rarer in Chinese text: ASCII, then continuation bytes, then
    /// lead bytes.
    private static func rarity(_ b: UInt8) -> Int { b < 0x80 ? 0 : (b < 0xC0 ? 1 : 2) }

    /// Whether `hay` contains the needle.
    func occurs(in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = needle.count
        if n == 0 { return true }
        if hay.count < n { return false }
        guard let anchor else { return scan(hay) }
        let base = hay.baseAddress!
        let anchorByte = Int32(needle[anchor])
        // Candidate starts 0...last; the anchor sits `anchor` bytes in.
        var start = 0
        let last = hay.count - n
        while start <= last {
            guard let hit = memchr(base + start + anchor, anchorByte, last - start + 1) else { return false }
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - anchor
            if matches(hay, at: at) { return true }
            start = at + 1
        }
        return false
    }

    /// Every position in turn: needles of ASCII letters only.
    private func scan(_ hay: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = needle[0]
        var i = 0
        let last = hay.count - needle.count
        while i <= last {
            if Self.lower(hay[i]) == first, matches(hay, at: i) { return true }
            i += 1
        }
        return false
    }

    /// Whether `hay` starts with the needle.
    func isPrefix(of hay: UnsafeBufferPointer<UInt8>) -> Bool {
        hay.count >= needle.count && matches(hay, at: 0)
    }

    /// Whether `hay` ends with the needle.
    func isSuffix(of hay: UnsafeBufferPointer<UInt8>) -> Bool {
        hay.count >= needle.count && matches(hay, at: hay.count - needle.count)
    }

    @inline(__always)
    private func matches(_ hay: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        if !hasLetters {
            return needle.withUnsafeBufferPointer { memcmp(hay.baseAddress! + start, $0.baseAddress!, $0.count) == 0 }
        }
        var j = 0
        while j < needle.count {
            if Self.lower(hay[start + j]) != needle[j] { return false }
            j += 1
        }
        return true
    }

    /// String forms, for values that are not in a byte column.
    func occurs(in s: String) -> Bool { withBytes(s, occurs(in:)) }
    func isPrefix(of s: String) -> Bool { withBytes(s, isPrefix(of:)) }
    func isSuffix(of s: String) -> Bool { withBytes(s, isSuffix(of:)) }

    private func withBytes(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        var s = s
        return s.withUTF8 { body($0) }
    }
}
