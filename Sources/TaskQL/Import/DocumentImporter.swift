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
public struct DocumentImporter: Sendable {
    /// Every layout the importer knows, most specific first.
    public static let standardReaders: [any LayoutReader] = [
        CellTableReader(), PipeTableReader(), LabelledItemsReader(), ParenthesisedUnitsReader(),
        NarrativeReportReader(),
    ]

    /// Least confidence a reader needs to read a document.
    public static let minimumConfidence = 20

    /// Unit aliases (kept for callers that canonicalise while importing).
    public var aliases: UnitAliases
    /// The layout readers tried, in order.
    public var readers: [any LayoutReader]

    /// An importer with the given aliases and readers.
    public init(aliases: UnitAliases = .builtIn, readers: [any LayoutReader] = DocumentImporter.standardReaders) {
        self.aliases = aliases
        self.readers = readers
    }

    /// Imports the document at `path`. `encoding` overrides detection;
    /// `datasetName` defaults to the city's pinyin (`yixing`) or the file's stem.
    public func importFile(
        at path: String, encoding: TextEncodingName? = nil, datasetName: String? = nil
    ) throws(ImportError) -> ImportedDocument {
        let bytes = try FileBytes.read(path)
        return try importBytes(bytes, file: path, encoding: encoding, datasetName: datasetName)
    }

    /// Imports a document held in memory; `file` names it in sources and errors.
    public func importBytes(
        _ bytes: [UInt8], file: String, encoding: TextEncodingName? = nil, datasetName: String? = nil
    ) throws(ImportError) -> ImportedDocument {
        let decoded = try TextDecoder.decode(bytes, file: file, encoding: encoding)
        return try importText(decoded.text, file: file, encoding: decoded.encoding, datasetName: datasetName)
    }

    /// Imports decoded text (`encoding` is only recorded in the report).
    public func importText(
        _ text: String, file: String, encoding: TextEncodingName = .utf8, datasetName: String? = nil
    ) throws(ImportError) -> ImportedDocument {
        let document = DocumentLines(file: file, text: text)
        guard document.lines.contains(where: { !LineText.trimmed($0).isEmpty }) else {
            throw ImportError(file: file, message: "the file has no text")
        }
        let reader = try chooseReader(document)
        var notes = ReaderNotes()
        let tasks: [RawTask]
        do {
            tasks = try reader.read(document, notes: &notes)
        } catch let error as ImportError {
            throw error
        } catch {
            throw ImportError(file: file, message: "the \(reader.name) reader failed: \(error)")
        }
        guard !tasks.isEmpty else {
            throw ImportError(file: file, message: "the \(reader.name) layout was recognised but no tasks were found")
        }
        let found = DocumentInfoExtractor.extract(document)
        let info = DocumentInfo(
            file: file, title: found.title, authority: found.authority, documentNumber: found.documentNumber,
            date: found.date, city: found.city ?? "", year: found.year ?? 0, layout: reader.name)
        notes.warnings += metadataWarnings(found, file: file)
        let name = datasetName ?? Self.defaultDatasetName(info)
        let records = RecordAssembler(datasetName: name, info: info).records(tasks)
        notes.warnings += NumberingCheck.warnings(records, file: RecordAssembler.baseName(file))
        let report = ImportReport(info: info, datasetName: name, encoding: encoding, records: records, notes: notes)
        return ImportedDocument(info: info, records: records, report: report, datasetName: name)
    }

    /// The most confident reader, or an error naming the layouts tried.
    func chooseReader(_ document: DocumentLines) throws(ImportError) -> any LayoutReader {
        var best: (reader: any LayoutReader, score: Int)?
        for reader in readers {
            let score = reader.confidence(document)
            if score > (best?.score ?? Self.minimumConfidence - 1) { best = (reader, score) }
        }
        guard let best else {
            let tried = readers.map(\.name).joined(separator: ", ")
            throw ImportError(
                file: document.file,
                message: "no recognisable tasks: the text matches none of the known layouts (\(tried)); "
                    + "see Docs/IMPORTING.md for the layouts and how to add one")
        }
        return best.reader
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
