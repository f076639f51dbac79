/// A minimal JSON reader over UTF-8 bytes, enough for dataset-file lines:
/// objects, arrays, strings, integers, `null`, `true`/`false`. It exists
/// because Foundation's decoder reads task records about 30× slower.
struct JSONScanner {
    /// Why a line is not valid JSON, with the byte column.
    struct Failure: Error {
        var column: Int
        var message: String
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var i: Int
    let end: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        self.bytes = bytes
        i = start
        self.end = end
    }

    func fail(_ message: String) -> Failure { Failure(column: i, message: message) }

    mutating func skipSpace() {
        while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D || bytes[i] == 0x0A { i += 1 }
    }

    var atEnd: Bool { i >= end }

    /// Consumes `byte` (after spaces) or fails, saying what came instead.
    mutating func expect(_ byte: UInt8, _ what: String) throws(Failure) {
        skipSpace()
        guard i < end, bytes[i] == byte else { throw fail("expected \(what), found \(describeNext())") }
        i += 1
    }

    /// What the next value or character is, for messages: `a string`,
    /// `the number 1e30`, `'^'`, `the end of the line`.
    func describeNext() -> String {
        guard i < end else { return "the end of the line" }
        switch bytes[i] {
        case 0x22: return "a string"
        case 0x7B: return "an object"
        case 0x5B: return "a list"
        case 0x74, 0x66: return "true or false"
        case 0x6E: return "null"
        case 0x2D, 0x30...0x39:
            var j = i
            while j < end, j - i < 40, !",}] \t\r\n".utf8.contains(bytes[j]) { j += 1 }
            return "the number \(String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<j]), as: UTF8.self))"
        default:
            guard
                let scalar = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<end]), as: UTF8.self)
                    .unicodeScalars.first
            else { return "the end of the line" }
            return "'\(scalar)'"
        }
    }

    /// Consumes `byte` if it comes next (after spaces).
    mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        if i < end, bytes[i] == byte {
            i += 1
            return true
        }
        return false
    }

    /// Consumes `null` if it comes next.
    mutating func takeNull() -> Bool {
        skipSpace()
        guard i + 4 <= end, bytes[i] == 0x6E, bytes[i + 1] == 0x75, bytes[i + 2] == 0x6C, bytes[i + 3] == 0x6C else {
            return false
        }
        i += 4
        return true
    }

    /// Where a string value's bytes are: a range of the scanned bytes when
    /// it has no escapes (almost always), else a range of the `decoded`
    /// buffer its caller passed.
    struct StringBytes {
        var range: Range<Int>
        var isDecoded: Bool
        static let empty = StringBytes(range: 0..<0, isDecoded: false)
    }

    /// A string value, as bytes in place. The bytes are valid UTF-8 already
    /// (a file is checked as a whole before it is read in place, see
    /// `DatasetFile.utf8Body`; text comes from a `String`), so a value is
    /// never re-checked; escapes are decoded onto the end of `decoded`.
    mutating func stringBytes(decoded: inout [UInt8]) throws(Failure) -> StringBytes {
        try expect(0x22, "a string")
        let start = i
        while i < end, bytes[i] != 0x22, bytes[i] != 0x5C, bytes[i] >= 0x20 { i += 1 }
        if i < end, bytes[i] == 0x22 {
            i += 1
            return StringBytes(range: start..<(i - 1), isDecoded: false)
        }
        let decodedStart = decoded.count
        decoded.append(contentsOf: bytes[start..<i])
        while i < end {
            let b = bytes[i]
            i += 1
            if b == 0x22 { return StringBytes(range: decodedStart..<decoded.count, isDecoded: true) }
            if b < 0x20 {
                i -= 1
                throw fail("control character in a string (JSON escapes them)")
            }
            if b != 0x5C {
                decoded.append(b)
                continue
            }
            try escape(into: &decoded)
        }
        throw fail("unterminated string")
    }

    /// A string value as a `String`.
    mutating func string() throws(Failure) -> String {
        var decoded: [UInt8] = []
        let value = try stringBytes(decoded: &decoded)
        if value.isDecoded { return String(decoding: decoded, as: UTF8.self) }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[value.range]), as: UTF8.self)
    }

    private mutating func escape(into out: inout [UInt8]) throws(Failure) {
        guard i < end else { throw fail("unterminated string") }
        let c = bytes[i]
        i += 1
        switch c {
        case 0x22, 0x5C, 0x2F: out.append(c)
        case 0x62: out.append(0x08)
        case 0x66: out.append(0x0C)
        case 0x6E: out.append(0x0A)
        case 0x72: out.append(0x0D)
        case 0x74: out.append(0x09)
        case 0x75:
            var scalar = try hex4()
            if (0xD800...0xDBFF).contains(scalar), i + 1 < end, bytes[i] == 0x5C, bytes[i + 1] == 0x75 {
                i += 2
                let low = try hex4()
                // A high surrogate must pair with a low one (`\uD800\u0041` is no character).
                guard (0xDC00...0xDFFF).contains(low) else { throw fail("unpaired surrogate in a \\u escape") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let s = Unicode.Scalar(scalar) else { throw fail("invalid \\u escape") }
            out.append(contentsOf: Array(String(Character(s)).utf8))
        default: throw fail("invalid escape")
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard i + 4 <= end else { throw fail("invalid \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            i += 1
            let digit: UInt8
            switch b {
            case 0x30...0x39: digit = b - 0x30
            case 0x61...0x66: digit = b - 0x61 + 10
            case 0x41...0x46: digit = b - 0x41 + 10
            default: throw fail("invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    mutating func optionalString() throws(Failure) -> String? {
        takeNull() ? nil : try string()
    }

    /// An integer: digits, with a `-` in front for a negative one. A
    /// fraction or an exponent (`1.5`, `1e30`) is no integer, and one beyond
    /// `Int`'s range is an error, never a truncated value.
    mutating func int() throws(Failure) -> Int {
        skipSpace()
        let first = i
        let negative = i < end && bytes[i] == 0x2D
        if negative { i += 1 }
        let start = i
        var value = 0
        var overflow = false
        while i < end, bytes[i] >= 0x30, bytes[i] <= 0x39 {
            let digit = Int(bytes[i] - 0x30)
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) =
                negative ? times10.subtractingReportingOverflow(digit) : times10.addingReportingOverflow(digit)
            overflow = overflow || o1 || o2
            value = next
            i += 1
        }
        if i == start || (i < end && [0x2E, 0x65, 0x45].contains(bytes[i])) {
            i = first
            throw fail("expected an integer, found \(describeNext())")
        }
        if overflow {
            let digits = String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<i]), as: UTF8.self)
            i = first
            throw fail("the number \(digits) is out of range (integers are \(Int.min) to \(Int.max))")
        }
        return value
    }

    /// Skips any value (for keys a newer writer may add), nested to any
    /// depth without recursion: the containers still open are a stack of
    /// their closing brackets.
    mutating func skipValue() throws(Failure) {
        var closers: [UInt8] = []
        var scratch: [UInt8] = []
        repeat {
            skipSpace()
            guard i < end else { throw fail("expected a value") }
            switch bytes[i] {
            case 0x22: _ = try stringBytes(decoded: &scratch)
            case 0x7B, 0x5B:
                let close: UInt8 = bytes[i] == 0x7B ? 0x7D : 0x5D
                i += 1
                if !take(close) {
                    closers.append(close)
                    if close == 0x7D {
                        _ = try stringBytes(decoded: &scratch)
                        try expect(0x3A, ":")
                    }
                    continue
                }
            default:
                let start = i
                while i < end, !",}] \t\r\n".utf8.contains(bytes[i]) { i += 1 }
                if i == start { throw fail("expected a value") }
            }
            // A value ended: close what it ended, or go on to the next element.
            while let close = closers.last {
                if take(0x2C) {
                    if close == 0x7D {
                        _ = try stringBytes(decoded: &scratch)
                        try expect(0x3A, ":")
                    }
                    break
                }
                try expect(close, "a closing bracket")
                closers.removeLast()
            }
        } while !closers.isEmpty
    }
}
