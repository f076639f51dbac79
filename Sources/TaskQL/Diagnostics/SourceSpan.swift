/// A range of UTF-8 bytes in a source text. Line and column are computed
/// only when a diagnostic is displayed (as jq does), so spans stay cheap.
public struct SourceSpan: Hashable, Sendable, CustomStringConvertible {
    /// Offset of the first byte.
    public var start: Int
    /// Offset one past the last byte (`start == end` for a point).
    public var end: Int

    /// Creates a span; `end` is clamped to be at least `start`.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    /// The smallest span covering both.
    public func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(start: min(start, other.start), end: max(end, other.end))
    }

    public var description: String { "\(start)..<\(end)" }
}

/// A named source text (a file, `<stdin>`, `<repl>`, `-c`), with the means
/// to turn byte offsets into 1-based line and column numbers.
public struct SourceText: Sendable {
    /// Name shown in diagnostics (`queries/overdue.tql`).
    public let name: String
    /// The text itself.
    public let text: String
    /// Byte offsets where each line starts.
    let lineStarts: [Int]
    /// The line number of the text's first line: a statement cut from line
    /// 900 of a script is numbered from 900 without 899 line breaks in front
    /// of it (which made running a long script quadratic).
    public let firstLine: Int

    /// Creates a source text whose first line is line `firstLine`.
    public init(name: String, text: String, firstLine: Int = 1) {
        self.name = name
        self.text = text
        self.firstLine = max(1, firstLine)
        var starts = [0]
        var offset = 0
        for byte in text.utf8 {
            offset += 1
            if byte == 0x0A { starts.append(offset) }
        }
        lineStarts = starts
    }

    /// 1-based line and column for a byte offset. The column counts display
    /// cells (a CJK character is two), which is what a terminal user sees.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let clamped = max(0, min(offset, text.utf8.count))
        var lo = 0
        var hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= clamped { lo = mid } else { hi = mid - 1 }
        }
        let lineStart = lineStarts[lo]
        let prefix = lineText(lo + firstLine).utf8.prefix(clamped - lineStart)
        let column = DisplayWidth.of(String(decoding: prefix, as: UTF8.self)) + 1
        return (lo + firstLine, column)
    }

    /// The text of line `number` (counted from ``firstLine``), without its
    /// line break.
    public func lineText(_ number: Int) -> String {
        let line = number - firstLine + 1
        guard line >= 1, line <= lineStarts.count else { return "" }
        let bytes = Array(text.utf8)
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }
}
