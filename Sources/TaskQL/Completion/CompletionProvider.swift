/// Tab completion by context, as a pure function of the text, the cursor
/// and a ``CompletionVocabulary``:
///
/// - `.he` at line start → dot-commands (`.help`);
/// - start of a statement → `tasks`, dataset and `let` names, `let`, `load`;
/// - after `|` → stage names;
/// - in an expression → fields (English and Chinese), functions, keywords,
///   `let` names;
/// - after `$` → parameters;
/// - inside a string literal → unit and leader names in the loaded data,
///   closed with the quote (`"发` → `"发改委"`).
///
/// The caller replaces ``Completion/word`` (the text just before the
/// cursor) with one of ``Completion/candidates``.
public struct CompletionProvider: Sendable {
    /// The names on offer.
    public var vocabulary: CompletionVocabulary

    /// Creates a provider over a vocabulary.
    public init(vocabulary: CompletionVocabulary) { self.vocabulary = vocabulary }

    /// Candidates for the word before `cursor` (a UTF-8 byte offset into
    /// `text`; clamped, and moved back to a character boundary).
    public func complete(text: String, cursor: Int) -> Completion {
        let utf8 = text.utf8
        var end = utf8.index(utf8.startIndex, offsetBy: max(0, min(cursor, utf8.count)))
        while String.Index(end, within: text.unicodeScalars) == nil { end = utf8.index(before: end) }
        let site = CompletionSite.locate(before: text[..<end])
        return completion(for: site)
    }

    func completion(for site: CompletionSite) -> Completion {
        let v = vocabulary
        switch site {
        case .dotCommand(let prefix):
            return Completion(word: prefix, candidates: Self.matching(prefix, in: v.dotCommands))
        case .statementStart(let prefix):
            return Completion(word: prefix, candidates: Self.matching(prefix, in: v.sources + ["let", "load"]))
        case .stageName(let prefix):
            return Completion(word: prefix, candidates: Self.matching(prefix, in: v.stages))
        case .parameter(let prefix):
            return Completion(word: "$" + prefix, candidates: Self.matching(prefix, in: v.parameters).map { "$" + $0 })
        case .expression(let prefix):
            let names = v.fields + v.functions + v.keywords + v.sources
            return Completion(word: prefix, candidates: Self.matching(prefix, in: names))
        case .stringLiteral(let prefix, let quote):
            let names = Self.matching(prefix, in: v.units + v.leaders)
            return Completion(
                word: String(quote) + prefix, candidates: names.map { String(quote) + $0 + String(quote) })
        }
    }

    /// Names starting with `prefix`, without duplicates, shortest first
    /// (then in code-point order), so the common case is on top.
    static func matching(_ prefix: String, in names: [String]) -> [String] {
        var seen = Set<String>()
        let hits = names.filter { $0.hasPrefix(prefix) && seen.insert($0).inserted }
        return hits.sorted { ($0.count, $0) < ($1.count, $1) }
    }
}

/// What to offer for one Tab press.
public struct Completion: Sendable, Hashable {
    /// The text just before the cursor that a candidate replaces (may be
    /// empty), e.g. `"发` or `lead_`.
    public var word: String
    /// Full replacements for ``word``, best first; empty when nothing fits.
    public var candidates: [String]

    /// Creates a completion.
    public init(word: String, candidates: [String]) {
        self.word = word
        self.candidates = candidates
    }
}
