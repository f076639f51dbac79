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

// `extract`: a constant pattern is compiled once per stage, a computed one
// per row (an invalid one is a runtime error with the pattern's span).
extension ExprCompiler {
    func extract(_ args: [CheckedExpr], _ span: SourceSpan) throws(RuntimeError) -> ValueFunction {
        let text = try value(args[0])
        let group: ValueFunction? = args.count == 3 ? try value(args[2]) : nil
        let groupSpan = args.count == 3 ? args[2].span : span
        if let constant = constant(args[1]) {
            guard case .string(let pattern) = constant else { return { _ in .null } }
            let captures = RegexCaptures(program: try Self.program(pattern, args[1].span))
            return { i throws(RuntimeError) in
                try Self.extract(try text(i), captures, try group?(i), groupSpan, span)
            }
        }
        let pattern = try value(args[1])
        return { i throws(RuntimeError) in
            guard case .string(let p) = try pattern(i) else { return .null }
            let captures = RegexCaptures(program: try Self.program(p, args[1].span))
            return try Self.extract(try text(i), captures, try group?(i), groupSpan, span)
        }
    }

    static func program(_ pattern: String, _ span: SourceSpan) throws(RuntimeError) -> RegexProgram {
        do {
            return try RegexProgram(pattern: pattern)
        } catch {
            throw RuntimeError(
                code: DiagnosticCode.runtimeRegex, message: "invalid regular expression: \(error.reason)",
                span: span, help: error.help)
        }
    }

    /// The text `group` (nil: the default) matched in `text`; null when
    /// the text, the group or the match is missing.
    static func extract(
        _ text: Value, _ captures: RegexCaptures, _ group: Value?, _ groupSpan: SourceSpan, _ span: SourceSpan
    ) throws(RuntimeError) -> Value {
        guard case .string(let s) = text else { return .null }
        let groups = captures.program.groupCount
        var wanted = groups > 0 ? 1 : 0
        switch group {
        case .none: break
        case .some(.null): return .null
        case .int(let n)? where n >= 0 && n <= groups: wanted = n
        default:
            throw RuntimeError(
                code: DiagnosticCode.runtimeType,
                message: "the pattern has \(groups) group\(groups == 1 ? "" : "s"), not a group \(group!.displayText)",
                span: groupSpan)
        }
        let scalars = Array(s.unicodeScalars)
        let found: [Range<Int>?]?
        do {
            found = try captures.firstMatch(in: scalars)
        } catch {
            throw RuntimeError(code: DiagnosticCode.runtimeRegex, message: error.reason, span: span)
        }
        guard let found, let range = found[wanted] else { return .null }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[range])
        return .string(String(out))
    }
}
