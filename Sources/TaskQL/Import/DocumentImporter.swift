/// Imports decomposition documents: decodes the file, detects its layout,
/// reads its tasks and turns them into task records.
///
/// ```swift
/// let doc = try DocumentImporter().importFile(at: "plan.txt")
/// print(doc.report.rendered())
/// ```
///
/// Every reader in `readers` rates the document (``LayoutReader/confidence(_:)``);
/// the most confident one reads it (ties go to the earlier reader). A
/// document no reader is confident about, or that yields no tasks, is an
/// ``ImportError``, never an empty dataset.
package struct DocumentImporter: Sendable {
    /// Every layout the importer knows, most specific first.
    package static let standardReaders: [any LayoutReader] = [
        CellTableReader(), PipeTableReader(), SpacedColumnsReader(), LabelledItemsReader(), ParenthesisedUnitsReader(),
        NarrativeReportReader(),
    ]

    /// Least confidence a reader needs to read a document.
    package static let minimumConfidence = 20

    /// The layout readers tried, in order.
    package var readers: [any LayoutReader]
    /// Runs LibreOffice and pdftotext for .doc, .wps and .pdf files.
    var converter = ExternalConverter()

    /// An importer with the given layout readers.
    package init(readers: [any LayoutReader] = DocumentImporter.standardReaders) {
        self.readers = readers
    }

    /// Imports the document at `path`. `encoding` overrides detection;
    /// `datasetName` defaults to the city's pinyin (`yixing`) or the file's stem.
    package func importFile(
        at path: String, encoding: TextEncodingName? = nil, datasetName: String? = nil
    ) throws(ImportError) -> ImportedDocument {
        let bytes = try FileBytes.read(path)
        return try importBytes(bytes, file: path, encoding: encoding, datasetName: datasetName)
    }

    /// Imports a document held in memory; `file` names it in sources and
    /// errors, and with the first bytes decides the front-end
    /// (``DocumentFormat``): text, a web page, or a Word .docx.
    package func importBytes(
        _ bytes: [UInt8], file: String, encoding: TextEncodingName? = nil, datasetName: String? = nil
    ) throws(ImportError) -> ImportedDocument {
        switch DocumentFormat.detect(bytes, file: file) {
        case .docx:
            let document = try DocxFrontEnd.read(bytes, file: file)
            return try importStructured(document, encoding: .utf8, datasetName: datasetName)
        case .html:
            let decoded = try TextDecoder.decode(bytes, file: file, encoding: encoding)
            let document = try HTMLFrontEnd.read(decoded.text, file: file)
            return try importStructured(document, encoding: decoded.encoding, datasetName: datasetName)
        case .legacyOffice:
            let docx = try converter.docx(fromLegacy: bytes, file: file)
            let document = try DocxFrontEnd.read(docx, file: file)
            return try importStructured(document, encoding: .utf8, datasetName: datasetName)
        case .pdf:
            let text = try converter.text(fromPDF: bytes, file: file)
            let decoded = try TextDecoder.decode(text, file: file, encoding: .utf8)
            return try importText(decoded.text, file: file, encoding: decoded.encoding, datasetName: datasetName)
        case .unsupportedArchive:
            throw ImportError(
                code: .unreadableDocument, file: file,
                message: "a zip archive that is not a Word .docx (no word/document.xml); spreadsheets and "
                    + "OpenDocument files are not read, save the table as .docx or .html")
        case .text:
            let decoded = try TextDecoder.decode(bytes, file: file, encoding: encoding)
            if HTMLFrontEnd.looksLikeHTML(decoded.text) {
                let document = try HTMLFrontEnd.read(decoded.text, file: file)
                return try importStructured(document, encoding: decoded.encoding, datasetName: datasetName)
            }
            return try importText(decoded.text, file: file, encoding: decoded.encoding, datasetName: datasetName)
        }
    }

    /// Imports decoded text (`encoding` is only recorded in the report).
    package func importText(
        _ text: String, file: String, encoding: TextEncodingName = .utf8, datasetName: String? = nil
    ) throws(ImportError) -> ImportedDocument {
        let document = DocumentLines(file: file, text: text)
        guard document.lines.contains(where: { !LineText.trimmed($0).isEmpty }) else {
            throw ImportError(code: .noTasks, file: file, message: "the file has no text")
        }
        var notes = ReaderNotes()
        let (tasks, layout) = try readLines(document, notes: &notes)
        return assemble(
            tasks, layout: layout, text: document, encoding: encoding, notes: notes, datasetName: datasetName)
    }

    /// Imports a document a structured front-end read: its task tables by
    /// the grid rules, else its paragraphs by the line readers.
    func importStructured(
        _ document: StructuredDocument, encoding: TextEncodingName, datasetName: String?
    ) throws(ImportError) -> ImportedDocument {
        let rendered = document.renderedLines
        guard rendered.lines.contains(where: { !LineText.trimmed($0).isEmpty }) else {
            let depth =
                document.frontEnd == "html" ? " (or nests its elements deeper than the 256 levels libxml2 reads)" : ""
            throw ImportError(
                code: .noTasks, file: document.file, message: "the \(document.frontEnd) document has no text\(depth)")
        }
        var notes = ReaderNotes()
        let found = GridTableRules.taskTables(document)
        var tasks = TableRowAssembler(file: document.file).assemble(found.tables, notes: &notes)
        var layout = "\(document.frontEnd)-table"
        if tasks.isEmpty {
            let paragraphs = document.paragraphLines(excluding: found.blockIndices)
            let tables = document.blocks.compactMap { block -> GridTable? in
                if case .table(let table) = block { return table }
                return nil
            }
            let read = try readLines(paragraphs, notes: &notes, tables: tables)
            tasks = read.tasks
            layout = "\(read.layout) (\(document.frontEnd))"
        }
        return assemble(
            tasks, layout: layout, text: rendered, encoding: encoding, notes: notes, datasetName: datasetName)
    }

    /// The tasks of a document's lines, by the most confident layout reader.
    /// `tables` are a structured document's tables, named in the error when
    /// nothing is found.
    private func readLines(
        _ document: DocumentLines, notes: inout ReaderNotes, tables: [GridTable] = []
    ) throws(ImportError) -> (tasks: [RawTask], layout: String) {
        let seen = { [DocumentSurvey.describe(tables: tables), DocumentSurvey.describe(document)].compactMap { $0 } }
        guard let reader = chooseReader(document) else {
            let tried = readers.map(\.name).joined(separator: ", ")
            throw ImportError(
                code: .noTasks, file: document.file,
                message: "no recognisable tasks: seen \(seen().joined(separator: "; ")); none of the layouts "
                    + "(\(tried)) applies — \(DocumentSurvey.advice)")
        }
        let tasks: [RawTask]
        do {
            tasks = try reader.read(document, notes: &notes)
        } catch let error as ImportError {
            throw error
        } catch {
            throw ImportError(
                code: .noTasks, file: document.file, message: "the \(reader.name) reader failed: \(error)")
        }
        guard !tasks.isEmpty else {
            throw ImportError(
                code: .noTasks, file: document.file,
                message: "the \(reader.name) layout was recognised but no tasks were found: seen "
                    + "\(seen().joined(separator: "; ")) — \(DocumentSurvey.advice)")
        }
        return (tasks, reader.name)
    }

    /// Records, metadata and report for the tasks a reader found.
    private func assemble(
        _ tasks: [RawTask], layout: String, text: DocumentLines, encoding: TextEncodingName, notes: ReaderNotes,
        datasetName: String?
    ) -> ImportedDocument {
        var notes = notes
        let file = text.file
        let found = DocumentInfoExtractor.extract(text)
        let info = DocumentInfo(
            file: file, title: found.title, authority: found.authority, documentNumber: found.documentNumber,
            date: found.date, city: found.city ?? "", year: found.year ?? 0, layout: layout)
        notes.warnings += metadataWarnings(found, file: file)
        // The notice precedes the items; a narrative report's numbers count other things.
        if tasks.contains(where: { $0.kind != .report }) {
            notes.declaredCounts = DeclaredCounts.find(
                in: text, limit: max(0, min(60, (tasks.map(\.line).min() ?? 1) - 1)))
        }
        let name = datasetName ?? Self.defaultDatasetName(info)
        let records = RecordAssembler(datasetName: name, info: info, namedByTheCaller: datasetName != nil).records(
            tasks)
        notes.warnings += NumberingCheck.warnings(records, file: RecordAssembler.baseName(file))
        let report = ImportReport(info: info, datasetName: name, encoding: encoding, records: records, notes: notes)
        return ImportedDocument(info: info, records: records, report: report, datasetName: name)
    }

    /// The most confident reader, nil when none reaches ``minimumConfidence``.
    func chooseReader(_ document: DocumentLines) -> (any LayoutReader)? {
        var best: (reader: any LayoutReader, score: Int)?
        for reader in readers {
            let score = reader.confidence(document)
            if score > (best?.score ?? Self.minimumConfidence - 1) { best = (reader, score) }
        }
        return best?.reader
    }

    func metadataWarnings(_ found: DocumentInfoExtractor.Found, file: String) -> [ImportWarning] {
        var warnings: [ImportWarning] = []
        if found.city == nil {
            warnings.append(
                ImportWarning(file: file, line: 1, message: "no city found in the authority, number or text"))
        }
        if found.year == nil {
            warnings.append(ImportWarning(file: file, line: 1, message: "no plan year found; year set to 0"))
        }
        return warnings
    }

    /// The city's pinyin (`yixing`), else the file name's stem.
    static func defaultDatasetName(_ info: DocumentInfo) -> String {
        if let pinyin = CityGazetteer.pinyin[info.city] { return pinyin }
        return DatasetName.fromFile(info.file)
    }
}
