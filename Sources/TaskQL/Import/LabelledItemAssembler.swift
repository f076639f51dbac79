/// Collects the items of a labelled-items document as lines arrive.
struct LabelledItemAssembler {
    /// Whether the document says the first listed unit leads.
    let firstUnitLeads: Bool
    private var outline = DocumentOutline()
    private var draft: ItemDraft?
    /// Whether label lines have been applied to the current draft; text
    /// after them belongs to no item.
    private var labelsSeen = false
    /// Lead units the current item's headings give it.
    private var headingUnits: [String] = []
    /// Whether the current item is an unnumbered paragraph task.
    private var paragraphsOwned = false
    /// Whether a numbered item has started since the last heading.
    private var numberedItemSeen = false
    private(set) var tasks: [RawTask] = []
    /// Items that came without any unit: (line, number).
    private(set) var itemsWithoutUnits: [(Int, String)] = []

    init(firstUnitLeads: Bool) { self.firstUnitLeads = firstUnitLeads }

    mutating func startItem(
        _ numbered: NumberedLine, inline: [(field: ResponsibilityLabels.Field, value: String)]?, line: Int
    ) {
        finish()
        draft = ItemDraft(
            number: numbered.number, line: line, kind: outline.kind, section: outline.section,
            subsection: outline.subsection, headline: numbered.rest, leaders: outline.leaders)
        headingUnits = outline.leadUnits
        paragraphsOwned = false
        if !numbered.number.isEmpty { numberedItemSeen = true }
        if let inline { apply(inline) }
        // Paragraphs may follow an item whose labels are inline.
        labelsSeen = false
    }

    /// A task without a number: a sentence that ends in its responsibility,
    /// or a paragraph under a heading that owns its paragraphs.
    mutating func startUnnumberedItem(
        _ text: String, inline: [(field: ResponsibilityLabels.Field, value: String)]?, line: Int
    ) {
        startItem(NumberedLine(number: "", value: 0, style: .arabic, rest: text), inline: inline, line: line)
        paragraphsOwned = true
    }

    /// Whether the current heading gives its units to the paragraphs under it
    /// and no numbered item has started under it: each paragraph is then a task.
    var headingOwnsParagraphs: Bool {
        !outline.leadUnits.isEmpty && (draft == nil || paragraphsOwned) && !numberedItemSeen
    }

    mutating func enterSection(_ title: String, style: NumberedLine.Style?) {
        finish()
        numberedItemSeen = false
        outline.enterSection(title, style: style)
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
            case .leadUnits, .responsibleUnits:
                // A unit the list itself marks as assisting (`…、市妇联配合`) is a co-unit.
                for unit in UnitList.units(value) {
                    if let marked = ResponsibilityStatement.markedUnit(unit) {
                        if marked.assists {
                            draft!.coUnits.append(marked.name)
                        } else if field == .leadUnits {
                            draft!.leadUnits.append(marked.name)
                        } else {
                            draft!.responsibleUnits.append(marked.name)
                        }
                    } else if field == .leadUnits {
                        draft!.leadUnits.append(unit)
                    } else {
                        draft!.responsibleUnits.append(unit)
                    }
                }
            case .coUnits:
                draft!.coUnits += UnitList.units(value).map { ResponsibilityStatement.markedUnit($0)?.name ?? $0 }
            case .leaders: leaders += LeaderNames.split(value).map(LeaderNames.person)
            case .deadline: draft!.deadline = value.isEmpty ? nil : value
            case .statement:
                if let inner = ResponsibilityStatement.segments(in: value),
                    !inner.contains(where: { $0.field == .statement })
                {
                    apply(inner)
                }
            }
        }
        if !leaders.isEmpty { draft!.leaders = leaders }
    }

    mutating func finish() {
        guard var d = draft else { return }
        draft = nil
        resolveResponsibleUnits(&d)
        // A group heading's units own the items that name none of their own.
        if d.leadUnits.isEmpty { d.leadUnits = headingUnits }
        if d.leadUnits.isEmpty && d.coUnits.isEmpty { itemsWithoutUnits.append((d.line, d.number)) }
        tasks.append(d.task())
    }

    /// `责任单位` beside a separate `牵头单位` names the co-units; alone it
    /// names the leads, or only its first unit when the document says the
    /// first listed leads.
    private func resolveResponsibleUnits(_ d: inout ItemDraft) {
        let units = d.responsibleUnits
        guard !units.isEmpty else { return }
        d.responsibleUnits = []
        if !d.leadUnits.isEmpty {
            d.coUnits = units.filter { !d.leadUnits.contains($0) } + d.coUnits
        } else if firstUnitLeads, let first = units.first {
            d.leadUnits.append(first)
            d.coUnits = Array(units.dropFirst()) + d.coUnits
        } else {
            d.leadUnits += units
        }
    }
}
