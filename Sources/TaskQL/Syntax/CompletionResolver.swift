// Works out a `CompletionContext` from the tokens before the cursor.

/// Classifies the cursor position from the tokens that precede it.
struct CompletionResolver {
    let text: String
    /// Scanned tokens before the cursor, without the end of input.
    let tokens: [Token]

    static let operatorWords = [
        "and", "or", "not", "in", "is", "contains", "startswith", "endswith", "matches", "has",
    ]

    func context() -> CompletionContext {
        guard let last = tokens.last else { return .sourceName(prefix: "") }
        let endsAtCursor = last.span.end == text.utf8.count
        switch last.kind {
        case .comment: return .none
        case .invalid(let d) where d.code == DiagnosticCode.unclosedString:
            return stringContext(last)
        case .invalid(let d) where d.code == DiagnosticCode.invalidParameter && endsAtCursor:
            return .parameter(prefix: "")
        case .parameter(let name) where endsAtCursor: return .parameter(prefix: name)
        case .integer, .decimal, .date, .invalid: if endsAtCursor { return .none }
        case .identifier(let word) where endsAtCursor:
            return context(before: Array(tokens.dropLast()), prefix: word)
        case .keyword(let word) where endsAtCursor:
            return context(before: Array(tokens.dropLast()), prefix: word.rawValue)
        default: break
        }
        return context(before: tokens, prefix: "")
    }

    /// The context for a word `prefix` typed after `before`.
    func context(before: [Token], prefix: String) -> CompletionContext {
        let significant = LineLayout.apply(before + [Token(.endOfInput, span: SourceSpan(start: 0, end: 0))])
            .filter { $0.kind != .endOfInput }
        guard let previous = significant.last, previous.kind != .newline, !previous.is(.semicolon)
        else { return .sourceName(prefix: prefix) }
        let beforePrevious = significant.count >= 2 ? significant[significant.count - 2] : nil
        // After a character the language does not have (`== .h`), any
        // suggestion would be a guess.
        if case .invalid = previous.kind { return .none }
        if previous.is(.pipe) { return .stageName(prefix: prefix) }
        if previous.is(.assign), significant.count >= 3, significant[significant.count - 3].is(.let) {
            return .sourceName(prefix: prefix)
        }
        // `explain `: the pipeline it explains starts here.
        if previous.is(.explain), startsSource(significant, at: significant.count - 1) {
            return .sourceName(prefix: prefix)
        }
        // `diff ` and `diff haimen `: the two datasets to compare.
        if let k = significant.lastIndex(where: { $0.is(.diff) }), k >= significant.count - 2,
            startsSource(significant, at: k),
            k == significant.count - 1 || ScriptParser.canBeName(significant[significant.count - 1])
        {
            return .datasetName(prefix: prefix)
        }
        // `| trace nantong `: only `reverse` may follow the dataset, and
        // nothing but `|` after that.
        if significant.count >= 3, significant[significant.count - 3].is(.pipe), beforePrevious?.is(.trace) == true {
            return .keyword(prefix: prefix, candidates: ["reverse"])
        }
        if significant.count >= 4, significant[significant.count - 4].is(.pipe),
            significant[significant.count - 3].is(.trace), previous.is(.reverse)
        {
            return .none
        }
        if case .keyword(let keyword) = previous.kind {
            if beforePrevious?.is(.pipe) == true, keyword.isStageName {
                return stageArgument(keyword, prefix: prefix)
            }
            switch keyword {
            case .let, .as, .load: return .none
            case .is: return .keyword(prefix: prefix, candidates: ["not", "null"])
            case .asc, .desc: return .none
            default: break
            }
        }
        if endsOperand(previous) { return afterOperand(significant, prefix: prefix) }
        return .expression(prefix: prefix)
    }

    /// Whether the token at `k` is where a pipeline's source goes: the
    /// start of a statement or after `let name =`.
    func startsSource(_ tokens: [Token], at k: Int) -> Bool {
        guard k > 0 else { return true }
        let before = tokens[k - 1]
        if before.kind == .newline || before.is(.semicolon) { return true }
        if before.is(.explain), startsSource(tokens, at: k - 1) { return true }
        return before.is(.assign) && k >= 3 && tokens[k - 3].is(.let)
    }

    /// Right after a stage keyword.
    func stageArgument(_ stage: Keyword, prefix: String) -> CompletionContext {
        switch stage {
        case .sort, .count, .matrix: .keyword(prefix: prefix, candidates: ["by"])
        case .chart: .none
        case .trace: .datasetName(prefix: prefix)
        default: .expression(prefix: prefix)
        }
    }

    /// Whether an expression can end with `token`.
    func endsOperand(_ token: Token) -> Bool {
        switch token.kind {
        case .identifier, .integer, .decimal, .string, .date, .parameter: true
        case .symbol(let s): s == .rightParen || s == .rightBracket
        case .keyword(let k): !k.isReserved || k == .null || k == .true || k == .false
        default: false
        }
    }

    /// After a complete operand: what may follow depends on the stage.
    func afterOperand(_ significant: [Token], prefix: String) -> CompletionContext {
        let (stage, sawBy, depth) = currentStage(significant)
        if depth > 0 { return .keyword(prefix: prefix, candidates: Self.operatorWords) }
        switch stage {
        case .sort?: return .sortDirection(prefix: prefix)
        case .top? where sawBy: return .sortDirection(prefix: prefix)
        case .top?: return .keyword(prefix: prefix, candidates: ["by"] + Self.operatorWords)
        case .summarize? where !sawBy:
            return .keyword(prefix: prefix, candidates: ["by"] + Self.operatorWords)
        case .select?, .distinct?, .count?, .explode?, .summarize?:
            return .keyword(prefix: prefix, candidates: ["as"] + Self.operatorWords)
        case nil: return .none
        default: return .keyword(prefix: prefix, candidates: Self.operatorWords)
        }
    }

    /// The stage the tokens end in, whether its `by` has been seen, and the
    /// bracket depth inside it.
    func currentStage(_ significant: [Token]) -> (Keyword?, sawBy: Bool, depth: Int) {
        var depth = 0
        var sawBy = false
        for (i, token) in significant.enumerated().reversed() {
            switch token.kind {
            case .newline, .symbol(.semicolon): return (nil, false, 0)
            case .symbol(.rightParen), .symbol(.rightBracket): depth -= 1
            case .symbol(.leftParen), .symbol(.leftBracket): depth += 1
            case .keyword(.by) where depth == 0: sawBy = true
            case .symbol(.pipe) where depth <= 0:
                guard i + 1 < significant.count, case .keyword(let k) = significant[i + 1].kind
                else { return (nil, false, 0) }
                return (k, sawBy, max(0, depth))
            default: break
            }
        }
        return (nil, false, 0)
    }

    /// Inside an open string: the typed text and the field compared with.
    func stringContext(_ string: Token) -> CompletionContext {
        let bytes = Array(text.utf8)
        let opened = String(decoding: bytes[string.span.start..<bytes.count], as: UTF8.self)
        let prefix = String(opened.unicodeScalars.dropFirst())
        return .stringLiteral(prefix: prefix, field: comparedField(before: tokens.count - 1))
    }

    /// `field op "…`, `field in ["a", "…`, `field not in [ "…`: the field.
    func comparedField(before index: Int) -> String? {
        var i = index - 1
        while i >= 0, tokens[i].is(.comma) || tokens[i].is(.leftBracket) || isSkippable(tokens[i]) {
            i -= 1
        }
        guard i >= 1, isComparisonOperator(tokens[i]) else { return nil }
        i -= 1
        if tokens[i].is(.not), i >= 1 { i -= 1 }
        switch tokens[i].kind {
        case .identifier(let name): return name
        case .keyword(let k) where !k.isReserved: return k.rawValue
        default: return nil
        }
    }

    func isSkippable(_ token: Token) -> Bool {
        switch token.kind {
        case .string, .newline, .comment: true
        default: false
        }
    }

    func isComparisonOperator(_ token: Token) -> Bool {
        switch token.kind {
        case .symbol(let s): [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual].contains(s)
        case .keyword(let k): [.in, .contains, .startswith, .endswith, .matches, .has].contains(k)
        default: false
        }
    }
}
