// Tokens: what the lexer hands the parser. A token is its kind plus the UTF-8
// byte span it came from; the text itself stays in the source.

/// One token of TQL source.
package struct Token: Sendable, Hashable {
    /// What the token is, with its decoded value.
    package var kind: TokenKind
    /// Where it was written (UTF-8 byte offsets).
    package var span: SourceSpan

    /// Creates a token.
    package init(_ kind: TokenKind, span: SourceSpan) {
        self.kind = kind
        self.span = span
    }
}

/// The kinds of token, with decoded values (a string token holds its text
/// with escapes resolved, a date token the date).
package enum TokenKind: Sendable, Hashable {
    /// `lead_units`, `牵头单位`
    case identifier(String)
    /// A keyword; whether it is reserved or contextual is ``Keyword/isReserved``.
    case keyword(Keyword)
    /// `42`
    case integer(Int)
    /// `3.5`
    case decimal(Double)
    /// `"发改委"`, `'x'`, `“海门”`
    case string(String)
    /// `2020-06-30`
    case date(CivilDate)
    /// `$leader` (the name without `$`)
    case parameter(String)
    /// Operators and punctuation.
    case symbol(Symbol)
    /// A line break that ends a statement (see ``Lexer/tokenize(_:)``).
    case newline
    /// `# …` up to the end of the line; only ``Lexer/scan(_:)`` returns these.
    case comment
    /// Text the lexer could not read, with the error to report for it.
    /// Boxed: a `Diagnostic` inline would make every token five times larger.
    indirect case invalid(Diagnostic)
    /// The end of the source.
    case endOfInput
}

/// Operators and punctuation; the raw value is how they are written.
package enum Symbol: String, Sendable, Hashable, CaseIterable {
    case equal = "=="
    case notEqual = "!="
    case lessOrEqual = "<="
    case greaterOrEqual = ">="
    case less = "<"
    case greater = ">"
    case plus = "+"
    case minus = "-"
    case star = "*"
    case slash = "/"
    case pipe = "|"
    case semicolon = ";"
    case comma = ","
    case leftParen = "("
    case rightParen = ")"
    case leftBracket = "["
    case rightBracket = "]"
    case assign = "="
}

/// Words with a meaning in TQL. Reserved words never name a field; the
/// contextual ones (stage names, `asc`, `desc`) are keywords only where the
/// grammar expects them and names everywhere else, so `sort by count desc`
/// sorts by the `count` column.
///
/// Lexical: keyword = reserved_word | contextual_keyword ;
package enum Keyword: String, Sendable, Hashable, CaseIterable {
    /// Lexical: contextual_keyword = "where" | "select" | "extend" | "sort" | "asc" | "desc" | "take" | "skip" | "top" | "count" | "summarize" | "distinct" | "explode" | "search" | "pivot" | "matrix" | "trace" | "reverse" | "diff" | "explain" | "chart" ;
    // Stage names and sort directions: contextual.
    case `where`, select, extend, sort, asc, desc, take, skip, top, count
    case summarize, distinct, explode, search, pivot, matrix, trace, reverse, diff, explain, chart
    /// Lexical: reserved_word = "let" | "load" | "by" | "as" | "and" | "or" | "not" | "in" | "is" | "null" | "true" | "false" | "contains" | "startswith" | "endswith" | "matches" | "has" ;
    // Reserved.
    case `let`, load, by, `as`
    case and, or, not, `in`, `is`, null, `true`, `false`
    case contains, startswith, endswith, matches, has

    /// Whether the word can never be used as a name.
    package var isReserved: Bool {
        switch self {
        case .where, .select, .extend, .sort, .asc, .desc, .take, .skip, .top, .count,
            .summarize, .distinct, .explode, .search, .pivot, .matrix, .trace, .reverse, .diff, .explain, .chart:
            false
        default:
            true
        }
    }

    /// The stage the word starts, nil for a word that starts none. The
    /// switch has no `default`: a new keyword must say whether it is a stage.
    package var stageName: StageName? {
        switch self {
        case .where: .where
        case .select: .select
        case .extend: .extend
        case .sort: .sort
        case .take: .take
        case .skip: .skip
        case .top: .top
        case .count: .count
        case .summarize: .summarize
        case .distinct: .distinct
        case .explode: .explode
        case .search: .search
        case .pivot: .pivot
        case .matrix: .matrix
        case .trace: .trace
        case .chart: .chart
        case .reverse, .diff, .explain, .asc, .desc, .let, .load, .by, .as, .and, .or, .not, .in, .is, .null, .true,
            .false,
            .contains,
            .startswith, .endswith, .matches, .has:
            nil
        }
    }

    /// Whether the word starts a pipeline stage.
    package var isStageName: Bool { stageName != nil }
}

/// The pipeline stages, in the grammar's order (`stage = where_stage | …`,
/// checked by `GrammarSyncTests`): the one table the parser, completion
/// and help take stage names from.
package enum StageName: String, Sendable, CaseIterable {
    case `where`, select, extend, sort, take, skip, top, count, summarize, distinct, explode, search, pivot, matrix
    case trace, chart
}

extension Token {
    /// Whether the token is the symbol `s`.
    func `is`(_ s: Symbol) -> Bool { kind == .symbol(s) }
    /// Whether the token is the keyword `k`.
    func `is`(_ k: Keyword) -> Bool { kind == .keyword(k) }

    /// The first lexer diagnostic carried by an invalid token.
    var lexerDiagnostic: Diagnostic? {
        if case .invalid(let d) = kind { return d }
        return nil
    }
}
