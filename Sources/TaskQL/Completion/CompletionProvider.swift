/// Tab completion by context, as a pure function of the text, the cursor
/// and a ``CompletionVocabulary``:
///
/// - `.he` at the start of the input → dot-commands (`.help`);
/// - start of a statement → `tasks`, dataset and `let` names, `let`, `load`,
///   `explain`, `diff`; after `diff` → dataset names;
/// - after `|` → stage names; after `| trace` → dataset names;
/// - in an expression → fields (English and Chinese), functions, `not`,
///   `null`, `true`, `false`;
/// - after an operand → the keywords that may follow (`and`, `has`, `by`,
///   `asc`/`desc` after a sort key);
/// - after `$` → parameters;
/// - inside a string literal → the names in the loaded data, closed with
///   the quote (`"发` → `"发改委"`): unit names when compared with a unit
///   field, leader names with `leaders`, the field's values for `city`,
///   `kind`, `dataset`, `section`, `subsection`, `deadline` (`city == "`
///   → `"海门"`), units and leaders elsewhere;
/// - after a closed string or a name, the words that may follow, with a
///   space before them;
/// - after a dot-command, its argument: words (`.mode` → modes) or file
///   names (`.load`, `.read`, `.output`, `.once`) from ``fileNames``.
///
/// The caller replaces ``Completion/word`` (the text just before the
/// cursor) with one of ``Completion/candidates``.
public struct CompletionProvider: Sendable {
    /// The names on offer.
    public var vocabulary: CompletionVocabulary
    /// File names for a dot-command that takes a file: given what has been
    /// typed of the path, the full paths that continue it (a directory
    /// ending in `/`). The provider itself never touches the file system.
    public var fileNames: @Sendable (String) -> [String]

    /// Creates a provider over a vocabulary (and a file-name lister).
    public init(vocabulary: CompletionVocabulary, fileNames: @escaping @Sendable (String) -> [String] = { _ in [] }) {
        self.vocabulary = vocabulary
        self.fileNames = fileNames
    }

    /// Candidates for the word before `cursor` (a UTF-8 byte offset into
    /// `text`; clamped, and moved back to a character boundary). The
    /// context comes from `Parser.completionContext(text:cursor:)`, the
    /// same tokens the parser sees; dot-commands, which are not part of the
    /// language, are recognised here.
    public func complete(text: String, cursor: Int) -> Completion {
        let utf8 = text.utf8
        var end = utf8.index(utf8.startIndex, offsetBy: max(0, min(cursor, utf8.count)))
        while String.Index(end, within: text.unicodeScalars) == nil { end = utf8.index(before: end) }
        let before = text[..<end]
        if let command = Self.dotCommandPrefix(before) {
            return Completion(word: command, candidates: Self.matching(command, in: vocabulary.dotCommands))
        }
        if let argument = dotCommandArgument(before) { return argument }
        let context = Parser.completionContext(text: text, cursor: utf8.distance(from: utf8.startIndex, to: end))
        var completion = completion(for: context, before: before)
        // Right after a closed string or a name (`"有关部门"` Tab), a word
        // that follows needs a space before it.
        if completion.word.isEmpty, let last = before.last, !" \t\n([,|".contains(last) {
            completion.candidates = completion.candidates.map { " " + $0 }
        }
        return completion
    }

    /// `.mode c` → `csv`; `.load data/h` → file names: the argument of a
    /// dot-command whose first word is typed whole.
    func dotCommandArgument(_ before: Substring) -> Completion? {
        let typed = before.drop { $0 == " " || $0 == "\t" }
        guard typed.first == ".", !typed.contains("\n"),
            let space = typed.firstIndex(where: { $0 == " " || $0 == "\t" })
        else { return nil }
        let command = String(typed[..<space])
        let rest = typed[space...].drop { $0 == " " || $0 == "\t" }
        guard let argument = vocabulary.dotCommandArguments[command] else {
            return Completion(word: "", candidates: [])
        }
        switch argument {
        case .words(let words):
            // One word: after it, nothing more to offer.
            guard !rest.contains(where: { $0 == " " || $0 == "\t" }) else {
                return Completion(word: "", candidates: [])
            }
            return Completion(word: String(rest), candidates: Self.matching(String(rest), in: words))
        case .fileName:
            let path = String(rest)
            return Completion(word: path, candidates: fileNames(path).sorted())
        }
    }

    func completion(for context: CompletionContext, before: Substring) -> Completion {
        let v = vocabulary
        switch context {
        case .sourceName(let prefix):
            let words = v.sources + ["let", "load", "explain", "diff"]
            return Completion(word: prefix, candidates: Self.matching(prefix, in: words))
        case .stageName(let prefix):
            return Completion(word: prefix, candidates: Self.matching(prefix, in: v.stages))
        case .datasetName(let prefix):
            return Completion(word: prefix, candidates: Self.matching(prefix, in: v.datasets))
        case .parameter(let prefix):
            return Completion(word: "$" + prefix, candidates: Self.matching(prefix, in: v.parameters).map { "$" + $0 })
        case .expression(let prefix):
            // What can start an operand: a field, a function, `not`, a
            // literal word — never `by`, `desc` or a statement keyword.
            let names = v.fields + v.functions + Self.operandWords
            return Completion(word: prefix, candidates: Self.matching(prefix, in: names))
        case .sortDirection(let prefix):
            return Completion(word: prefix, candidates: Self.matching(prefix, in: ["asc", "desc"]))
        case .keyword(let prefix, let candidates):
            return Completion(word: prefix, candidates: Self.matching(prefix, in: candidates))
        case .stringLiteral(let prefix, let field):
            // The prefix is the raw text after the opening quote, so the
            // character before it is the quote the candidates close with.
            let quote = String(before.dropLast(prefix.count).last ?? "\"")
            let names: [String]
            switch field.flatMap(TaskField.named) {
            case .leaders?: names = v.leaders
            case let known? where known.isUnits: names = v.units
            case let known? where v.fieldValues[known.name] != nil: names = v.fieldValues[known.name] ?? []
            default: names = v.units + v.leaders
            }
            return Completion(
                word: quote + prefix, candidates: Self.matching(prefix, in: names).map { quote + $0 + quote })
        case .none:
            return Completion(word: "", candidates: [])
        }
    }

    /// Words that can start an operand besides fields and functions.
    static let operandWords = ["not", "null", "true", "false"]

    /// `.mo` when the text before the cursor is only a dot-command being
    /// typed (after optional indentation), else nil.
    static func dotCommandPrefix(_ before: Substring) -> String? {
        let typed = before.drop { $0 == " " || $0 == "\t" }
        guard typed.first == ".", !typed.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" }) else { return nil }
        return String(typed)
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
