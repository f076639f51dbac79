/// A place in a file other than the query: a document or dataset file a
/// diagnostic is about (`plan.jsonl:3:39`, `plan.txt: byte 1234`).
public struct FileLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column in ``line`` (in characters), when known.
    public var column: Int?
    /// 0-based byte offset (undecodable input), when known.
    public var byteOffset: Int?

    /// A place in `file`; give `line` (and `column`) or `byteOffset` when known.
    public init(file: String, line: Int? = nil, column: Int? = nil, byteOffset: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
    }

    /// `file:line:column`, `file:line`, `file: byte N` or `file`.
    public var description: String {
        if let line, let column { return "\(file):\(line):\(column)" }
        if let line { return "\(file):\(line)" }
        if let byteOffset { return "\(file): byte \(byteOffset)" }
        return file
    }
}
