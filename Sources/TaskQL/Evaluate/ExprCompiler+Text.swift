// Byte-level conditions on long text columns (text, title, id, source).
extension ExprCompiler {
    func textTruth(
        _ op: BinaryOperator, _ column: TextColumn, _ k: Value, _ patternSpan: SourceSpan,
        _ span: SourceSpan
    ) throws(RuntimeError) -> TruthFunction? {
        guard case .string(let needle) = k else { return nil }
        let rowIDs = relation.rowIDs
        let search = ByteSearch(needle, frequencies: table.textByteFrequencies)
        let test: (UnsafeBufferPointer<UInt8>) throws(RuntimeError) -> Bool
        switch op {
        case .contains: test = search.occurs(in:)
        case .startsWith: test = search.isPrefix(of:)
        case .endsWith: test = search.isSuffix(of:)
        case .equal, .notEqual:
            let bytes = Array(needle.utf8)
            let equal = op == .equal
            test = { b in b.elementsEqual(bytes) == equal }
        case .matches:
            test = try regexTest(needle, patternSpan, span)
        default:
            return nil
        }
        return { i throws(RuntimeError) in
            let row = Int(rowIDs[i])
            if column.isNull(row) { return nil }
            return try column.withBytes(row) { (b) throws(RuntimeError) -> Bool in try test(b) }
        }
    }

    /// A regex test on UTF-8 bytes; rows without the pattern's required
    /// literal are rejected by a byte search before the regex runs.
    private func regexTest(_ pattern: String, _ patternSpan: SourceSpan, _ span: SourceSpan) throws(RuntimeError)
        -> (UnsafeBufferPointer<UInt8>) throws(RuntimeError) -> Bool
    {
        let matcher = try Self.matcher(pattern, patternSpan)
        let prefilter = matcher.program.requiredLiteral.map { ByteSearch($0, frequencies: table.textByteFrequencies) }
        return { b throws(RuntimeError) in
            if let prefilter, !prefilter.occurs(in: b) { return false }
            return try Self.run(matcher, UTF8Scalars(bytes: b), span)
        }
    }
}
