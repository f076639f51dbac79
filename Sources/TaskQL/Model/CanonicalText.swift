import Foundation

/// TaskQL's one definition of text equality: every string is put in Unicode
/// Normalization Form C where it enters — a task loaded into the column
/// store, a query literal, a bound parameter, a unit alias, the result of a
/// string function or of `+` — and from then on strings are compared by
/// their UTF-8 bytes.
///
/// Canonically equivalent spellings (`é` as one scalar or as `e` + U+0301,
/// the CJK compatibility ideograph U+F900 and its unified twin U+8C48) are
/// then one string on every path: the byte searches on text columns, the
/// masks over pooled strings, ``Value/compare(_:_:)`` and the `String`
/// hashing that grouping uses all agree. Compatibility forms are *not*
/// folded: full-width `ＡＢＣ`, `①` and `㈠` stay as written, as the documents
/// print them.
enum CanonicalText {
    /// `s` in Normalization Form C.
    static func nfc(_ s: String) -> String {
        if isSurelyNFC(s) { return s }
        return s.precomposedStringWithCanonicalMapping
    }

    /// `value` with every string in it (list elements too) in NFC.
    static func nfc(_ value: Value) -> Value {
        switch value {
        case .string(let s): .string(nfc(s))
        case .list(let items): .list(items.map(nfc))
        default: value
        }
    }

    /// A quick check that spares the normaliser almost all real text: a
    /// string made only of scalars that are NFC on their own, have combining
    /// class 0 and never compose with what follows is in NFC. Whatever
    /// could combine (U+0300 and up outside the ranges below) goes the slow
    /// way. Full normalisation costs ~10 µs for a 200-character task text;
    /// this check costs a pass over the scalars.
    static func isSurelyNFC(_ s: String) -> Bool {
        // Native strings are contiguous UTF-8: read the bytes, skipping
        // ASCII, Latin below U+0300 and the ideographs U+5000–U+9FFF
        // (lead bytes E5–E9) without decoding them. This runs on every
        // string of a dataset file.
        if let result = s.utf8.withContiguousStorageIfAvailable(isSurelyNFC(utf8:)) { return result }
        return s.unicodeScalars.allSatisfy { isSurelyNFC($0.value) }
    }

    /// ``isSurelyNFC(_:)`` on valid UTF-8 bytes.
    static func isSurelyNFC(utf8 b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < b.count {
            let lead = b[i]
            switch lead {
            case ..<0x80: i += 1
            case ..<0xCC: i += 2  // U+0080–U+02FF
            case 0xE5...0xE9: i += 3  // U+5000–U+9FFF
            case 0xE0...0xEF:
                let v = UInt32(lead & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                guard isSurelyNFC(v) else { return false }
                i += 3
            default: return false  // U+0300–U+07FF and beyond U+FFFF: may combine or decompose
            }
        }
        return true
    }

    static func isSurelyNFC(_ v: UInt32) -> Bool {
        if v < 0x300 { return true }
        switch v {
        case 0x2010...0x2027, 0x2030...0x205E,  // general punctuation (no singletons such as U+2000)
            0x2460...0x24FF, 0x2500...0x27BF,  // enclosed alphanumerics, box drawing, dingbats
            0x3000...0x3029, 0x3030...0x3096, 0x30A0...0x30FF,  // CJK punctuation, kana (U+3099/309A combine)
            0x3200...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,  // enclosed CJK, ideographs
            0xFF01...0xFFEF:  // full-width and half-width forms
            return true
        default:
            return false
        }
    }
}
