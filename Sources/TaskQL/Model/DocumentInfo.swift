/// What a document says about itself: its title, who issued it, its number
/// and date. Every field but `file` is optional because web copies often
/// lose the letterhead.
public struct DocumentInfo: Sendable, Equatable, Hashable {
    /// The file the document was read from (as given by the user).
    public var file: String
    /// 标题, e.g. `市政府关于印发2020年重点工作分解落实方案的通知`.
    public var title: String?
    /// 发文机关, e.g. `宜兴市人民政府`.
    public var authority: String?
    /// 文号, e.g. `宜政发〔2020〕160号`.
    public var documentNumber: String?
    /// 成文日期 as a date.
    public var date: CivilDate?
    /// City the document is about (`宜兴`).
    public var city: String
    /// Plan year (`2020`).
    public var year: Int
    /// The layout the importer recognised (`cell-table`, `numbered-paragraphs` …).
    public var layout: String

    /// Creates document metadata.
    public init(
        file: String, title: String?, authority: String?, documentNumber: String?,
        date: CivilDate?, city: String, year: Int, layout: String
    ) {
        self.file = file
        self.title = title
        self.authority = authority
        self.documentNumber = documentNumber
        self.date = date
        self.city = city
        self.year = year
        self.layout = layout
    }
}

/// A named set of task records and the documents they came from.
public struct Dataset: Sendable, Equatable {
    /// Name used in queries (`haimen`, or the file's base name).
    public var name: String
    /// Documents the records were imported from.
    public var documents: [DocumentInfo]
    /// The records, in document order.
    public var records: [TaskRecord]

    /// Creates a dataset.
    public init(name: String, documents: [DocumentInfo], records: [TaskRecord]) {
        self.name = name
        self.documents = documents
        self.records = records
    }
}

extension Dataset {
    /// `datasets` with those of one name joined, in the place of the first:
    /// documents and records appended in order. Two documents of one city
    /// (a key-task list and a livelihood list, or two years) load as one
    /// dataset instead of one silently hiding the other.
    public static func mergingByName(_ datasets: [Dataset]) -> [Dataset] {
        var merged: [Dataset] = []
        var position: [String: Int] = [:]
        for dataset in datasets {
            if let i = position[dataset.name] {
                merged[i].documents += dataset.documents
                merged[i].records += dataset.records
            } else {
                position[dataset.name] = merged.count
                merged.append(dataset)
            }
        }
        return merged
    }
}
