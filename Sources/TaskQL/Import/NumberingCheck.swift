/// Warns where item numbers skip or repeat within a kind, which usually
/// means an item was missed or read twice.
enum NumberingCheck {
    static func warnings(_ records: [TaskRecord], file: String) -> [ImportWarning] {
        var warnings: [ImportWarning] = []
        var previous: [TaskKind: Int] = [:]
        for r in records where r.kind != .report {
            guard let value = ChineseNumerals.value(of: r.number) else { continue }
            defer { previous[r.kind] = value }
            guard let last = previous[r.kind], value != 1 else { continue }
            let line = Int(r.source.split(separator: ":").last ?? "") ?? 0
            if value == last {
                warnings.append(ImportWarning(file: file, line: line, message: "\(r.kind.rawValue) item \(r.number) is numbered like the one before"))
            } else if value > last + 1 {
                warnings.append(ImportWarning(file: file, line: line, message: "\(r.kind.rawValue) items \(last + 1)–\(value - 1) are missing (numbering jumps from \(last) to \(r.number))"))
            }
        }
        return warnings
    }
}
