/// How query results are written: the `--format` option and `.mode`.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
    /// Aligned columns separated by `│`, a header rule and a row count.
    case table
    /// Like `table`, with a full box-drawing frame.
    case box
    /// RFC 4180 comma-separated values with a header line and `\n` line ends.
    case csv
    /// One JSON array of objects.
    case json
    /// One JSON object per line (JSON Lines).
    case jsonl
    /// A GitHub-flavoured Markdown pipe table.
    case markdown
    /// One `column = value` line per field, a blank line between records.
    case line
    /// Horizontal bars for `count by` / `summarize` results.
    case chart
    /// An Excel workbook (``XLSXWorkbook``): bytes, not text, so it goes
    /// to a file (``ResultFormatter/encode(_:)``); ``ResultFormatter/render(_:)``
    /// gives the same cells as CSV.
    case xlsx

    /// Whether the format is bytes for a file rather than text for a terminal.
    public var isBinary: Bool { self == .xlsx }

    /// The names accepted on the command line, for help texts.
    public static var names: String { allCases.map(\.rawValue).joined(separator: "|") }
}
