/// A decoded document split into lines, the input every layout reader sees.
/// Line numbers are 1-based, as an editor shows them.
package struct DocumentLines: Sendable {
    /// File name as the user gave it (used in `file:line` sources and warnings).
    package var file: String
    /// Lines without their line breaks; `lines[0]` is line 1 unless
    /// ``numbers`` says otherwise.
    package var lines: [String]
    /// The source line of each entry of `lines`, when lines were split
    /// (``LogicalLines``); empty when `lines[i]` is line `i + 1`.
    var numbers: [Int] = []

    package init(file: String, lines: [String]) {
        self.file = file
        self.lines = lines
    }

    /// The 1-based source line of `lines[index]`.
    func lineNumber(at index: Int) -> Int { numbers.isEmpty ? index + 1 : numbers[index] }

    /// Splits decoded text on `\n`, `\r\n` and `\r`.
    package init(file: String, text: String) {
        var lines: [String] = []
        var current = ""
        var previousWasCR = false
        for ch in text.unicodeScalars {
            if ch == "\r" {
                lines.append(current)
                current = ""
                previousWasCR = true
                continue
            }
            if ch == "\n" {
                if !previousWasCR { lines.append(current) }
                current = ""
                previousWasCR = false
                continue
            }
            previousWasCR = false
            current.unicodeScalars.append(ch)
        }
        if !current.isEmpty { lines.append(current) }
        self.init(file: file, lines: lines)
    }
}

/// A task as a layout reader found it, before ids, dates and canonical
/// names are added by ``DocumentImporter``.
package struct RawTask: Sendable, Equatable {
    package var kind: TaskKind
    package var section: String?
    package var subsection: String?
    package var number: String
    package var title: String?
    package var text: String
    package var leaders: [String]
    package var leadUnits: [String]
    package var coUnits: [String]
    /// 完成时限 as printed (joined when a cell is split over lines).
    package var deadline: String?
    /// 1-based line where the record starts.
    package var line: Int
    /// Columns the importer does not interpret (进展情况, 备注 …), by header
    /// name, in column order.
    package var extras: [ExtraField]

    package init(
        kind: TaskKind, section: String? = nil, subsection: String? = nil, number: String,
        title: String? = nil, text: String, leaders: [String] = [], leadUnits: [String] = [],
        coUnits: [String] = [], deadline: String? = nil, line: Int, extras: [ExtraField] = []
    ) {
        self.extras = extras
        self.kind = kind
        self.section = section
        self.subsection = subsection
        self.number = number
        self.title = title
        self.text = text
        self.leaders = leaders
        self.leadUnits = leadUnits
        self.coUnits = coUnits
        self.deadline = deadline
        self.line = line
    }
}

/// A warning found while reading a document, with the line it concerns
/// (public as a ``Diagnostic``: ``ImportReport/diagnostics``).
package struct ImportWarning: Sendable, Hashable, CustomStringConvertible {
    package var file: String
    package var line: Int
    package var message: String
    package init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }
    /// `file:line: warning: message`
    package var description: String { "\(file):\(line): warning: \(message)" }

    /// The warning as a ``Diagnostic`` (`W0501`) at its line.
    package var diagnostic: Diagnostic {
        Diagnostic(
            .warning, code: .importWarning, message: message, span: nil, location: FileLocation(file: file, line: line))
    }
}

/// Notes a layout reader keeps while reading, for the import report.
package struct ReaderNotes: Sendable {
    /// Cells left blank by a merge and filled from the cell above, by field
    /// name (`leaders`, `lead_units` …).
    package var inheritedCells: [String: Int] = [:]
    package var warnings: [ImportWarning] = []
    /// Counts the notice declares, checked in the report.
    var declaredCounts: [DeclaredCounts.Count] = []
    package init() {}
}

/// One document layout (cell-per-line table, numbered paragraphs …).
///
/// Readers are tried in turn; the one with the highest `confidence` reads
/// the document. Readers must be built from general layout rules, never from
/// a particular seed's line numbers.
package protocol LayoutReader: Sendable {
    /// Short name shown in reports (`cell-table`).
    var name: String { get }
    /// 0 (not this layout) … 100 (certainly this layout).
    func confidence(_ document: DocumentLines) -> Int
    /// The tasks in the document, in document order.
    func read(_ document: DocumentLines, notes: inout ReaderNotes) throws -> [RawTask]
}
