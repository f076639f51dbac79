/// What the checker, the compiler and the shell need to know of data that
/// lives in a database (`taskql --db`): the datasets with their documents,
/// counts and extra columns, and the names Tab and the unit check use.
/// TaskQLPostgres reads it from the schema `taskql push` writes; an
/// ``Engine`` built on it (``Engine/init(describing:aliases:options:)``)
/// checks queries exactly as one holding the rows would.
package struct DatabaseCatalog: Sendable {
    package struct DatasetInfo: Sendable {
        package var name: String
        package var documents: [DocumentInfo]
        package var taskCount: Int
        package var cities: [String]
        /// The extra columns its tasks have, as the documents print them.
        package var extraHeaders: [String]

        package init(
            name: String, documents: [DocumentInfo], taskCount: Int, cities: [String], extraHeaders: [String]
        ) {
            self.name = name
            self.documents = documents
            self.taskCount = taskCount
            self.cities = cities
            self.extraHeaders = extraHeaders
        }

        var summary: DatasetSummary { DatasetSummary(name: name, taskCount: taskCount, cities: cities) }
    }

    /// In push order (TQL's dataset order).
    package var datasets: [DatasetInfo]
    /// Unit names as printed in the data, most frequent first.
    package var unitNames: [String]
    /// Leader names, most frequent first.
    package var leaderNames: [String]
    /// ``Engine/fieldValues(limit:)`` of the data.
    package var fieldValues: [String: [String]]

    package init(
        datasets: [DatasetInfo], unitNames: [String], leaderNames: [String], fieldValues: [String: [String]]
    ) {
        self.datasets = datasets
        self.unitNames = unitNames
        self.leaderNames = leaderNames
        self.fieldValues = fieldValues
    }

    /// Every extra column header, in order of first appearance.
    var extraHeaders: [String] {
        var seen = Set<String>()
        return datasets.flatMap(\.extraHeaders).filter { seen.insert($0).inserted }
    }
}

extension Engine {
    /// An engine that holds no rows but describes `catalog`'s: it checks
    /// and compiles queries for the database (``Session/database``).
    package convenience init(
        describing catalog: DatabaseCatalog, aliases: UnitAliases, options: EngineOptions = EngineOptions()
    ) {
        self.init(
            catalog: catalog.datasets.map { DatasetEntry(name: $0.name, documents: $0.documents) },
            table: TaskTable(describingExtraColumns: catalog.extraHeaders), aliases: aliases, options: options,
            described: catalog)
    }
}

extension DatabaseCatalog {
    /// Dataset `name` of `engine` as the header line of a dataset file
    /// (its documents), which `taskql push` stores as `taskql_datasets.header`.
    package static func headerLine(ofDataset name: String, in engine: Engine) -> String {
        let entry = engine.catalog.first { $0.name == name }
        var line = ""
        JSONLineWriter.header(
            name: name, records: engine.table.rows(ofDataset: name).count, documents: entry?.documents ?? [],
            into: &line)
        return line.hasSuffix("\n") ? String(line.dropLast()) : line
    }

    /// The documents of a stored header line; nil when it is not one.
    package static func documents(ofHeaderLine line: String) -> [DocumentInfo]? {
        var bytes = Array(line.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            var scanner = JSONScanner(UnsafeBufferPointer(buffer), from: 0, to: buffer.count)
            return try? DatasetHeaderLine.parse(&scanner).documents
        }
    }

    /// The extra column headers of dataset `name` of `engine`, in order of
    /// first appearance.
    package static func extraHeaders(ofDataset name: String, in engine: Engine) -> [String] {
        let table = engine.table
        let rows = table.rows(ofDataset: name)
        return table.extras.headers.indices.filter { k in
            rows.contains { table.extras.values[k][$0] != TaskTable.nullID }
        }
        .map { table.extras.headers[$0] }
    }

    /// How many tasks of dataset `name` of `engine` name each value of the
    /// fields Tab offers and the unit check reads: `unit` (lead and co
    /// units, as printed), `leader`, and ``Engine/fieldValues(limit:)``'s fields.
    package static func valueCounts(ofDataset name: String, in engine: Engine) -> [(
        field: String, value: String, tasks: Int
    )] {
        let table = engine.table
        var counts: [String: [Int32: Int]] = [:]
        let scalar: [(String, [Int32])] = [
            ("dataset", table.datasets), ("city", table.cities), ("kind", table.kinds), ("section", table.sections),
            ("subsection", table.subsections), ("deadline", table.deadlines),
        ]
        for row in table.rows(ofDataset: name) {
            for (field, ids) in scalar where ids[row] != TaskTable.nullID {
                counts[field, default: [:]][ids[row], default: 0] += 1
            }
            for id in table.leadUnits.elements(row) + table.coUnits.elements(row) {
                counts["unit", default: [:]][id, default: 0] += 1
            }
            for id in table.leaders.elements(row) { counts["leader", default: [:]][id, default: 0] += 1 }
        }
        return counts.sorted { $0.key < $1.key }.flatMap { field, values in
            values.map { (field: field, value: table.pool[$0.key], tasks: $0.value) }
        }
    }
}
