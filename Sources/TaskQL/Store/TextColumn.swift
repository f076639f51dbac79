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
        guard var value else { return appendNull() }
        value.withUTF8 { append(utf8: $0) }
    }

    /// Appends one row's value as UTF-8 bytes.
    mutating func append(utf8 value: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: value)
        offsets.append(bytes.count)
        if hasNulls { nulls.append(false) }
    }

    /// Appends a null row.
    mutating func appendNull() {
        offsets.append(bytes.count)
        if !hasNulls {
            hasNulls = true
            nulls = [Bool](repeating: false, count: offsets.count - 2)
        }
        nulls.append(true)
    }

    /// Appends rows `rows` of `other`, bytes copied as they are.
    mutating func append(rows: Range<Int>, of other: TextColumn) {
        guard !rows.isEmpty else { return }
        let first = other.offsets[rows.lowerBound]
        let shift = bytes.count - first
        bytes.append(contentsOf: other.bytes[first..<other.offsets[rows.upperBound]])
        offsets.append(contentsOf: other.offsets[(rows.lowerBound + 1)...rows.upperBound].lazy.map { $0 + shift })
        if other.hasNulls || hasNulls {
            if !hasNulls {
                hasNulls = true
                nulls = [Bool](repeating: false, count: offsets.count - 1 - rows.count)
            }
            if other.hasNulls {
                nulls.append(contentsOf: other.nulls[rows])
            } else {
                nulls.append(contentsOf: repeatElement(false, count: rows.count))
            }
        }
    }

    /// Makes room for `rows` rows in all and `bytes` more bytes.
    mutating func reserveCapacity(rows: Int, bytes more: Int) {
        offsets.reserveCapacity(rows + 1)
        bytes.reserveCapacity(bytes.count + more)
    }

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

    /// The column with each row's bytes other than ASCII dropped, each run
    /// of them leaving one 0x80 byte: an ASCII needle (`5G`, `PM2.5`)
    /// occurs in a row exactly when it occurs in the row's projection (a
    /// match is ASCII bytes with nothing between them, and 0x80 matches no
    /// ASCII byte), and Chinese text projects to a twentieth of its size,
    /// so searching it reads a twentieth of the memory. Null rows project
    /// to empty ones. Built on every core, rows split in parts.
    func asciiProjection(threads: Int) -> TextColumn {
        let rowCount = offsets.count - 1
        let parts = ParallelRows.parts(count: rowCount, threads: threads, minimumRowsPerPart: 1 << 14)
        let projected = ParallelRows.map(parts) { (_, rows) -> (bytes: [UInt8], ends: [Int]) in
            bytes.withUnsafeBufferPointer { all in
                var out: [UInt8] = []
                out.reserveCapacity((offsets[rows.upperBound] - offsets[rows.lowerBound]) / 8)
                var ends: [Int] = []
                ends.reserveCapacity(rows.count)
                let raw = UnsafeRawPointer(all.baseAddress)
                for row in rows {
                    var i = offsets[row]
                    let end = offsets[row + 1]
                    var inRun = false
                    while i < end {
                        // Eight bytes of a run at once (Chinese text is runs).
                        if inRun, i + 8 <= end, let raw,
                            raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080
                                == 0x8080_8080_8080_8080
                        {
                            i += 8
                            continue
                        }
                        let b = all[i]
                        if b < 0x80 {
                            out.append(b)
                            inRun = false
                        } else if !inRun {
                            out.append(0x80)
                            inRun = true
                        }
                        i += 1
                    }
                    ends.append(out.count)
                }
                return (out, ends)
            }
        }
        var column = TextColumn()
        column.bytes.reserveCapacity(projected.reduce(0) { $0 + $1.bytes.count })
        column.offsets.reserveCapacity(rowCount + 1)
        for part in projected {
            let shift = column.bytes.count
            column.bytes.append(contentsOf: part.bytes)
            column.offsets.append(contentsOf: part.ends.lazy.map { $0 + shift })
        }
        return column
    }

    /// Calls `found` with each row of `rows` whose bytes contain the
    /// needle of `search` (not empty), in order: the rows' bytes are searched
    /// as one buffer, and a match across the end of a row is none.
    func forEachRow(in rows: Range<Int>, containing search: ByteSearch, _ found: (Int) -> Void) {
        guard !rows.isEmpty else { return }
        let n = search.needle.count
        offsets.withUnsafeBufferPointer { offsets in
            bytes.withUnsafeBufferPointer { all in
                let hay = UnsafeBufferPointer(rebasing: all[..<offsets[rows.upperBound]])
                var row = rows.lowerBound
                search.forEachMatch(in: hay, from: offsets[row]) { at in
                    while offsets[row + 1] <= at { row += 1 }
                    guard at + n <= offsets[row + 1] else { return at + 1 }
                    found(row)
                    return offsets[row + 1]
                }
            }
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
