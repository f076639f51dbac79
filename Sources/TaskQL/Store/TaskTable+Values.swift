// Reading one cell of the table as a `Value`: used when rows are shown or
// when an expression has no faster column-specific form.
extension TaskTable {
    /// The value of `field` in `row`.
    func value(_ field: TaskField, row: Int) -> Value {
        switch field {
        case .id: .string(ids.string(row) ?? "")
        case .dataset: .string(pool[datasets[row]])
        case .city: .string(pool[cities[row]])
        case .year: .int(years[row])
        case .kind: .string(pool[kinds[row]])
        case .section: pooled(sections[row])
        case .subsection: pooled(subsections[row])
        case .number: .string(pool[numbers[row]])
        case .title: titles.string(row).map(Value.string) ?? .null
        case .text: .string(texts.string(row) ?? "")
        case .leaders: list(leaders.elements(row))
        case .leadUnits: list(leadUnits.elements(row))
        case .coUnits: list(coUnits.elements(row))
        case .units: list(leadUnits.elements(row) + coUnits.elements(row))
        case .deadline: pooled(deadlines[row])
        case .due: dues[row] == Self.nullDay ? .null : .date(CivilDate(daysSinceEpoch: dues[row]))
        case .source: .string(sources.string(row) ?? "")
        }
    }

    /// Row `row` as the record it was built from.
    func record(_ row: Int) -> TaskRecord {
        func strings(_ column: ListColumn) -> [String] { column.elements(row).map { pool[$0] } }
        func optional(_ id: Int32) -> String? { id == Self.nullID ? nil : pool[id] }
        return TaskRecord(
            id: ids.string(row) ?? "", dataset: pool[datasets[row]], city: pool[cities[row]], year: years[row],
            kind: TaskKind(rawValue: pool[kinds[row]]) ?? .key, section: optional(sections[row]),
            subsection: optional(subsections[row]), number: pool[numbers[row]], title: titles.string(row),
            text: texts.string(row) ?? "", leaders: strings(leaders), leadUnits: strings(leadUnits),
            coUnits: strings(coUnits), deadline: optional(deadlines[row]),
            due: dues[row] == Self.nullDay ? nil : CivilDate(daysSinceEpoch: dues[row]),
            source: sources.string(row) ?? "", extra: extraFields(row))
    }

    /// Row `row`'s extra fields, in column order.
    func extraFields(_ row: Int) -> [ExtraField] {
        let ids = extraFields.elements(row)
        return stride(from: ids.startIndex, to: ids.endIndex - 1, by: 2).map { k in
            ExtraField(name: pool[ids[k]], value: pool[ids[k + 1]])
        }
    }

    /// The pooled string column behind `field`, when it has one.
    func pooledColumn(_ field: TaskField) -> [Int32]? {
        switch field {
        case .dataset: datasets
        case .city: cities
        case .kind: kinds
        case .section: sections
        case .subsection: subsections
        case .number: numbers
        case .deadline: deadlines
        default: nil
        }
    }

    /// The byte column behind `field`, when it has one.
    func textColumn(_ field: TaskField) -> TextColumn? {
        switch field {
        case .id: ids
        case .title: titles
        case .text: texts
        case .source: sources
        default: nil
        }
    }

    /// The list columns behind `field` (two for `units`).
    func listColumns(_ field: TaskField) -> [ListColumn] {
        switch field {
        case .leaders: [leaders]
        case .leadUnits: [leadUnits]
        case .coUnits: [coUnits]
        case .units: [leadUnits, coUnits]
        default: []
        }
    }

    private func pooled(_ id: Int32) -> Value {
        id == Self.nullID ? .null : .string(pool[id])
    }

    private func list(_ ids: some Sequence<Int32>) -> Value {
        .list(ids.map { .string(pool[$0]) })
    }
}
