#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Substring tests on UTF-8 bytes, ASCII case-insensitive (`5g` finds `5G`;
/// Chinese text has no case). Comparing bytes is exact for UTF-8 because no
/// character's encoding occurs inside another's.
///
/// Candidates are found from one byte of the needle, the anchor: the rarest
/// in the searched text by its byte counts (a letter counts both its
/// cases), or without counts, rare in Chinese text by rule: an ASCII digit
/// or sign, before a UTF-8 continuation byte (one of 64), before a lead
/// byte (a few kinds start every Chinese character), before a letter. A
/// caseless anchor is found with memchr. A letter anchor, which has two
/// byte values, is found by a packed-pair scan: sixteen positions at a
/// time, the anchor (case folded by setting bit 5) and a second byte of the
/// needle must both be there, so one pass over the text finds almost only
/// true matches. A whole column is searched as one buffer
/// (``forEachMatch(in:from:_:)``), not once per row.
struct ByteSearch: Sendable {
    /// The needle with ASCII letters lowered.
    let needle: [UInt8]
    private let hasLetters: Bool
    /// Position of the anchor in the needle (0 for an empty one).
    private let anchor: Int
    /// The second byte of a packed-pair scan (the anchor again when the
    /// needle has one byte).
    private let partner: Int

    /// Prepares a search for `text`; `frequencies` (count per byte value
    /// in the text to be searched) choose the anchor when given.
    init(_ text: String, frequencies: [UInt32] = []) {
        let bytes = text.utf8.map(ByteSearch.lower)
        needle = bytes
        hasLetters = bytes.contains(where: Self.isLetter)
        let counted = frequencies.count == 256
        func rarity(_ b: UInt8) -> Int {
            guard counted else { return Self.rarity(b) }
            return Int(frequencies[Int(b)]) + (Self.isLetter(b) ? Int(frequencies[Int(b & ~0x20)]) : 0)
        }
        let anchor = bytes.indices.min { rarity(bytes[$0]) < rarity(bytes[$1]) } ?? 0
        self.anchor = anchor
        partner = bytes.indices.filter { $0 != anchor }.min { rarity(bytes[$0]) < rarity(bytes[$1]) } ?? anchor
    }

    @inline(__always)
    static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    private static func isLetter(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }

    /// Lower is rarer in Chinese text: ASCII other than letters, then
    /// continuation bytes, then lead bytes, then letters.
    private static func rarity(_ b: UInt8) -> Int { isLetter(b) ? 3 : b < 0x80 ? 0 : (b < 0xC0 ? 1 : 2) }

    /// Whether `hay` contains the needle.
    func occurs(in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        var found = false
        forEachMatch(in: hay, from: 0) { _ in
            found = true
            return nil
        }
        return found
    }

    /// Calls `body` with the start of each match in `hay` at or after
    /// `from`, in order; `body` returns where to go on looking (a position
    /// after the match it was given), or nil to stop.
    func forEachMatch(in hay: UnsafeBufferPointer<UInt8>, from: Int, _ body: (Int) -> Int?) {
        let last = hay.count - needle.count
        guard let base = hay.baseAddress, from <= last else { return }
        if needle.isEmpty {
            var at = from
            while at <= last, let next = body(at) { at = max(next, at + 1) }
        } else if Self.isLetter(needle[anchor]) {
            pairScan(hay, base, from, last, body)
        } else {
            memchrScan(hay, base, from, last, body)
        }
    }

    /// Candidates where memchr finds the (caseless) anchor byte.
    private func memchrScan(
        _ hay: UnsafeBufferPointer<UInt8>, _ base: UnsafePointer<UInt8>, _ from: Int, _ last: Int,
        _ body: (Int) -> Int?
    ) {
        let byte = Int32(needle[anchor])
        var start = from
        while start <= last {
            guard let hit = memchr(base + start + anchor, byte, last - start + 1) else { return }
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - anchor
            if matches(hay, at: at) {
                guard let next = body(at) else { return }
                start = max(next, at + 1)
            } else {
                start = at + 1
            }
        }
    }

    /// Candidates where the anchor and the partner byte both are, 64 start
    /// positions per step (four SSE registers' worth; a block without one,
    /// almost every block, costs two loads, two ors, two compares, an and).
    /// Bit 5 is set before comparing a letter (`G` 0x47 and `g` 0x67 both
    /// read 0x67; no other byte does).
    private func pairScan(
        _ hay: UnsafeBufferPointer<UInt8>, _ base: UnsafePointer<UInt8>, _ from: Int, _ last: Int,
        _ body: (Int) -> Int?
    ) {
        let (a, b) = (needle[anchor], needle[partner])
        let (foldA, foldB): (UInt8, UInt8) = (Self.isLetter(a) ? 0x20 : 0, Self.isLetter(b) ? 0x20 : 0)
        let (va, vb) = (SIMD16<UInt8>(repeating: a), SIMD16<UInt8>(repeating: b))
        let (fa, fb) = (SIMD16<UInt8>(repeating: foldA), SIMD16<UInt8>(repeating: foldB))
        let (anchorBytes, partnerBytes) = (UnsafeRawPointer(base + anchor), UnsafeRawPointer(base + partner))
        /// The candidate lanes of 16 positions from `q`, as 0xFF bytes.
        @inline(__always) func block(_ q: Int) -> SIMD16<UInt8> {
            let x = anchorBytes.loadUnaligned(fromByteOffset: q, as: SIMD16<UInt8>.self)
            let y = partnerBytes.loadUnaligned(fromByteOffset: q, as: SIMD16<UInt8>.self)
            return unsafeBitCast((x | fa .== va) .& (y | fb .== vb), to: SIMD16<UInt8>.self)
        }
        var p = from
        while p <= last {
            guard p &+ 64 <= last &+ 1 else {
                // The last positions one at a time.
                if base[p &+ anchor] | foldA == a, base[p &+ partner] | foldB == b, matches(hay, at: p) {
                    guard let next = body(p) else { return }
                    p = max(next, p &+ 1)
                } else {
                    p &+= 1
                }
                continue
            }
            let blocks = (block(p), block(p &+ 16), block(p &+ 32), block(p &+ 48))
            // Any lane set, as words (the generic `any` is a call here).
            let w = unsafeBitCast(blocks.0 | blocks.1 | blocks.2 | blocks.3, to: SIMD2<UInt64>.self)
            guard w[0] | w[1] != 0 else {
                p &+= 64
                continue
            }
            let lanes = unsafeBitCast(blocks, to: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64).self)
            let candidates = [lanes.0, lanes.1, lanes.2, lanes.3, lanes.4, lanes.5, lanes.6, lanes.7]
            var next = p &+ 64
            var lane = 0
            while lane < 64 {
                let at = p &+ lane
                if candidates[lane >> 3] >> UInt64((lane & 7) << 3) & 1 != 0, matches(hay, at: at) {
                    guard let resume = body(at) else { return }
                    if resume >= p &+ 64 {
                        next = resume
                        break
                    }
                    lane = max(resume &- p, lane &+ 1)
                    continue
                }
                lane &+= 1
            }
            p = next
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
