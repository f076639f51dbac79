/// One imported document: its metadata, its records and the import report.
public struct ImportedDocument: Sendable {
    /// Title, authority, number, date, city, year and layout.
    public var info: DocumentInfo
    /// The task records, in document order.
    public var records: [TaskRecord]
    /// What the import found (`rendered()` for the text form).
    public var report: ImportReport
    /// The dataset the records belong to.
    public var datasetName: String

    /// Creates an imported document.
    public init(info: DocumentInfo, records: [TaskRecord], report: ImportReport, datasetName: String) {
        self.info = info
        self.records = records
        self.report = report
        self.datasetName = datasetName
    }

    /// The document as a dataset of its own.
    public var dataset: Dataset {
        Dataset(name: datasetName, documents: [info], records: records)
    }
}
