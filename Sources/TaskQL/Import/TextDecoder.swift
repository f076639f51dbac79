#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns a file's bytes into text: detects or applies the encoding and
/// reports undecodable input with its byte offset.
///
/// GB18030 goes through the C library's `iconv`, because Foundation on Linux
/// has no GB18030 converter.
enum TextDecoder {
    /// The decoded text and the encoding it was read in.
    struct Decoded {
        var text: String
        var encoding: TextEncodingName
    }

    /// Decodes `bytes`; `file` names the input in errors.
    static func decode(_ bytes: [UInt8], file: String, encoding: TextEncodingName?) throws(ImportError) -> Decoded {
        if bytes.isEmpty { throw ImportError(code: .noTasks, file: file, message: "the file is empty") }
        if let encoding { return try decode(bytes, file: file, as: encoding) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return try decode(bytes, file: file, as: .utf8) }
        if bytes.starts(with: [0xFF, 0xFE]) { return try decode(bytes, file: file, as: .utf16LE) }
        if bytes.starts(with: [0xFE, 0xFF]) { return try decode(bytes, file: file, as: .utf16BE) }
        if let order = unmarkedUTF16Order(bytes) { return try decode(bytes, file: file, as: order) }
        if let nul = bytes.firstIndex(of: 0) {
            throw ImportError(
                code: .undecodableText, file: file, byteOffset: nul,
                message: "binary file (NUL byte), not a text document")
        }
        if let text = String(validating: bytes, as: UTF8.self) { return Decoded(text: text, encoding: .utf8) }
        let utf8Error = firstInvalidUTF8Offset(bytes) ?? 0
        switch GB18030Converter.convert(bytes) {
        case .success(let text): return Decoded(text: text, encoding: .gb18030)
        case .failure(let offset):
            throw ImportError(
                code: .undecodableText, file: file, byteOffset: utf8Error,
                message: "cannot decode the text: not UTF-8 (invalid byte at \(utf8Error)) nor GB18030 "
                    + "(invalid byte at \(offset)); choose the encoding explicitly if it is another one")
        }
    }

    /// Decodes `bytes` in the given encoding (a matching byte-order mark is skipped).
    static func decode(_ bytes: [UInt8], file: String, as encoding: TextEncodingName) throws(ImportError) -> Decoded {
        switch encoding {
        case .utf8:
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            guard let text = String(validating: body, as: UTF8.self) else {
                let offset = (firstInvalidUTF8Offset(body) ?? 0) + (bytes.count - body.count)
                throw ImportError(code: .undecodableText, file: file, byteOffset: offset, message: "invalid UTF-8")
            }
            return Decoded(text: text, encoding: .utf8)
        case .utf16:
            if bytes.starts(with: [0xFE, 0xFF]) { return try decode(bytes, file: file, as: .utf16BE) }
            return try decode(bytes, file: file, as: .utf16LE)
        case .utf16LE, .utf16BE:
            let text = try decodeUTF16(bytes, file: file, bigEndian: encoding == .utf16BE)
            return Decoded(text: text, encoding: encoding)
        case .gb18030:
            switch GB18030Converter.convert(bytes) {
            case .success(let text): return Decoded(text: text, encoding: .gb18030)
            case .failure(let offset):
                throw ImportError(code: .undecodableText, file: file, byteOffset: offset, message: "invalid GB18030")
            }
        }
    }

    /// UTF-16 without a byte-order mark: NUL bytes appear (high bytes of
    /// ASCII, low bytes of characters such as `一` U+4E00), and read in one
    /// byte order the text is almost all printable ASCII, CJK and CJK
    /// punctuation, with no NUL character. Binary files fail both orders.
    static func unmarkedUTF16Order(_ bytes: [UInt8]) -> TextEncodingName? {
        guard bytes.count >= 4, bytes.count % 2 == 0, bytes.contains(0) else { return nil }
        let sample = Array(bytes.prefix(65536))
        if isPlausibleUTF16(sample, bigEndian: false) { return .utf16LE }
        if isPlausibleUTF16(sample, bigEndian: true) { return .utf16BE }
        return nil
    }

    static func isPlausibleUTF16(_ bytes: [UInt8], bigEndian: Bool) -> Bool {
        var plausible = 0
        var total = 0
        var i = 0
        while i + 1 < bytes.count {
            let unit =
                bigEndian ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]) : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i])
            i += 2
            total += 1
            switch unit {
            case 0: return false
            case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0xA0...0xFF, 0x2000...0x206F, 0x3000...0x303F, 0x4E00...0x9FFF,
                0xFF00...0xFFEF, 0xD800...0xDFFF:
                plausible += 1
            default: break
            }
        }
        return total > 0 && plausible * 10 >= total * 9
    }

    static func decodeUTF16(_ bytes: [UInt8], file: String, bigEndian: Bool) throws(ImportError) -> String {
        let hasBOM = bigEndian ? bytes.starts(with: [0xFE, 0xFF]) : bytes.starts(with: [0xFF, 0xFE])
        let start = hasBOM ? 2 : 0
        if (bytes.count - start) % 2 != 0 {
            throw ImportError(
                code: .undecodableText, file: file, byteOffset: bytes.count - 1,
                message: "UTF-16 text with an odd number of bytes")
        }
        var units: [UInt16] = []
        units.reserveCapacity((bytes.count - start) / 2)
        var i = start
        while i + 1 < bytes.count {
            let (hi, lo) = bigEndian ? (bytes[i], bytes[i + 1]) : (bytes[i + 1], bytes[i])
            units.append(UInt16(hi) << 8 | UInt16(lo))
            i += 2
        }
        if let bad = firstInvalidUTF16Index(units) {
            throw ImportError(
                code: .undecodableText, file: file, byteOffset: start + bad * 2,
                message: "invalid UTF-16 (unpaired surrogate)")
        }
        if let nul = units.firstIndex(of: 0) {
            throw ImportError(
                code: .undecodableText, file: file, byteOffset: start + nul * 2,
                message: "binary file (NUL character), not a text document")
        }
        return String(decoding: units, as: UTF16.self)
    }

    static func firstInvalidUTF16Index(_ units: [UInt16]) -> Int? {
        var i = 0
        while i < units.count {
            let u = units[i]
            if UTF16.isLeadSurrogate(u) {
                guard i + 1 < units.count, UTF16.isTrailSurrogate(units[i + 1]) else { return i }
                i += 2
            } else if UTF16.isTrailSurrogate(u) {
                return i
            } else {
                i += 1
            }
        }
        return nil
    }

    /// Byte offset of the first byte that does not start a valid UTF-8 sequence.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }
}

/// GB18030 → String through `iconv`.
enum GB18030Converter {
    enum Outcome {
        case success(String)
        /// Byte offset of the first byte that could not be converted.
        case failure(Int)
    }

    static func convert(_ bytes: [UInt8]) -> Outcome {
        let cd = iconv_open("UTF-8", "GB18030")
        if Int(bitPattern: cd) == -1 { return .failure(0) }
        defer { iconv_close(cd) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 2 + 16)
        let inputCount = input.count
        let result: (Int, Int) = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var inLeft = inputCount
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                var outLeft = outBuf.count
                // The output buffer holds 2 bytes per input byte, more than
                // GB18030 → UTF-8 ever needs (at most 1.5), so E2BIG cannot happen.
                let status = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                let consumed = inputCount - inLeft
                return (status == -1 ? consumed : -1, outBuf.count - outLeft)
            }
        }
        if result.0 >= 0 { return .failure(result.0) }
        let produced = output.prefix(result.1).map { UInt8(bitPattern: $0) }
        guard let text = String(validating: produced, as: UTF8.self) else { return .failure(0) }
        return .success(text)
    }
}
