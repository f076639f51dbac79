// `diff old new`: the changes between two datasets as rows.
extension PipelineRunner {
    func diff(_ old: String, _ new: String) throws(RuntimeError) -> Relation {
        let oldTasks = try diffTasks(old)
        let newTasks = try diffTasks(new)
        let aliases = semantics.aliases
        var diff = DatasetDiff(old: oldTasks, new: newTasks, canonical: { aliases.canonical($0) })
        let budget = budget
        diff.checkBudget = { () throws(RuntimeError) in try budget.check() }
        let changes = try diff.changes()
        try budget.check()
        var columns = [[Value]](repeating: [], count: DatasetDiff.schema.columns.count)
        let text = { (s: String?) in s.map(Value.string) ?? .null }
        for c in changes {
            let a = c.old.map { oldTasks[$0] }
            let b = c.new.map { newTasks[$0] }
            let task = b ?? a!
            let row: [Value] = [
                .string(c.change), text(a?.id), text(b?.id), text(a?.number), text(b?.number), .string(task.city),
                .string(task.kind), .list(task.leadUnits.map(Value.string)), .string(task.text), text(c.before),
                text(c.after),
                c.score.map(Value.decimal) ?? .null,
            ]
            for (k, v) in row.enumerated() { columns[k].append(v) }
        }
        return .computed(columns, count: changes.count)
    }

    private func diffTasks(_ dataset: String) throws(RuntimeError) -> [DatasetDiff.Task] {
        var tasks: [DatasetDiff.Task] = []
        let text = { (v: Value) -> String? in
            guard case .string(let s) = v else { return nil }
            return s
        }
        let list = { (v: Value) -> [String] in
            guard case .list(let items) = v else { return [] }
            return items.compactMap(text)
        }
        for rows in table.datasetRows[dataset] ?? [] {
            for r in rows {
                if r & 4095 == 0 { try budget.check() }
                tasks.append(
                    DatasetDiff.Task(
                        id: text(table.value(.id, row: r)) ?? "", number: text(table.value(.number, row: r)) ?? "",
                        section: text(table.value(.section, row: r)), kind: text(table.value(.kind, row: r)) ?? "",
                        city: text(table.value(.city, row: r)) ?? "", title: text(table.value(.title, row: r)),
                        text: text(table.value(.text, row: r)) ?? "", leaders: list(table.value(.leaders, row: r)),
                        leadUnits: list(table.value(.leadUnits, row: r)), coUnits: list(table.value(.coUnits, row: r)),
                        deadline: text(table.value(.deadline, row: r))))
            }
        }
        return tasks
    }
}
