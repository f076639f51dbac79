/// One imported document: its metadata, its records and the import report.
package struct ImportedDocument: Sendable {
    /// Title, authority, number, date, city, year and layout.
    package var info: DocumentInfo
    /// The task records, in document order.
    package var records: [TaskRecord]
    /// What the import found (`rendered()` for the text form).
    package var report: ImportReport
    /// The dataset the records belong to.
    package var datasetName: String

    /// Creates an imported document.
    package init(info: DocumentInfo, records: [TaskRecord], report: ImportReport, datasetName: String) {
        self.info = info
        self.records = records
        self.report = report
        self.datasetName = datasetName
    }

    /// The document as a dataset of its own.
    package var dataset: Dataset {
        Dataset(name: datasetName, documents: [info], records: records)
    }
}
