/// A 64-bit hash of bytes: four independent lanes of multiply-rotate rounds
/// over 32-byte blocks, folded at the end (the structure of xxHash64), so
/// the multiplies of one block run in parallel and a gigabyte hashes in a
/// fraction of a second. It recognises a snapshot's source file and detects
/// a damaged snapshot; it is not cryptographic, so the snapshot reader
/// still checks every bound and id itself (a forged file must not crash).
enum ContentHash {
    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let p3: UInt64 = 0x1656_67B1_9E37_79F9

    /// The hash of `bytes`.
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let n = bytes.count
        guard let base = bytes.baseAddress else { return mix(p3) }
        var lanes = (p1 &+ p2, p2, 0 as UInt64, 0 &- p1)
        var i = 0
        while i + 32 <= n {
            lanes.0 = round(lanes.0, base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            lanes.1 = round(lanes.1, base.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
            lanes.2 = round(lanes.2, base.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
            lanes.3 = round(lanes.3, base.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
            i += 32
        }
        var h = rotate(lanes.0, 1) &+ rotate(lanes.1, 7) &+ rotate(lanes.2, 12) &+ rotate(lanes.3, 18)
        h = (h ^ UInt64(n)) &* p1
        while i + 8 <= n {
            h = rotate(h ^ round(0, base.loadUnaligned(fromByteOffset: i, as: UInt64.self)), 27) &* p1 &+ p3
            i += 8
        }
        while i < n {
            h = rotate(h ^ (UInt64(base.load(fromByteOffset: i, as: UInt8.self)) &* p3), 11) &* p1
            i += 1
        }
        return mix(h)
    }

    /// The hash of an array's elements as bytes.
    static func of<Element: BitwiseCopyable>(_ array: [Element]) -> UInt64 {
        array.withUnsafeBytes { of($0) }
    }

    @inline(__always)
    private static func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        rotate(lane &+ word &* p2, 31) &* p1
    }

    @inline(__always)
    private static func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// Spreads every input bit over the whole result.
    private static func mix(_ x: UInt64) -> UInt64 {
        var h = x
        h ^= h >> 33
        h = h &* p2
        h ^= h >> 29
        h = h &* p3
        return h ^ (h >> 32)
    }
}
