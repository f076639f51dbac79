#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search on UTF-8 bytes (`memchr` for the first byte, then
/// `memcmp`): measured ~100× faster than `String.contains`, which compares
/// grapheme clusters. UTF-8 is self-synchronising, so a byte match of valid
/// UTF-8 is always a character match.
enum ByteSearch {
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        if needle.isEmpty { return true }
        var h = haystack
        var n = needle
        return h.withUTF8 { hb in
            n.withUTF8 { nb in
                guard hb.count >= nb.count, let base = hb.baseAddress, let nbase = nb.baseAddress else { return false }
                let first = Int32(nb[0])
                let last = hb.count - nb.count
                var i = 0
                while i <= last {
                    guard let p = memchr(base + i, first, last - i + 1) else { return false }
                    let at = UnsafePointer<UInt8>(p.assumingMemoryBound(to: UInt8.self)) - base
                    if memcmp(base + at, nbase, nb.count) == 0 { return true }
                    i = at + 1
                }
                return false
            }
        }
    }
}
