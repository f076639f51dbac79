#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A column of long strings (text, title, id, source) kept as one buffer of
/// UTF-8 bytes with offsets, so `contains` and `search` scan bytes in place
/// and no `String` is created per row until a value is shown.
struct TextColumn: Sendable {
    /// Every row's UTF-8 bytes, concatenated.
    private(set) var bytes: [UInt8] = []
    /// `offsets[row]..<offsets[row + 1]` are row's bytes; one extra entry.
    private(set) var offsets: [Int] = [0]
    /// Rows whose value is null (only for optional fields); empty when none.
    private(set) var nulls: [Bool] = []
    private var hasNulls = false

    /// An empty column.
    init() {}

    /// A column of `offsets.count - 1` rows from its parts, when they fit
    /// together (offsets from 0 to the byte count, never decreasing, each
    /// row starting a UTF-8 sequence; `nulls` empty or one per row); nil
    /// otherwise. How a snapshot's column is taken back without trusting it.
    init?(bytes: [UInt8], offsets: [Int], nulls: [Bool]) {
        guard offsets.first == 0, offsets.last == bytes.count, nulls.isEmpty || nulls.count == offsets.count - 1
        else { return nil }
        var previous = 0
        for offset in offsets.dropFirst() {
            guard offset >= previous, offset == bytes.count || bytes[offset] & 0xC0 != 0x80 else { return nil }
            previous = offset
        }
        self.bytes = bytes
        self.offsets = offsets
        self.nulls = nulls
        hasNulls = !nulls.isEmpty
    }

    /// Appends one row's value.
    mutating func append(_ value: String?) {
        if let value { bytes.append(contentsOf: value.utf8) }
        offsets.append(bytes.count)
        if value == nil, !hasNulls {
            hasNulls = true
            nulls = [Bool](repeating: false, count: offsets.count - 2)
        }
        if hasNulls { nulls.append(value == nil) }
    }

    /// Makes room for `rows` rows' offsets (the bytes grow with the text).
    mutating func reserveCapacity(rows: Int) { offsets.reserveCapacity(rows + 1) }

    /// Whether row's value is null.
    @inline(__always)
    func isNull(_ row: Int) -> Bool { hasNulls && nulls[row] }

    /// Row's byte range in ``bytes``.
    @inline(__always)
    func range(_ row: Int) -> Range<Int> { offsets[row]..<offsets[row + 1] }

    /// Row's value as a string (nil when null).
    func string(_ row: Int) -> String? {
        if isNull(row) { return nil }
        return String(decoding: bytes[range(row)], as: UTF8.self)
    }

    /// Row's length in Unicode scalars (what `len` counts): its bytes less
    /// those that continue a UTF-8 sequence, counted eight at a time.
    func scalarCount(_ row: Int) -> Int {
        withBytes(row) { b in
            guard let base = b.baseAddress else { return 0 }
            let raw = UnsafeRawPointer(base)
            var continuing = 0
            var i = 0
            // A continuation byte is 10xxxxxx: bit 7 set, bit 6 clear. Each
            // byte lane of `lanes` counts its continuation bytes (at most
            // 255 words at a time); a multiply then sums the lanes. No
            // popcount: baseline x86-64 has no instruction for it.
            while i + 8 <= b.count {
                var lanes: UInt64 = 0
                var words = 0
                while words < 255, i + 8 <= b.count {
                    let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    lanes &+= ((x & ~(x << 1)) >> 7) & 0x0101_0101_0101_0101
                    i += 8
                    words += 1
                }
                let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ ((lanes >> 8) & 0x00FF_00FF_00FF_00FF)
                continuing += Int((pairs &* 0x0001_0001_0001_0001) >> 48)
            }
            while i < b.count {
                if b[i] & 0xC0 == 0x80 { continuing += 1 }
                i += 1
            }
            return b.count - continuing
        }
    }

    /// Compares two rows' bytes (UTF-8 order, which is the order of
    /// strings in NFC): negative, zero or positive.
    func compare(_ a: Int, _ b: Int) -> Int { compare(a, self, b) }

    /// Compares row `a`'s bytes with row `b` of `other` (UTF-8 order).
    func compare(_ a: Int, _ other: TextColumn, _ b: Int) -> Int {
        withBytes(a) { x in
            other.withBytes(b) { y in
                let n = min(x.count, y.count)
                let c = n == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, n)
                return c != 0 ? Int(c) : x.count - y.count
            }
        }
    }

    /// Calls `body` with row's bytes, without copying.
    @inline(__always)
    func withBytes<R, E: Error>(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        let r = range(row)
        let result: Result<R, E> = bytes.withUnsafeBufferPointer { all in
            do throws(E) {
                return .success(try body(UnsafeBufferPointer(rebasing: all[r])))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
