import Foundation
import Testing

@testable import TaskQL

/// The real-document corpus (`Fixtures/corpus`, see its README): every
/// document is imported as a user would import it, its records are matched
/// against the ones written by hand, and the corpus fails below the bar.
@Suite struct ImportCorpusTests {
    /// Share of items found and of fields right the corpus must reach.
    static let bar = 0.95

    @Test func corpusMeetsTheBar() throws {
        let documents = try CorpusDocument.all()
        #expect(documents.count >= 25)
        var total = CorpusScore()
        var lines: [String] = []
        for document in documents {
            let score = document.score()
            total.add(score)
            lines.append(score.line(document.slug, layout: document.expectation.layout.joined(separator: ",")))
        }
        lines.append(
            "corpus: \(documents.count) documents, items found \(total.found)/\(total.expected) "
                + "(\(percent(total.foundShare))), fields right \(total.right)/\(total.scored) "
                + "(\(percent(total.rightShare)))")
        // Standard error is unbuffered, so the table shows however the run ends.
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        #expect(total.foundShare >= Self.bar, "items found \(percent(total.foundShare))")
        #expect(total.rightShare >= Self.bar, "fields right \(percent(total.rightShare))")
    }

    /// Every layout family the importer claims is in the corpus at least
    /// twice, in real documents (the generated ones add .docx and .html).
    @Test func everyLayoutFamilyIsRepresented() throws {
        let documents = try CorpusDocument.all().filter { $0.path.contains("/real/") }
        var counts: [String: Int] = [:]
        for document in documents {
            for layout in Set(document.expectation.layout) { counts[layout, default: 0] += 1 }
        }
        for family in ["label-lines", "bracket-labels", "sentence", "group-headings", "cell-lines", "pipe-rows"] {
            #expect(counts[family, default: 0] >= 2, "\(family): \(counts[family, default: 0]) documents")
        }
    }

    /// The scorer itself: a wrong unit is a wrong field, a missing item is not found.
    @Test func scorerCountsMistakes() {
        let expected = CorpusRecord(
            number: "1", text: "推进老旧小区改造", leaders: [], leadUnits: ["市住建局"], coUnits: ["市财政局"],
            deadline: nil, section: nil, truncated: nil)
        let right = TaskRecord.corpusSample(text: "推进老旧小区改造工作。", lead: ["市住建局"], co: ["市财政局"])
        let wrong = TaskRecord.corpusSample(text: "推进老旧小区改造工作。", lead: ["市住建局", "市财政局"], co: [])
        #expect(CorpusScore.of(expected: [expected], imported: [right]).right == 6)
        #expect(CorpusScore.of(expected: [expected], imported: [wrong]).right == 4)
        #expect(CorpusScore.of(expected: [expected], imported: []).found == 0)
    }

    private func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }
}

// MARK: The corpus

/// One document of the corpus and the records expected of it.
struct CorpusDocument {
    var slug: String
    var path: String
    var expectation: CorpusExpectation

    static func all() throws -> [CorpusDocument] {
        let root = try #require(Bundle.module.url(forResource: "Fixtures/corpus", withExtension: nil))
        var documents: [CorpusDocument] = []
        for folder in ["real", "generated"] {
            let directory = root.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".json") {
                let slug = String(name.dropLast(5))
                let data = try Data(contentsOf: directory.appendingPathComponent(name))
                let expectation = try JSONDecoder().decode(CorpusExpectation.self, from: data)
                let document = try #require(
                    ["txt", "docx", "html"].map { directory.appendingPathComponent("\(slug).\($0)").path }
                        .first { FileManager.default.fileExists(atPath: $0) }, "no document beside \(name)")
                documents.append(CorpusDocument(slug: slug, path: document, expectation: expectation))
            }
        }
        return documents
    }

    /// Imports the document as `taskql import` does and scores it.
    func score() -> CorpusScore {
        do {
            let imported = try DocumentImporter().importFile(at: path)
            var score = CorpusScore.of(expected: expectation.records, imported: imported.records)
            score.layout = imported.info.layout
            return score
        } catch {
            var score = CorpusScore.of(expected: expectation.records, imported: [])
            score.failure = "\(error)"
            return score
        }
    }
}

struct CorpusExpectation: Decodable {
    var url: String
    var title: String?
    var place: String?
    var year: Int?
    var layout: [String]
    var records: [CorpusRecord]
}

struct CorpusRecord: Decodable {
    var number: String?
    var text: String
    var leaders: [String]
    var leadUnits: [String]
    var coUnits: [String]
    var deadline: String?
    var section: String?
    var truncated: Bool?

    enum CodingKeys: String, CodingKey {
        case number, text, leaders, deadline, section, truncated
        case leadUnits = "lead_units"
        case coUnits = "co_units"
    }
}

// MARK: Scoring

/// Items found and fields right for one document or the whole corpus.
struct CorpusScore {
    var expected = 0
    var found = 0
    var scored = 0
    var right = 0
    var layout = ""
    var failure: String?
    /// The first few wrong fields, for the report.
    var mistakes: [String] = []

    var foundShare: Double { expected == 0 ? 1 : Double(found) / Double(expected) }
    var rightShare: Double { scored == 0 ? 1 : Double(right) / Double(scored) }

    mutating func add(_ other: CorpusScore) {
        expected += other.expected
        found += other.found
        scored += other.scored
        right += other.right
    }

    func line(_ slug: String, layout expectedLayout: String) -> String {
        var text =
            "\(slug) [\(expectedLayout) → \(layout.isEmpty ? "-" : layout)] items \(found)/\(expected), "
            + "fields \(right)/\(scored)"
        if let failure { text += " — " + failure }
        for mistake in mistakes.prefix(6) { text += "\n    " + mistake }
        return text
    }

    /// Matches expected records to imported ones in document order (an
    /// imported record serves one expected record) and compares the fields.
    static func of(expected: [CorpusRecord], imported: [TaskRecord]) -> CorpusScore {
        var score = CorpusScore()
        var used = Set<Int>()
        var cursor = 0
        for record in expected {
            score.expected += 1
            let wanted = CorpusText.key(record.text)
            let candidates = Array(cursor..<imported.count) + Array(0..<min(cursor, imported.count))
            guard let index = candidates.first(where: { !used.contains($0) && matches(imported[$0], wanted) }) else {
                score.mistakes.append("not found: \(record.text)")
                continue
            }
            used.insert(index)
            cursor = index + 1
            score.found += 1
            score.compare(record, imported[index])
        }
        return score
    }

    private static func matches(_ record: TaskRecord, _ wanted: String) -> Bool {
        let text = CorpusText.key(record.text)
        let whole = CorpusText.key((record.title ?? "") + record.text)
        // An item shorter than the expected excerpt (`技能培训提升,` before its
        // inline label) is found when the excerpt starts with all of it.
        return text.hasPrefix(wanted) || whole.hasPrefix(wanted) || (wanted.count >= 8 && whole.contains(wanted))
            || (text.count >= 4 && wanted.hasPrefix(text))
    }

    private mutating func compare(_ expected: CorpusRecord, _ record: TaskRecord) {
        func check(_ field: String, _ want: String, _ got: String) {
            scored += 1
            if want == got {
                right += 1
            } else {
                mistakes.append("\(expected.text.prefix(12)) \(field): want \(want), got \(got)")
            }
        }
        if let number = expected.number { check("number", CorpusText.key(number), CorpusText.key(record.number)) }
        guard expected.truncated != true else { return }
        check("leaders", CorpusText.list(expected.leaders), CorpusText.list(record.leaders))
        check("lead_units", CorpusText.list(expected.leadUnits), CorpusText.list(record.leadUnits))
        check("co_units", CorpusText.list(expected.coUnits), CorpusText.list(record.coUnits))
        check("deadline", CorpusText.key(expected.deadline ?? ""), CorpusText.key(record.deadline ?? ""))
        check("section", CorpusText.section(expected.section), CorpusText.section(record.section))
    }
}

/// How values are compared: NFKC, white space removed; lists as sets.
enum CorpusText {
    static func key(_ text: String) -> String {
        String(text.precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace })
    }

    static func list(_ items: [String]) -> String {
        "[" + items.map(key).sorted().joined(separator: "|") + "]"
    }

    /// A section heading without a trailing `。` or count note (`(6项)`).
    static func section(_ text: String?) -> String {
        var value = key(text ?? "")
        while let last = value.last, "。.;；:：".contains(last) { value.removeLast() }
        if value.hasSuffix(")"), let open = value.lastIndex(of: "("),
            value[open...].contains(where: { "项个件条".contains($0) }),
            value[open...].contains(where: \.isNumber)
        {
            value = String(value[..<open])
        }
        return value
    }
}

extension TaskRecord {
    static func corpusSample(text: String, lead: [String], co: [String]) -> TaskRecord {
        TaskRecord(
            id: "x-1", dataset: "x", city: "", year: 2020, kind: .key, section: nil, subsection: nil, number: "1",
            title: nil, text: text, leaders: [], leadUnits: lead, coUnits: co, deadline: nil, due: nil, source: "x:1")
    }
}
