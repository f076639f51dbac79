// The formatter's intermediate form: text with the places where a line may
// break, in the manner of Wadler's "prettier printer" (and of prettier and
// rustfmt after it). The formatter only ever puts a break where TQL's line
// rules let a statement go on, so any choice the printer makes re-parses to
// the same tree.

/// Text with the places a line may break, grouped so that the printer can
/// decide for each group whether it fits on the line.
indirect enum LayoutDocument: Sendable {
    /// Text without line breaks.
    case text(String)
    /// A space when its group is flat, a line break when it is broken.
    case line
    /// Always a line break; the groups around it are broken.
    case hardLine
    /// A comment at the end of a line (`  # …`), always followed by a
    /// ``hardLine``; it does not count towards the line width.
    case trailingComment(String)
    /// The parts one after another.
    case concat([LayoutDocument])
    /// Line breaks inside start `by` columns further in than the enclosing ones.
    case indent(by: Int, LayoutDocument)
    /// Flat if it fits on the line (and holds no ``hardLine``), else broken.
    /// `hasHardLine` is computed once, by ``group(_:)``.
    case group(LayoutDocument, hasHardLine: Bool)
    /// Content, separator, content, …: each separator is flat when the
    /// content after it still fits on the line, broken otherwise (prettier's
    /// `fill`), so lists are packed into as few lines as they need.
    case fill([LayoutDocument])

    /// A group around `content`.
    static func group(_ content: LayoutDocument) -> LayoutDocument {
        .group(content, hasHardLine: content.hasHardLine)
    }

    /// Whether a ``hardLine`` is inside (groups answer from their flag).
    var hasHardLine: Bool {
        switch self {
        case .text, .line: false
        case .hardLine, .trailingComment: true
        case .concat(let parts), .fill(let parts): parts.contains { $0.hasHardLine }
        case .indent(_, let content): content.hasHardLine
        case .group(_, let hasHardLine): hasHardLine
        }
    }
}
