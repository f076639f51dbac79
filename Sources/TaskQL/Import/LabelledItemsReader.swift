/// Numbered items followed by label lines, or ending in a labelled
/// parenthesis (Huzhou, and the common `牵头单位:`/`配合单位:` layouts):
///
/// ```
/// 二、杨六顺常务副市长牵头重点工作
/// 10.围绕打造“轨道上的湖州”……
/// 责任单位:市发展改革委(铁办)、市交通运输局、各区县政府
///
/// 3、推进老旧小区改造(牵头单位:市住建局;配合单位:市财政局)
/// ```
///
/// Rules: a numbered line is an item when label lines (``ResponsibilityLabels``)
/// follow it before the next numbered line, or it ends in a labelled
/// parenthesis; other numbered lines are section headings, whose leaders
/// (`杨六顺常务副市长牵头…(许继清副市长协助)`) apply to their items unless the
/// item names its own. `责任单位` lists lead with their first unit only when the
/// document says so (`列第一位者为工作牵头单位…,下同`); otherwise every
/// responsible unit is a lead unit.
package struct LabelledItemsReader: LayoutReader {
    /// Creates the reader.
    package init() {}

    /// `labelled-items`
    package var name: String { "labelled-items" }

    /// High when many lines carry responsibility labels.
    package func confidence(_ document: DocumentLines) -> Int {
        let document = LogicalLines.split(document)
        var hits = 0
        for raw in document.lines {
            switch LabelledLine.classify(raw) {
            case .label, .numbered(_, .some), .unnumbered: hits += 1
            default: break
            }
            if hits >= 40 { break }
        }
        return hits >= 3 ? min(95, 55 + hits) : (hits > 0 ? 10 : 0)
    }

    /// The labelled items of the document.
    package func read(_ document: DocumentLines, notes: inout ReaderNotes) throws -> [RawTask] {
        let document = LogicalLines.split(document)
        let lines = document.lines.map(LabelledLine.classify)
        let firstLeads = document.lines.contains(where: HeadingRules.saysFirstUnitLeads)
        let items = Self.itemLines(lines)
        var assembler = LabelledItemAssembler(firstUnitLeads: firstLeads)
        for (index, line) in lines.enumerated() {
            let number = document.lineNumber(at: index)
            switch line {
            case .blank: continue
            case .label(let segments): assembler.apply(segments)
            case .numbered(let numbered, let inline):
                if items.contains(index) {
                    assembler.startItem(numbered, inline: inline, line: number)
                } else if numbered.rest.count <= 60 {
                    assembler.enterSection(numbered.rest, style: numbered.style)
                } else {
                    assembler.addParagraph(numbered.rest)
                }
            case .unnumbered(let text, let inline):
                assembler.startUnnumberedItem(text, inline: inline, line: number)
            case .text(let text):
                if DocumentOutline.isPartHeading(text) {
                    assembler.enterPart(text)
                } else if assembler.headingOwnsParagraphs {
                    // Under `（一）省监察厅牵头的工作` an unnumbered paragraph is a task.
                    assembler.startUnnumberedItem(text, inline: nil, line: number)
                } else {
                    assembler.addParagraph(text)
                }
            }
        }
        assembler.finish()
        for (line, number) in assembler.itemsWithoutUnits {
            notes.warnings.append(
                ImportWarning(file: document.file, line: line, message: "item \(number) names no responsible unit"))
        }
        return assembler.tasks
    }

    /// The numbered lines that are items: a numbered line is an item when
    /// labels follow it or end it, and so is every line of its run — the
    /// numbers of one style counting up by one (`1.` `2.` `3.`), so an item
    /// whose labels its neighbour shares, or that the page cut off, is
    /// still an item. Runs of headings carry no labels and stay headings.
    static func itemLines(_ lines: [LabelledLine]) -> Set<Int> {
        var runs: [[Int]] = []
        var openRun: [NumberedLine.Style: (run: Int, value: Int)] = [:]
        var labelled: Set<Int> = []
        for (index, line) in lines.enumerated() {
            guard case .numbered(let numbered, let inline) = line, !HeadingRules.isGroupHeading(numbered.rest) else {
                continue
            }
            if let open = openRun[numbered.style], numbered.value == open.value + 1 {
                runs[open.run].append(index)
                openRun[numbered.style] = (open.run, numbered.value)
            } else {
                runs.append([index])
                openRun[numbered.style] = (runs.count - 1, numbered.value)
            }
            if inline != nil || labelFollows(lines, after: index) { labelled.insert(index) }
        }
        var items: Set<Int> = []
        for run in runs where run.contains(where: labelled.contains) { items.formUnion(run) }
        return items
    }

    /// Whether a label line comes after `index` before the next numbered line.
    static func labelFollows(_ lines: [LabelledLine], after index: Int) -> Bool {
        var i = index + 1
        while i < lines.count {
            switch lines[i] {
            case .label: return true
            case .numbered, .unnumbered: return false
            case .blank, .text: i += 1
            }
        }
        return false
    }
}

/// A line as the labelled-items reader sees it.
enum LabelledLine {
    case blank
    /// A line of labels: `责任单位:…`, `牵头单位:…  配合单位:…`.
    case label([(field: ResponsibilityLabels.Field, value: String)])
    /// A numbered line, with the labels of a trailing `(牵头单位:…)` if any.
    case numbered(NumberedLine, inline: [(field: ResponsibilityLabels.Field, value: String)]?)
    /// An unnumbered sentence that ends in its responsibility
    /// (`…推进工商注册制度便利化(省工商局牵头)。`): a task of its own.
    case unnumbered(String, inline: [(field: ResponsibilityLabels.Field, value: String)])
    case text(String)

    static func classify(_ raw: String) -> LabelledLine {
        let line = LineText.trimmed(LineText.removingBookmarks(raw))
        if line.isEmpty { return .blank }
        if let segments = ResponsibilityLabels.segments(in: unbracketed(line)) { return .label(segments) }
        guard var numbered = NumberedLine.parse(line) else {
            if let (before, inside) = LineText.trailingBracketed(line), before.count >= 4,
                let segments = ResponsibilityStatement.segments(in: inside)
            {
                // `1优化营商环境…(牵头单位:…)`: a glued number counts where the
                // line states its responsibility.
                if var glued = NumberedLine.parseGlued(before) {
                    glued.rest = LineText.trimmed(glued.rest)
                    return .numbered(glued, inline: segments)
                }
                return .unnumbered(before, inline: segments)
            }
            return .text(line)
        }
        if let (before, inside) = LineText.trailingBracketed(numbered.rest),
            let segments = ResponsibilityStatement.segments(in: inside)
        {
            numbered.rest = before
            return .numbered(numbered, inline: segments)
        }
        return .numbered(numbered, inline: nil)
    }

    /// `【牵头单位】:…  【配合单位】:…` reads as `牵头单位:…  配合单位:…`.
    static func unbracketed(_ line: String) -> String {
        guard let first = line.first, first == "【" || first == "[" else { return line }
        return String(line.filter { !"【】[]".contains($0) })
    }
}
