/// Tracks the headings around items as a reader walks down a document: the
/// current section (`一、农业农村类`), the kind announced by part headings
/// (`综合目标分解`, `具体任务分解`, `附件2 十方面民生实事责任分解`) and the
/// leaders a heading names.
struct DocumentOutline {
    /// Kind announced by the latest part heading (not numbered).
    private(set) var partKind: TaskKind = .key
    /// Kind announced by the current numbered section heading, if any.
    private(set) var sectionKind: TaskKind?
    /// The outermost heading text without its number (`农业农村类`).
    private(set) var section: String?
    /// The heading under the section the items stand under (`（一）…`), if any.
    private(set) var subsection: String?
    /// Leaders named by the current headings (the sub-heading's win).
    private(set) var leaders: [String] = []
    /// Lead units a heading gives every item under it (`市发展改革委牵头工作`).
    private(set) var leadUnits: [String] = []
    /// How deep the section heading is numbered (``rank(of:)``).
    private var sectionRank = 0
    private var sectionLeaders: [String] = []
    private var sectionUnits: [String] = []

    /// The kind of an item read now.
    var kind: TaskKind { sectionKind ?? partKind }

    /// How deep a numbering style sits in the official outline
    /// (一、 > （一） > 1. > （1）); unnumbered headings count as outermost.
    static func rank(of style: NumberedLine.Style?) -> Int {
        switch style {
        case nil, .chinese: 0
        case .parenthesisedChinese: 1
        case .arabic: 2
        case .parenthesisedArabic: 3
        }
    }

    /// A numbered heading: the section when it is as shallow as the current
    /// section (or there is none), else the subsection under it.
    mutating func enterSection(_ title: String, style: NumberedLine.Style? = nil) {
        let rank = Self.rank(of: style)
        if section == nil || rank <= sectionRank {
            section = title
            subsection = nil
            sectionRank = rank
            sectionKind = HeadingRules.kind(of: title)
            sectionLeaders = HeadingRules.leaders(in: title)
            sectionUnits = sectionLeaders.isEmpty ? HeadingRules.leadUnits(in: title) : []
            leaders = sectionLeaders
            leadUnits = sectionUnits
        } else {
            subsection = title
            if let kind = HeadingRules.kind(of: title) { sectionKind = kind }
            let named = HeadingRules.leaders(in: title)
            leaders = named.isEmpty ? sectionLeaders : named
            let units = named.isEmpty ? HeadingRules.leadUnits(in: title) : []
            leadUnits = units.isEmpty ? sectionUnits : units
        }
    }

    /// An unnumbered part heading (`附件2`, `具体任务分解`): a new part
    /// starts, so section and leaders reset.
    mutating func enterPart(_ title: String) {
        if let kind = HeadingRules.kind(of: title) { partKind = kind }
        section = nil
        subsection = nil
        sectionKind = nil
        leaders = []
        leadUnits = []
        sectionLeaders = []
        sectionUnits = []
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
