/// libedit's history file format, written by us rather than by
/// `write_history` (which reports success when its writes failed): a
/// `_HiStOrY_V2_` line, then one entry per line, oldest first, encoded so
/// that libedit's `read_history` (`strunvis(3)`) gives the entry back:
/// a backslash doubled, spaces, tabs, line breaks and other control
/// characters as three-digit octal escapes (`\040`), everything else
/// (UTF-8 Chinese included) as it is.
package enum HistoryEncoding {
    /// The first line of every file libedit reads as history.
    package static let cookie = "_HiStOrY_V2_"

    /// The whole file for `entries`.
    package static func file(_ entries: [String]) -> [UInt8] {
        var bytes = Array((cookie + "\n").utf8)
        for entry in entries {
            bytes += line(entry)
            bytes.append(0x0A)
        }
        return bytes
    }

    /// One entry as its line (without the line break).
    package static func line(_ entry: String) -> [UInt8] {
        var bytes: [UInt8] = []
        for byte in entry.utf8 {
            switch byte {
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0x00...0x20, 0x7F: bytes += octalEscape(byte)
            default: bytes.append(byte)
            }
        }
        return bytes
    }

    private static func octalEscape(_ byte: UInt8) -> [UInt8] {
        [0x5C, 0x30 + (byte >> 6), 0x30 + ((byte >> 3) & 7), 0x30 + (byte & 7)]
    }

    /// The entries of a history file, oldest first: the inverse of
    /// ``file(_:)``, also reading the escapes libedit itself writes (`\\`,
    /// three-digit octal, `\s`, `\t`, `\n`). The cookie line is skipped;
    /// a line that is not valid UTF-8 is dropped.
    package static func entries(ofFile bytes: [UInt8]) -> [String] {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: true)
        if let first = lines.first, Array(first) == Array(cookie.utf8) { lines.removeFirst() }
        return lines.compactMap { line in String(validating: unescaped(Array(line)), as: UTF8.self) }
    }

    private static func unescaped(_ line: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < line.count {
            let byte = line[i]
            guard byte == 0x5C, i + 1 < line.count else {
                out.append(byte)
                i += 1
                continue
            }
            let next = line[i + 1]
            let isOctal = { (b: UInt8) in (0x30...0x37).contains(b) }
            if i + 3 < line.count, isOctal(next), isOctal(line[i + 2]), isOctal(line[i + 3]) {
                out.append(((next - 0x30) << 6) | ((line[i + 2] - 0x30) << 3) | (line[i + 3] - 0x30))
                i += 4
                continue
            }
            switch next {
            case UInt8(ascii: "s"): out.append(0x20)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "n"): out.append(0x0A)
            default: out.append(next)
            }
            i += 2
        }
        return out
    }
}
