/// A narrative government work report (Nantong): the paragraphs of the
/// plan for the year (`## 二、2020年目标任务`) become `report` records.
///
/// Rules: the plan section starts at a short heading naming a year and a
/// plan (`目标任务`, `工作任务`, `主要任务`, `工作安排`) and runs to the next
/// numbered heading of its level or the end. `(一)…` paragraphs open
/// sections, named by their lead sentence; paragraphs before the first one
/// belong to the plan heading. Newspaper artefacts are undone: `(上接A1版)`
/// is dropped, a line is cut at `(下转A3版)`, a paragraph that stops in
/// mid-sentence (page or column break) joins the next one, and a lone short
/// sentence (`打造特色优势产业集群。`) is the lead sentence of the paragraph
/// after it. Records are numbered `section.paragraph` (`3.2`); each is
/// titled by its lead sentence.
package struct NarrativeReportReader: LayoutReader {
    /// Creates the reader.
    package init() {}

    /// `narrative-report`
    package var name: String { "narrative-report" }

    /// Moderate when the document has a plan heading and `(一)` paragraphs:
    /// structured layouts, when present, are more specific.
    package func confidence(_ document: DocumentLines) -> Int {
        guard let plan = Self.planSection(document) else { return 0 }
        let opened = document.lines[plan.start..<plan.end].filter {
            NumberedLine.parse($0)?.style == .parenthesisedChinese
        }
        return opened.count >= 2 ? 45 : 25
    }

    /// The plan section's paragraphs.
    package func read(_ document: DocumentLines, notes: inout ReaderNotes) throws -> [RawTask] {
        guard let plan = Self.planSection(document) else { return [] }
        let paragraphs = ReportParagraphs.collect(document.lines, in: (plan.start + 1)..<plan.end)
        var tasks: [RawTask] = []
        var section = plan.title
        var sectionNumber = 0
        var paragraphNumber = 0
        for paragraph in paragraphs {
            // The paragraph's lead sentence, without a `(一)` that opens a section.
            var lead = paragraph.text
            if let numbered = NumberedLine.parse(paragraph.text), numbered.style == .parenthesisedChinese {
                sectionNumber = numbered.value
                paragraphNumber = 0
                lead = numbered.rest
                section = LineText.droppingSentenceEnd(LineText.firstSentence(lead).sentence)
            }
            paragraphNumber += 1
            tasks.append(
                RawTask(
                    kind: .report, section: section, number: "\(sectionNumber).\(paragraphNumber)",
                    title: LineText.droppingSentenceEnd(LineText.firstSentence(lead).sentence), text: paragraph.text,
                    line: paragraph.line))
        }
        if tasks.isEmpty {
            notes.warnings.append(
                ImportWarning(file: document.file, line: plan.start + 1, message: "the plan section has no paragraphs"))
        }
        return tasks
    }

    /// The plan heading's line index, its title and the end of its section.
    static func planSection(_ document: DocumentLines) -> (start: Int, end: Int, title: String)? {
        var best: (index: Int, year: Int, level: Int, title: String)?
        for (index, line) in document.lines.enumerated() {
            guard let heading = ReportHeading(line), let year = heading.planYear else { continue }
            if best == nil || year > best!.year { best = (index, year, heading.level, heading.title) }
        }
        guard let best else { return nil }
        var end = document.lines.count
        for index in (best.index + 1)..<document.lines.count {
            if let heading = ReportHeading(document.lines[index]), heading.isNumbered, heading.level <= best.level {
                end = index
                break
            }
        }
        return (best.index, end, best.title)
    }
}

/// A heading line of a report: `## 二、2020年目标任务` or an unmarked short
/// numbered line `三、…`.
struct ReportHeading {
    /// `#` count, or 2 for unmarked numbered headings.
    var level: Int
    /// Without `#`, number and spaces.
    var title: String
    var isNumbered: Bool

    init?(_ raw: String) {
        var line = LineText.trimmed(raw)
        let hashes = line.prefix(while: { $0 == "#" }).count
        line = LineText.trimmed(line.dropFirst(hashes))
        let numbered = NumberedLine.parse(line)
        let isChineseNumbered = numbered?.style == .chinese
        guard hashes > 0 || (isChineseNumbered && line.count <= 30) else { return nil }
        guard !line.contains(where: LineText.isSentenceEnd) else { return nil }
        level = hashes > 0 ? hashes : 2
        isNumbered = isChineseNumbered
        title = LineText.removingSpaces(isChineseNumbered ? numbered!.rest : line)
    }

    static let planWords = ["目标任务", "工作任务", "主要任务", "工作安排", "工作计划", "重点工作"]

    /// The year of a plan heading (`2020年目标任务` → 2020); nil for other headings.
    var planYear: Int? {
        guard Self.planWords.contains(where: title.contains), let range = title.range(of: "年") else { return nil }
        let digits = title[..<range.lowerBound].suffix(4)
        guard digits.count == 4, let year = Int(digits), (1949...2200).contains(year) else { return nil }
        return year
    }
}
