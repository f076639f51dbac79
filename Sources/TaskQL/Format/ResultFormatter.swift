/// Renders a ``QueryResult`` as text in one ``OutputFormat``. A pure
/// function: the caller decides the terminal width and whether to colour.
///
/// ```swift
/// let formatter = ResultFormatter(format: .table, options: .init(terminalWidth: 80))
/// print(formatter.render(result), terminator: "")
/// ```
public struct ResultFormatter: Sendable, Hashable {
    /// Knobs that depend on where the output goes.
    public struct Options: Sendable, Hashable {
        /// Columns available; tables shrink their widest text columns to fit
        /// and charts scale their bars. Nil: no limit (output to a pipe).
        public var terminalWidth: Int?
        /// Whether to emit ANSI colour (headers bold, null dim). Only for
        /// terminals; machine formats (csv, json, jsonl) never colour.
        public var color: Bool
        /// No table cell wider than this many display columns (nil: no cap).
        public var maxCellWidth: Int?
        /// Whether tables end with a `(N rows)` line.
        public var showsRowCount: Bool
        /// Whether `table`, `box` and `csv` start with the column names
        /// (sqlite3's `.headers`). Markdown keeps its header: a pipe table
        /// without one is not a table.
        public var showsHeader: Bool
        /// How a null cell is spelled in every text format but JSON (sqlite3's
        /// `.nullvalue`); nil: `null` in tables, `line` and Markdown, the
        /// empty field in CSV. JSON keeps `null`.
        public var nullText: String?
        /// Most rows a `table` or `box` shows: a longer result shows its
        /// first and last rows around a `…` line, and the row count says how
        /// many were shown (DuckDB's `.maxrows`). Nil: every row. Machine
        /// formats never drop rows.
        public var maxRows: Int?

        /// Creates options; the defaults suit a pipe.
        public init(
            terminalWidth: Int? = nil, color: Bool = false, maxCellWidth: Int? = nil, showsRowCount: Bool = true,
            showsHeader: Bool = true, nullText: String? = nil, maxRows: Int? = nil
        ) {
            self.terminalWidth = terminalWidth
            self.color = color
            self.maxCellWidth = maxCellWidth
            self.showsRowCount = showsRowCount
            self.showsHeader = showsHeader
            self.nullText = nullText
            self.maxRows = maxRows
        }
    }

    /// The output format.
    public var format: OutputFormat
    /// Width, colour and cell limits.
    public var options: Options

    /// Creates a formatter.
    public init(format: OutputFormat, options: Options = Options()) {
        self.format = format
        self.options = options
    }

    /// The whole rendering, ending with a newline (empty for csv with no
    /// columns). Results marked ``QueryResult/isChart`` render as a chart
    /// in the human formats (table, box, chart).
    public func render(_ result: QueryResult) -> String {
        switch format {
        case .table, .box:
            if result.isChart, let chart = ChartRenderer(options: options).render(result) { return chart }
            return TableRenderer(style: format == .box ? .box : .plain, options: options).render(result)
        case .chart:
            if let chart = ChartRenderer(options: options).render(result) { return chart }
            return TableRenderer(style: .plain, options: options).render(result)
        case .csv, .xlsx: return CSVRenderer(options: options).render(result)
        case .json: return JSONRenderer().renderArray(result)
        case .jsonl: return JSONRenderer().renderLines(result)
        case .markdown: return MarkdownRenderer(options: options).render(result)
        case .line: return LineRenderer(options: options).render(result)
        }
    }

    /// The bytes to write for `result`: the workbook for ``OutputFormat/xlsx``,
    /// the UTF-8 of ``render(_:)`` for every other format.
    public func encode(_ result: QueryResult) throws(XLSXWorkbook.Failure) -> [UInt8] {
        guard format == .xlsx else { return Array(render(result).utf8) }
        return try XLSXWorkbook(sheets: [("Sheet1", result)]).data()
    }

    /// `(1 row)` / `(173 rows)`; `(610 rows, 40 shown)` when rows were left out.
    public static func rowCountLine(_ count: Int, shown: Int? = nil) -> String {
        let total = count == 1 ? "1 row" : "\(count) rows"
        guard let shown, shown < count else { return "(\(total))" }
        return "(\(total), \(shown) shown)"
    }
}
