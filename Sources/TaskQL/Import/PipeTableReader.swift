/// Pipe-flattened tables (`| 序号 | 任务 | 牵头单位 |`). Placeholder until the
/// reader lands: recognises nothing.
public struct PipeTableReader: LayoutReader {
    public init() {}
    public var name: String { "pipe-table" }
    public func confidence(_ document: DocumentLines) -> Int { 0 }
    public func read(_ document: DocumentLines, notes: inout ReaderNotes) throws -> [RawTask] { [] }
}
