/// The rows a statement produced: named columns and typed cells. This is
/// what formatters render and what the embedding API returns.
public struct QueryResult: Sendable, Hashable, Codable {
    /// Column names in output order.
    public var columns: [String]
    /// Rows; each has exactly `columns.count` cells.
    public var rows: [[Value]]
    /// True when the last stage was `chart`: render as bars.
    public var isChart: Bool

    public init(columns: [String], rows: [[Value]], isChart: Bool = false) {
        self.columns = columns
        self.rows = rows
        self.isChart = isChart
    }

    enum CodingKeys: String, CodingKey {
        case columns, rows
        case isChart = "is_chart"
    }
}
