// What the engine knows, for completion, `.schema` and documentation.
extension Engine {
    /// Field names accepted in queries: English names, then Chinese
    /// aliases, then the extra columns of the loaded data (`进展情况`).
    public var fieldNames: [String] { TaskField.allNames + table.extras.names }

    /// Scalar and aggregate function names, sorted.
    public var functionNames: [String] { FunctionCatalog.allNames }

    /// Unit names as printed in the loaded data, most frequent first.
    public var unitNames: [String] { described?.unitNames ?? table.unitIDsByFrequency.map { table.pool[$0] } }

    /// Leader names in the loaded data, most frequent first.
    public var leaderNames: [String] {
        described?.leaderNames ?? table.leaderIDsByFrequency.map { table.pool[$0] }
    }

    /// The values of the short text fields in the loaded data (`city`,
    /// `kind`, `dataset`, `section`, `subsection`, `deadline`), most
    /// frequent first, at most `limit` each: what Tab offers inside
    /// `city == "`. One pass over each column's pooled ids.
    public func fieldValues(limit: Int = 500) -> [String: [String]] {
        if let described { return described.fieldValues.mapValues { Array($0.prefix(limit)) } }
        let columns: [(TaskField, [Int32])] = [
            (.dataset, table.datasets), (.city, table.cities), (.kind, table.kinds), (.section, table.sections),
            (.subsection, table.subsections), (.deadline, table.deadlines),
        ]
        var values: [String: [String]] = [:]
        for (field, ids) in columns {
            var counts: [Int32: Int] = [:]
            for id in ids where id != TaskTable.nullID { counts[id, default: 0] += 1 }
            let ordered = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            values[field.name] = ordered.prefix(limit).map { table.pool[$0.key] }
        }
        return values
    }

    /// Every task field with its type, Chinese names and meaning, then the
    /// extra columns of the loaded data.
    package var schema: [FieldInfo] { fieldsAndExtras { _ in true } }

    /// The fields, then the extra columns some task of dataset `name` has;
    /// nil when no dataset of that name is loaded (`.schema haimen`).
    package func schema(ofDataset name: String) -> [FieldInfo]? {
        guard datasetNames.contains(name) else { return nil }
        if let described {
            let headers = Set(described.datasets.first { $0.name == name }?.extraHeaders ?? [])
            return fieldsAndExtras { headers.contains(table.extras.headers[$0]) }
        }
        let rows = table.rows(ofDataset: name)
        return fieldsAndExtras { k in rows.contains { table.extras.values[k][$0] != TaskTable.nullID } }
    }

    private func fieldsAndExtras(including: (Int) -> Bool) -> [FieldInfo] {
        let fields = TaskField.allCases.map {
            FieldInfo(name: $0.name, type: $0.type, chineseAliases: $0.chineseAliases, summary: $0.summary)
        }
        let extras = table.extras.names.indices.filter(including).map { k in
            FieldInfo(
                name: table.extras.names[k], type: .string, chineseAliases: [],
                summary: "extra column \(table.extras.headers[k]) kept from the documents "
                    + "(null where a task's document has none)")
        }
        return fields + extras
    }

    /// A narrower column set for showing whole task rows in a terminal
    /// table (a bare `tasks | where …` returns every field; a table
    /// formatter may show these and leave the rest to `select`).
    package static let compactColumns = ["id", "city", "kind", "number", "text", "lead_units", "deadline"]

    /// One line per function: name and signature with meaning (for help).
    package var functionSummaries: [(name: String, summary: String)] {
        ScalarFunction.allCases.map { ($0.rawValue, $0.signature) }
            + AggregateFunction.allCases.map { ($0.rawValue, $0.signature) }
    }
}
