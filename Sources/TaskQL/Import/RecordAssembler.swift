/// Turns a reader's raw tasks into task records: ids, dataset, city, year,
/// due dates, `file:line` sources, leaders without padding.
struct RecordAssembler {
    let datasetName: String
    let info: DocumentInfo
    /// The dataset name the caller gave (`as haimen_adjusted`), else
    /// `haimen` (the city's pinyin) or the file name's ASCII stem: a
    /// document loaded under a name of its own is another version of the
    /// plan, whose tasks must not take the ids of the one it revises.
    let idPrefix: String
    /// Base name of the file, for `source`.
    let sourceFile: String

    init(datasetName: String, info: DocumentInfo, namedByTheCaller: Bool = false) {
        self.datasetName = datasetName
        self.info = info
        sourceFile = Self.baseName(info.file)
        let named = namedByTheCaller ? Self.slug(datasetName) : nil
        idPrefix = named ?? CityGazetteer.pinyin[info.city] ?? Self.slug(Self.stem(sourceFile)) ?? "doc"
    }

    /// Records for `tasks`; ids are made unique with `-2`, `-3` … suffixes.
    func records(_ tasks: [RawTask]) -> [TaskRecord] {
        var used = Set<String>()
        return tasks.enumerated().map { index, task in
            let base =
                "\(idPrefix)-\(info.year)-\(task.kind.rawValue)-\(Self.idNumber(task.number) ?? String(index + 1))"
            var id = base
            var n = 2
            while !used.insert(id).inserted {
                id = "\(base)-\(n)"
                n += 1
            }
            return record(task, id: id)
        }
    }

    func record(_ task: RawTask, id: String) -> TaskRecord {
        let deadline = task.deadline.map { LineText.trimmed($0) }.flatMap { $0.isEmpty ? nil : $0 }
        return TaskRecord(
            id: id, dataset: datasetName, city: info.city, year: info.year, kind: task.kind,
            section: task.section, subsection: task.subsection, number: task.number, title: task.title,
            text: task.text, leaders: task.leaders.map { LineText.removingSpaces($0) }.filter { !$0.isEmpty },
            leadUnits: task.leadUnits, coUnits: task.coUnits, deadline: deadline,
            due: deadline.flatMap { DeadlineParser.due($0, year: info.year) },
            source: "\(sourceFile):\(task.line)", extra: task.extras)
    }

    /// The number as an id part: Chinese numerals become digits (`十一` → `11`),
    /// other characters outside `[0-9A-Za-z.]` are dropped.
    static func idNumber(_ number: String) -> String? {
        let trimmed = LineText.removingSpaces(number)
        if let value = ChineseNumerals.value(of: trimmed) { return String(value) }
        let kept = String(
            trimmed.unicodeScalars.filter {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == ".")
            }.map(Character.init))
        return kept.isEmpty ? nil : kept.lowercased()
    }

    static func baseName(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
    }

    static func stem(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// Lower-case ASCII letters, digits and `-`; nil when nothing is left.
    static func slug(_ text: String) -> String? {
        var out = ""
        for s in text.lowercased().unicodeScalars {
            if s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s)) {
                out.unicodeScalars.append(s)
            } else if !out.isEmpty && out.last != "-" {
                out.append("-")
            }
        }
        while out.last == "-" { out.removeLast() }
        return out.isEmpty ? nil : out
    }
}
