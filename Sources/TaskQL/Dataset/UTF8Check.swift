/// Whether bytes are valid UTF-8, fast for the ASCII that dominates JSON.
/// (`String(validating:as:)` is generic and not specialised for a caller
/// outside the standard library: on a large file its metadata lookups cost
/// more than the check.)
///
/// A large buffer is checked on every core, cut where a character starts
/// (a byte that does not continue a sequence): each piece is then valid on
/// its own exactly when the whole is.
enum UTF8Check {
    static func isValid(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = min(ParallelRows.cores, utf8.count / (4 << 20))
        guard n > 1 else { return isValidPiece(utf8) }
        var cuts = [0]
        for p in 1..<n {
            var cut = max(cuts.last!, utf8.count * p / n)
            while cut < utf8.count, utf8[cut] & 0xC0 == 0x80, cut - utf8.count * p / n < 4 { cut += 1 }
            cuts.append(cut)
        }
        cuts.append(utf8.count)
        let pieces = (0..<n).map { cuts[$0]..<cuts[$0 + 1] }
        return ParallelRows.map(pieces) { _, piece in isValidPiece(UnsafeBufferPointer(rebasing: utf8[piece])) }
            .allSatisfy { $0 }
    }

    private static func isValidPiece(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = utf8.count
        while index < count {
            // Skip ASCII eight bytes at a time.
            while index + 8 <= count,
                UnsafeRawPointer(utf8.baseAddress! + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
            }
            let lead = index < count ? utf8[index] : 0
            if lead < 0x80 {
                index += 1
                continue
            }
            // The commonest case in Chinese text first: a three-byte
            // character whose lead puts no bound on its second byte.
            if lead & 0xF0 == 0xE0, lead != 0xE0, lead != 0xED, index + 3 <= count,
                utf8[index + 1] & 0xC0 == 0x80, utf8[index + 2] & 0xC0 == 0x80
            {
                index += 3
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: return false
            }
            guard index + length <= count else { return false }
            let second = utf8[index + 1]
            guard second >= low, second <= high else { return false }
            for k in 2..<max(2, length) where utf8[index + k] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }
}
