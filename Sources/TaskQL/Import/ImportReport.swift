/// What an import found in one document: records by kind and section,
/// fields left blank, cells inherited from merged cells above, warnings.
/// ``rendered()`` is what `taskql import` prints.
public struct ImportReport: Sendable, Equatable {
    /// One section's record count.
    public struct SectionCount: Sendable, Equatable {
        public var kind: TaskKind
        /// nil for records outside any section.
        public var section: String?
        public var count: Int
    }

    /// The document's metadata.
    public var info: DocumentInfo
    /// The dataset the records went into.
    public var datasetName: String
    /// The encoding the file was read in.
    public var encoding: TextEncodingName
    /// Number of records.
    public var total: Int
    /// Records per kind, in ``TaskKind`` order, kinds with no records left out.
    public var byKind: [(kind: TaskKind, count: Int)]
    /// Records per kind and section, in document order.
    public var bySection: [SectionCount]
    /// Per field (`leaders`, `deadline` …), how many records leave it blank;
    /// fields no record leaves blank are left out.
    public var blankFields: [(field: String, count: Int)]
    /// Cells filled from a merged cell above, per field.
    public var inheritedCells: [(field: String, count: Int)]
    /// Warnings with `file:line`.
    package var warnings: [ImportWarning]
    /// The warnings as diagnostics (`W0501`, each with its file and line).
    public var diagnostics: [Diagnostic] { warnings.map(\.diagnostic) }
    /// Counts the notice declares (`173项重点工作`), with the count found.
    /// `kind` nil: a count of every item.
    public var declaredCounts: [(kind: TaskKind?, declared: Int, found: Int)]
    /// Columns kept as extra fields, with how many records have each.
    public var extraColumns: [(name: String, count: Int)]

    /// Builds the report of `records` read from the document `info` describes.
    package init(
        info: DocumentInfo, datasetName: String, encoding: TextEncodingName, records: [TaskRecord], notes: ReaderNotes
    ) {
        self.info = info
        self.datasetName = datasetName
        self.encoding = encoding
        total = records.count
        byKind = TaskKind.allCases.compactMap { kind in
            let n = records.count(where: { $0.kind == kind })
            return n > 0 ? (kind, n) : nil
        }
        var sections: [SectionCount] = []
        for r in records {
            if let i = sections.lastIndex(where: { $0.kind == r.kind && $0.section == r.section }) {
                sections[i].count += 1
            } else {
                sections.append(SectionCount(kind: r.kind, section: r.section, count: 1))
            }
        }
        bySection = sections
        blankFields = Self.blankCounts(records)
        inheritedCells = notes.inheritedCells.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        declaredCounts = notes.declaredCounts.map { count in
            (count.kind, count.declared, records.count(where: { Self.counts(count.kind, $0.kind) }))
        }
        var columns: [(name: String, count: Int)] = []
        for record in records {
            for field in record.extra {
                if let i = columns.firstIndex(where: { $0.name == field.name }) {
                    columns[i].count += 1
                } else {
                    columns.append((field.name, 1))
                }
            }
        }
        extraColumns = columns
        var warnings = notes.warnings
        for count in declaredCounts where count.declared != count.found {
            let line = notes.declaredCounts.first { $0.kind == count.kind }?.line ?? 1
            warnings.append(
                ImportWarning(
                    file: info.file, line: line,
                    message: "the notice declares \(count.declared) \(count.kind?.rawValue ?? "") items, "
                        + "\(count.found) were found"))
        }
        self.warnings = warnings
    }

    /// Whether a declared count of `declared` items counts an item of `kind`:
    /// generic task words count key tasks and projects, not targets; a count
    /// of 重点工作 also counts the targets listed among them.
    static func counts(_ declared: TaskKind?, _ kind: TaskKind) -> Bool {
        switch declared {
        case nil: kind == .key || kind == .livelihood
        case .key: kind == .key || kind == .indicator
        case let declared?: kind == declared
        }
    }

    static func blankCounts(_ records: [TaskRecord]) -> [(field: String, count: Int)] {
        let checks: [(String, (TaskRecord) -> Bool)] = [
            ("section", { $0.section == nil }), ("subsection", { $0.subsection == nil }),
            ("title", { $0.title == nil }), ("text", { $0.text.isEmpty }), ("leaders", { $0.leaders.isEmpty }),
            ("lead_units", { $0.leadUnits.isEmpty }), ("co_units", { $0.coUnits.isEmpty }),
            ("deadline", { $0.deadline == nil }), ("due", { $0.due == nil }),
        ]
        return checks.compactMap { name, isBlank in
            let n = records.count(where: isBlank)
            return n > 0 ? (name, n) : nil
        }
    }

    public static func == (a: ImportReport, b: ImportReport) -> Bool {
        a.info == b.info && a.datasetName == b.datasetName && a.total == b.total && a.bySection == b.bySection
            && a.declaredCounts.map(\.declared) == b.declaredCounts.map(\.declared)
            && a.extraColumns.map(\.name) == b.extraColumns.map(\.name)
            && a.warnings == b.warnings && a.blankFields.map(\.field) == b.blankFields.map(\.field)
            && a.blankFields.map(\.count) == b.blankFields.map(\.count)
    }

    /// The report as `taskql import` prints it (plain text, no colour).
    public func rendered() -> String {
        var out: [String] = []
        let place = [info.city.isEmpty ? nil : info.city, info.year > 0 ? String(info.year) : nil]
            .compactMap { $0 }.joined(separator: " ")
        out.append("\(info.file) → dataset \(datasetName) (\(place); layout \(info.layout); \(encoding))")
        let letterhead = [info.documentNumber, info.title, info.authority, info.date?.description].compactMap { $0 }
        if !letterhead.isEmpty { out.append("  " + letterhead.joined(separator: " · ")) }
        let kinds = byKind.map { "\($0.count) \($0.kind.rawValue)" }.joined(separator: ", ")
        out.append("  \(total) records" + (kinds.isEmpty ? "" : ": \(kinds)"))
        if !bySection.isEmpty {
            out.append("  by section:")
            let width = bySection.map { DisplayWidth.of($0.section ?? "—") }.max() ?? 0
            for s in bySection {
                let name = s.section ?? "—"
                let pad = String(repeating: " ", count: max(0, width - DisplayWidth.of(name)))
                out.append("    \(s.kind.rawValue.padding(10))\(name)\(pad)  \(s.count)")
            }
        }
        let blanks = blankFields.map { "\($0.field) \($0.count)" }.joined(separator: ", ")
        out.append("  blank fields (of \(total)): " + (blanks.isEmpty ? "none" : blanks))
        let inherited = inheritedCells.map { "\($0.field) \($0.count)" }.joined(separator: ", ")
        out.append("  inherited cells: " + (inherited.isEmpty ? "none" : inherited))
        if !declaredCounts.isEmpty {
            let counts = declaredCounts.map { count in
                "\(count.kind?.rawValue ?? "all") \(count.declared)"
                    + (count.declared == count.found ? " ✓" : " (found \(count.found))")
            }
            out.append("  declared counts: " + counts.joined(separator: ", "))
        }
        if !extraColumns.isEmpty {
            out.append(
                "  extra columns kept: " + extraColumns.map { "\($0.name) (\($0.count))" }.joined(separator: ", "))
        }
        out.append("  warnings: " + (warnings.isEmpty ? "none" : "\(warnings.count)"))
        for w in warnings { out.append("    \(w)") }
        return out.joined(separator: "\n") + "\n"
    }
}

extension String {
    /// The string padded with spaces to `width` characters.
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
