/// An item being collected by a reader: its numbered line, the paragraphs
/// that follow it and the units and labels found so far.
struct ItemDraft {
    var number: String
    var line: Int
    var kind: TaskKind
    var section: String?
    var subsection: String?
    /// The numbered line's text (without its number and unit list).
    var headline: String
    var paragraphs: [String] = []
    var leaders: [String] = []
    var leadUnits: [String] = []
    var coUnits: [String] = []
    /// Units labelled 责任单位, settled when the item ends (lead or co,
    /// depending on whether a 牵头单位 is named too).
    var responsibleUnits: [String] = []
    var deadline: String?
    /// Whether units or labels were found for the item.
    var hasResponsibility = false

    /// The finished task. A headline followed by content paragraphs is the
    /// title and the paragraphs are the text; a headline alone is the text.
    func task() -> RawTask {
        let headline = LineText.trimmed(self.headline)
        let title: String?
        let text: String
        if paragraphs.isEmpty {
            title = nil
            text = headline
        } else if headline.isEmpty {
            title = nil
            text = paragraphs.joined()
        } else {
            title = LineText.droppingSentenceEnd(headline)
            text = paragraphs.joined()
        }
        return RawTask(
            kind: kind, section: section, subsection: subsection, number: number, title: title, text: text,
            leaders: leaders,
            leadUnits: leadUnits, coUnits: coUnits, deadline: deadline, line: line)
    }
}
