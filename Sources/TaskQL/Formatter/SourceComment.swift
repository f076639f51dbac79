// Comments are not in the syntax tree; the formatter takes them from the
// lexer's full token stream and puts each back by its position: before the
// first piece of code that followed it.

/// A `# …` comment of the source, as written.
struct SourceComment: Sendable, Equatable {
    /// The comment from `#`, without trailing spaces (or the `\r` of a CRLF line).
    var text: String
    /// Where it was written.
    var span: SourceSpan
    /// Whether code comes before it on its line (`x  # why`), rather than it
    /// having the line to itself.
    var isTrailing: Bool

    /// Every comment of `text`, in order.
    static func all(in text: String) -> [SourceComment] {
        let bytes = Array(text.utf8)
        var comments: [SourceComment] = []
        var lineHasCode = false
        for token in Lexer.scan(text) {
            switch token.kind {
            case .newline:
                lineHasCode = false
            case .comment:
                var written = String(decoding: bytes[token.span.start..<token.span.end], as: UTF8.self)
                while let last = written.unicodeScalars.last, last.properties.isWhitespace {
                    written.unicodeScalars.removeLast()
                }
                comments.append(SourceComment(text: written, span: token.span, isTrailing: lineHasCode))
            default:
                lineHasCode = true
            }
        }
        return comments
    }
}

/// The comments not yet placed, in source order. The layout takes them as
/// it passes the code they came before, so every comment is printed once,
/// in its order.
struct CommentQueue {
    private var comments: [SourceComment]
    private var next = 0

    /// A queue of `comments`, which are in source order.
    init(_ comments: [SourceComment]) { self.comments = comments }

    /// Whether every comment has been taken.
    var isEmpty: Bool { next == comments.count }

    /// The comments that start before byte `offset`, removed from the queue.
    mutating func take(before offset: Int) -> [SourceComment] {
        let start = next
        while next < comments.count, comments[next].span.start < offset { next += 1 }
        return Array(comments[start..<next])
    }

    /// Every comment left.
    mutating func takeAll() -> [SourceComment] { take(before: Int.max) }
}
