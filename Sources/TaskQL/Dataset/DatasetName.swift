/// Dataset names are query sources (`haimen | count`), so they must lex as
/// one identifier. Names made from file names are made to fit; names a user
/// gives are checked.
package enum DatasetName {
    /// Whether `name` can be used as a source in a query: one identifier
    /// (ASCII letters, digits, `_`, or letters of any script; not starting
    /// with a digit) and not `tasks`, which means every loaded task.
    package static func isUsable(_ name: String) -> Bool { problem(name) == nil }

    /// Why `name` cannot be a dataset name (a clause for "'NAME' cannot
    /// name a dataset: …"); nil when it can. One rule for `load … as NAME`,
    /// `.load … as NAME` and `taskql import --name`.
    ///
    /// ```swift
    /// DatasetName.problem("tasks")  // "it means every loaded task, …"
    /// ```
    package static func problem(_ name: String) -> String? {
        if name == "tasks" { return "it means every loaded task, so the dataset could never be queried on its own" }
        guard let first = name.unicodeScalars.first, LexerScanner.isIdentifierStart(first),
            name.unicodeScalars.allSatisfy(LexerScanner.isIdentifierContinue)
        else {
            return "it is not one word of letters, digits and _ (not starting with a digit)"
        }
        // Keywords (`where`, `count`, …) lex as keywords, not names: even
        // where the grammar takes one as a name, `count | count` reads as a mistake.
        let tokens = Lexer.scan(name)
        guard tokens.count == 2, case .identifier = tokens[0].kind else { return "it is a keyword of TQL" }
        return nil
    }

    /// A usable name made from a file path's base name without extension:
    /// letters and digits kept (ASCII lower-cased), every other run turned
    /// into `_`, and `_` put in front when it would start with a digit or be
    /// a keyword: `2021 海门-任务.txt` → `_2021_海门_任务`.
    package static func fromFile(_ path: String) -> String {
        let stem = RecordAssembler.stem(RecordAssembler.baseName(path))
        var name = ""
        for scalar in stem.unicodeScalars {
            if LexerScanner.isIdentifierContinue(scalar), scalar != "_" {
                let isUpper = ("A"..."Z").contains(scalar)
                name.unicodeScalars.append(isUpper ? Unicode.Scalar(UInt8(scalar.value) + 32) : scalar)
            } else if !name.isEmpty, name.last != "_" {
                name.append("_")
            }
        }
        while name.last == "_" { name.removeLast() }
        if name.isEmpty { return "dataset" }
        return isUsable(name) ? name : "_" + name
    }
}
