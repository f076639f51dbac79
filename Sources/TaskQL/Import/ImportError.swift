/// Why a document or dataset file could not be read, and where.
///
/// Rendered like a compiler message so that editors and terminals can jump
/// to the place: `data.jsonl:1:39: error: …` when the column is known too,
/// `plan.txt:12: error: …` when the line is known,
/// `plan.txt: byte 1234: error: …` for decoding errors, `plan.txt: error: …`
/// otherwise.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem (`E05xx`).
    public var code: DiagnosticCode
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
    public init(
        code: DiagnosticCode, file: String, line: Int? = nil, column: Int? = nil, byteOffset: Int? = nil,
        message: String
    ) {
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
        self.message = message
    }

    /// Where in the file.
    public var location: FileLocation {
        FileLocation(file: file, line: line, column: column, byteOffset: byteOffset)
    }

    /// The error as a ``Diagnostic`` at its ``location``; `span` is the
    /// query text that read the file (a `load` statement), if any.
    public func diagnostic(span: SourceSpan? = nil) -> Diagnostic {
        Diagnostic(code: code, message: message, span: span, location: location)
    }

    /// `file:line:column: error: message`, `file:line: error: message`,
    /// `file: byte N: error: message` or `file: error: message`.
    public var description: String { "\(location): error: \(message)" }
}
