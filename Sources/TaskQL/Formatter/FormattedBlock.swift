// The formatted script is a column of blocks — statements, comments on
// their own lines, dot-command lines — in source order. Where the source
// had a blank line between two of them, the output has exactly one.

/// One formatted statement, comment line or dot-command line, with where
/// it was in the script.
struct FormattedBlock: Sendable {
    /// The formatted text, without a final line break.
    var text: String
    /// Byte offsets in the whole script of what it was formatted from.
    var start: Int
    var end: Int
    /// Whether its last line ends in a comment (so another comment cannot
    /// follow on that line).
    var endsWithComment = false

    init(text: String, start: Int, end: Int) {
        self.text = text
        self.start = start
        self.end = end
    }

    /// A comment on its own line; its span is relative to `offset`.
    init(comment: SourceComment, offset: Int) {
        self.init(text: comment.text, start: offset + comment.span.start, end: offset + comment.span.end)
        endsWithComment = true
    }

    /// A dot-command line as written, without its line break.
    init(dotCommand segment: ScriptSegment) {
        var line = segment.text
        while line.last == "\n" || line.last == "\r" || line.last == "\r\n" { line.removeLast() }
        self.init(text: String(line), start: segment.offset, end: segment.offset + line.utf8.count)
    }

    /// Adds a comment after the text: at the end of the last line if it
    /// followed code there, else on a line of its own.
    mutating func append(_ comment: SourceComment, offset: Int) {
        text += (comment.isTrailing && !endsWithComment ? "  " : "\n") + comment.text
        end = max(end, offset + comment.span.end)
        endsWithComment = true
    }

    /// The blocks one per line, with one blank line where the script had
    /// at least one between them, and a final line break.
    static func join(_ blocks: [FormattedBlock], in script: String) -> String {
        let bytes = Array(script.utf8)
        var output = ""
        var previousEnd: Int?
        for block in blocks {
            if let previousEnd {
                let between = bytes[min(previousEnd, block.start)..<block.start]
                output += between.count(where: { $0 == UInt8(ascii: "\n") }) >= 2 ? "\n\n" : "\n"
            }
            output += block.text
            previousEnd = block.end
        }
        return output.isEmpty ? "" : output + "\n"
    }
}
