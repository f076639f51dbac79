#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Substring tests on UTF-8 bytes, ASCII case-insensitive (`5g` finds `5G`;
/// Chinese text has no case). Comparing bytes is exact for UTF-8 because no
/// character's encoding occurs inside another's.
struct ByteSearch: Sendable {
    /// The needle with ASCII letters lowered.
    let needle: [UInt8]
    private let hasLetters: Bool

    /// Prepares a search for `text`.
    init(_ text: String) {
        needle = text.utf8.map(ByteSearch.lower)
        hasLetters = needle.contains { $0 >= 0x61 && $0 <= 0x7A }
    }

    @inline(__always)
    static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    /// Whether `hay` contains the needle.
    func occurs(in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = needle.count
        if n == 0 { return true }
        if hay.count < n { return false }
        if !hasLetters {
            return exactOccurs(in: hay)
        }
        let first = needle[0]
        var i = 0
        let last = hay.count - n
        while i <= last {
            if Self.lower(hay[i]) == first, matches(hay, at: i) { return true }
            i += 1
        }
        return false
    }

    /// memchr for the first byte, then compare the rest: memmem is not
    /// exported by Glibc without _GNU_SOURCE.
    private func exactOccurs(in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = needle.count
        let base = hay.baseAddress!
        var start = 0
        let last = hay.count - n
        return needle.withUnsafeBufferPointer { nb in
            while start <= last {
                guard let hit = memchr(base + start, Int32(nb[0]), last - start + 1) else { return false }
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + at, nb.baseAddress!, n) == 0 { return true }
                start = at + 1
            }
            return false
        }
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
