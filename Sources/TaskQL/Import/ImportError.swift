/// Why a document or dataset file could not be read, and where.
///
/// Rendered like a compiler message so that editors and terminals can jump
/// to the place: `data.jsonl:1:39: error: …` when the column is known too,
/// `plan.txt:12: error: …` when the line is known,
/// `plan.txt: byte 1234: error: …` for decoding errors, `plan.txt: error: …`
/// otherwise.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// 1-based line the error concerns, when known.
    public var line: Int?
    /// 1-based column in ``line`` (in characters), when known.
    public var column: Int?
    /// 0-based byte offset the error concerns (undecodable input), when known.
    public var byteOffset: Int?
    /// What went wrong, in one sentence.
    public var message: String

    /// Creates an error; give `line` (and `column`) or `byteOffset` when
    /// the place is known.
    public init(file: String, line: Int? = nil, column: Int? = nil, byteOffset: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
        self.message = message
    }

    /// `file:line:column: error: message`, `file:line: error: message`,
    /// `file: byte N: error: message` or `file: error: message`.
    public var description: String {
        if let line, let column { return "\(file):\(line):\(column): error: \(message)" }
        if let line { return "\(file):\(line): error: \(message)" }
        if let byteOffset { return "\(file): byte \(byteOffset): error: \(message)" }
        return "\(file): error: \(message)"
    }
}
