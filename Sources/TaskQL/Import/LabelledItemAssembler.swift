/// Collects the items of a labelled-items document as lines arrive.
struct LabelledItemAssembler {
    /// Whether the document says the first listed unit leads.
    let firstUnitLeads: Bool
    private var outline = DocumentOutline()
    private var draft: ItemDraft?
    /// Whether label lines have been applied to the current draft; text
    /// after them belongs to no item.
    private var labelsSeen = false
    private(set) var tasks: [RawTask] = []
    /// Items that came without any unit: (line, number).
    private(set) var itemsWithoutUnits: [(Int, String)] = []

    init(firstUnitLeads: Bool) { self.firstUnitLeads = firstUnitLeads }

    mutating func startItem(_ numbered: NumberedLine, inline: [(field: ResponsibilityLabels.Field, value: String)]?, line: Int) {
        finish()
        draft = ItemDraft(
            number: numbered.number, line: line, kind: outline.kind, section: outline.section,
            headline: numbered.rest, leaders: outline.leaders)
        labelsSeen = false
        if let inline { apply(inline) }
    }

    mutating func enterSection(_ title: String) {
        finish()
        outline.enterSection(title)
    }

    mutating func enterPart(_ title: String) {
        finish()
        outline.enterPart(title)
    }

    mutating func addParagraph(_ text: String) {
        guard draft != nil else { return }
        if labelsSeen {
            finish()
        } else {
            draft!.paragraphs.append(text)
        }
    }

    /// Applies label values to the current item.
    mutating func apply(_ segments: [(field: ResponsibilityLabels.Field, value: String)]) {
        guard draft != nil else { return }
        labelsSeen = true
        var leaders: [String] = []
        for (field, rawValue) in segments {
            let value = ResponsibilityLabels.removingListNote(rawValue)
            switch field {
            case .leadUnits: draft!.leadUnits += UnitList.units(value)
            case .coUnits: draft!.coUnits += UnitList.units(value)
            case .responsibleUnits:
                let units = UnitList.units(value)
                if firstUnitLeads, let first = units.first {
                    draft!.leadUnits.append(first)
                    draft!.coUnits += units.dropFirst()
                } else {
                    draft!.leadUnits += units
                }
            case .leaders: leaders += LeaderNames.split(value)
            case .deadline: draft!.deadline = value.isEmpty ? nil : value
            }
        }
        if !leaders.isEmpty { draft!.leaders = leaders }
    }

    mutating func finish() {
        guard let d = draft else { return }
        draft = nil
        if d.leadUnits.isEmpty && d.coUnits.isEmpty { itemsWithoutUnits.append((d.line, d.number)) }
        tasks.append(d.task())
    }
}
