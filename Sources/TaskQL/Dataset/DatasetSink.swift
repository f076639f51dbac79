/// Where ``DatasetFileReader`` puts what it reads, dataset by dataset and
/// record by record: into ``Dataset`` values (``DatasetCollector``), or
/// straight into an engine's columns (``EngineBuilder``), so that a large
/// file never exists as a million records at once.
protocol DatasetSink {
    /// A dataset starts; its records follow.
    mutating func startDataset(name: String, documents: [DocumentInfo], expectedRecords: Int?)
    /// One record of the current dataset.
    mutating func add(_ record: TaskRecord)
    /// The current dataset is complete.
    mutating func endDataset()
}

/// Collects what a dataset file holds as ``Dataset`` values.
struct DatasetCollector: DatasetSink {
    private(set) var datasets: [Dataset] = []

    mutating func startDataset(name: String, documents: [DocumentInfo], expectedRecords: Int?) {
        var dataset = Dataset(name: name, documents: documents, records: [])
        if let expectedRecords { dataset.records.reserveCapacity(expectedRecords) }
        datasets.append(dataset)
    }

    mutating func add(_ record: TaskRecord) { datasets[datasets.count - 1].records.append(record) }

    mutating func endDataset() {}
}
