/// Numbered paragraphs with their units in trailing parentheses (Yixing):
///
/// ```
/// 一、农业农村类
/// 1、加快推进农业现代化建设。(市农业农村局、供销社,各相关镇、园区、街道)
/// 积极发展精细稻米……
/// ```
///
/// Rules: an item is an Arabic-numbered line ending in a parenthesised unit
/// list; the paragraphs up to the next item or heading are its text and the
/// numbered sentence its title. `、` separates units and `,` groups; a `市`
/// written once applies to its group (``UnitList/expandingCityPrefix(_:city:)``).
/// The documents call every listed unit a 责任单位 without naming a lead, so
/// all of them are lead units. Chinese-numbered lines are sections;
/// unnumbered headings naming a kind (`综合目标`, `民生实事`) switch the kind.
package struct ParenthesisedUnitsReader: LayoutReader {
    /// Creates the reader.
    package init() {}

    /// `numbered-paragraphs`
    package var name: String { "numbered-paragraphs" }

    /// High when several numbered lines end in a unit list.
    package func confidence(_ document: DocumentLines) -> Int {
        let document = LogicalLines.split(document)
        var hits = 0
        for line in document.lines where Self.item(in: LineText.trimmed(line)) != nil {
            hits += 1
            if hits >= 40 { break }
        }
        return hits >= 3 ? min(90, 50 + hits) : (hits > 0 ? 10 : 0)
    }

    /// The items, sections and kinds of the document.
    package func read(_ document: DocumentLines, notes: inout ReaderNotes) throws -> [RawTask] {
        let document = LogicalLines.split(document)
        let city = DocumentInfoExtractor.cityHint(document)
        var outline = DocumentOutline()
        var tasks: [RawTask] = []
        var draft: ItemDraft?
        func finish() {
            if let d = draft { tasks.append(d.task()) }
            draft = nil
        }
        for (index, raw) in document.lines.enumerated() {
            let line = LineText.trimmed(LineText.removingBookmarks(raw))
            if line.isEmpty { continue }
            if let (numbered, headline, units) = Self.item(in: line) {
                finish()
                let groups = UnitList.expandingCityPrefix(UnitList.groups(units), city: city)
                draft = ItemDraft(
                    number: numbered.number, line: document.lineNumber(at: index), kind: outline.kind,
                    section: outline.section, subsection: outline.subsection, headline: headline,
                    leaders: outline.leaders, leadUnits: groups.flatMap { $0 },
                    hasResponsibility: true)
            } else if let numbered = NumberedLine.parse(line), numbered.style == .chinese, line.count <= 40 {
                finish()
                outline.enterSection(numbered.rest, style: numbered.style)
            } else if DocumentOutline.isPartHeading(line) {
                finish()
                outline.enterPart(line)
            } else if draft != nil {
                draft!.paragraphs.append(line)
            }
        }
        finish()
        return tasks
    }

    /// An item line: `12、标题。(单位、单位,镇)` → its number, the headline and the unit list.
    static func item(in line: String) -> (NumberedLine, String, String)? {
        guard let numbered = NumberedLine.parse(line), numbered.style == .arabic,
            let (before, inside) = LineText.trailingParenthetical(numbered.rest),
            !before.isEmpty, looksLikeUnitList(inside)
        else { return nil }
        return (numbered, before, inside)
    }

    /// A unit list has no sentences, no labels and only short names.
    static func looksLikeUnitList(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 300,
            !text.contains(where: { LineText.isSentenceEnd($0) || LineText.isColon($0) }),
            ResponsibilityStatement.segments(in: text) == nil
        else { return false }
        let units = UnitList.units(text)
        // `(2个子项)`, `(含10个)` are notes, not units: a unit name starts with a letter.
        return !units.isEmpty
            && units.allSatisfy { $0.count <= 30 && ChineseNumerals.asciiDigit($0.first!) == nil && !$0.hasPrefix("含") }
    }
}
