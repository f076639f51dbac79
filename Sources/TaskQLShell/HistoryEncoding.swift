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
}
