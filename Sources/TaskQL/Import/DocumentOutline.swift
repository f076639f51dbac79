/// Tracks the headings around items as a reader walks down a document: the
/// current section (`一、农业农村类`), the kind announced by part headings
/// (`综合目标分解`, `具体任务分解`, `附件2 十方面民生实事责任分解`) and the
/// leaders a heading names.
struct DocumentOutline {
    /// Kind announced by the latest part heading (not numbered).
    private(set) var partKind: TaskKind = .key
    /// Kind announced by the current numbered section heading, if any.
    private(set) var sectionKind: TaskKind?
    /// Section heading text without its number (`农业农村类`).
    private(set) var section: String?
    /// Leaders named by the current section heading.
    private(set) var leaders: [String] = []

    /// The kind of an item read now.
    var kind: TaskKind { sectionKind ?? partKind }

    /// A numbered section heading (`一、农业农村类`).
    mutating func enterSection(_ title: String) {
        section = title
        sectionKind = HeadingRules.kind(of: title)
        leaders = HeadingRules.leaders(in: title)
    }

    /// An unnumbered part heading (`附件2`, `具体任务分解`): a new part
    /// starts, so section and leaders reset.
    mutating func enterPart(_ title: String) {
        if let kind = HeadingRules.kind(of: title) { partKind = kind }
        section = nil
        sectionKind = nil
        leaders = []
    }

    /// Whether `line` reads as an unnumbered part heading: short, not a
    /// sentence, and either an attachment mark or a heading that names a kind.
    static func isPartHeading(_ line: String) -> Bool {
        guard line.count <= 40, !line.contains(where: LineText.isSentenceEnd) else { return false }
        if isAttachmentMark(line) { return true }
        return HeadingRules.kind(of: line) != nil && !line.contains(where: LineText.isComma)
    }

    /// `附件`, `附件2`, `附件 1：` — the start of an attachment.
    static func isAttachmentMark(_ line: String) -> Bool {
        guard line.hasPrefix("附件") || line.hasPrefix("附表") else { return false }
        let rest = line.dropFirst(2).filter { !LineText.isSpace($0) && !LineText.isColon($0) }
        return rest.allSatisfy { ChineseNumerals.asciiDigit($0) != nil || ChineseNumerals.isNumeralCharacter($0) }
    }
}
