/// Cell-per-line Word tables (Haimen, Taicang). Placeholder until the
/// reader lands: recognises nothing.
public struct CellTableReader: LayoutReader {
    public init() {}
    public var name: String { "cell-table" }
    public func confidence(_ document: DocumentLines) -> Int { 0 }
    public func read(_ document: DocumentLines, notes: inout ReaderNotes) throws -> [RawTask] { [] }
}
