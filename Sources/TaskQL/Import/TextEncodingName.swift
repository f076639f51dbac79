/// A text encoding the importer can read.
///
/// Files are decoded by detection when no encoding is chosen: a byte-order
/// mark decides UTF-8/UTF-16, then valid UTF-8 is UTF-8, then valid GB18030
/// is GB18030 (GB18030 is a superset of GBK and GB2312).
public enum TextEncodingName: String, Sendable, CaseIterable, CustomStringConvertible {
    /// UTF-8, with or without a byte-order mark.
    case utf8 = "utf-8"
    /// UTF-16; the byte-order mark decides the byte order (little-endian without one).
    case utf16 = "utf-16"
    /// UTF-16 little-endian.
    case utf16LE = "utf-16le"
    /// UTF-16 big-endian.
    case utf16BE = "utf-16be"
    /// GB18030 (also reads GBK and GB2312 files).
    case gb18030 = "gb18030"

    /// Parses a user's spelling: case and `-`/`_` are ignored, and `gbk`,
    /// `gb2312`, `cp936`, `euc-cn` mean GB18030 (a superset of them all).
    public init?(name: String) {
        let key = String(name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " })
        switch key {
        case "utf8", "utf8bom", "utf8sig": self = .utf8
        case "utf16", "ucs2": self = .utf16
        case "utf16le", "ucs2le": self = .utf16LE
        case "utf16be", "ucs2be": self = .utf16BE
        case "gb18030", "gbk", "gb2312", "cp936", "euccn", "windows936", "936": self = .gb18030
        default: return nil
        }
    }

    /// The canonical spelling (`utf-8`, `gb18030`).
    public var description: String { rawValue }
}
