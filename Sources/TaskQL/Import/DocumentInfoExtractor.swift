/// Reads what a document says about itself: title, issuing authority,
/// document number, date, city and plan year. General rules, in order of
/// trust (see Docs/IMPORTING.md).
enum DocumentInfoExtractor {
    /// What the rules found; `city` and `year` may be missing.
    struct Found: Equatable {
        var title: String?
        var authority: String?
        var documentNumber: String?
        var date: CivilDate?
        var city: String?
        var year: Int?
    }

    /// How many leading lines hold the letterhead, title and signature.
    static let headLines = 60

    static func extract(_ document: DocumentLines) -> Found {
        let head = document.lines.prefix(headLines).map { LineText.trimmed(LineText.removingBookmarks($0)) }
        let fullText = document.lines.joined(separator: "\n")
        var found = Found()
        found.title = title(head)
        found.documentNumber = documentNumber(head)
        found.date = signatureDate(head)
        found.authority = signatureAuthority(head)
        found.city = city(found: found, text: fullText)
        if found.authority == nil, let city = found.city, let number = found.documentNumber {
            found.authority = authorityFromNumber(number, city: city)
        }
        found.year = year(found: found, document: document)
        return found
    }

    /// The city only (for readers that expand unit prefixes).
    static func cityHint(_ document: DocumentLines) -> String? {
        let head = document.lines.prefix(headLines).map { LineText.trimmed($0) }
        var found = Found()
        found.documentNumber = documentNumber(head)
        found.authority = signatureAuthority(head)
        found.title = title(head)
        return city(found: found, text: document.lines.joined(separator: "\n"))
    }

    // MARK: - Title

    static let titleEndings = ["通知", "意见", "方案", "决定", "报告", "批复", "办法", "计划", "通報", "通报"]

    /// `…关于…的通知` (joined when the title is broken over two lines), else a
    /// `#` heading, else a short line naming the plan (`2020年…重点工作责任分解`).
    static func title(_ head: [String]) -> String? {
        for (i, line) in head.enumerated()
        where (line.contains("关于") || line.contains("關於")) && line.count <= 60 && !line.contains(" ") {
            if titleEndings.contains(where: line.hasSuffix) { return line }
            if i + 1 < head.count, titleEndings.contains(where: head[i + 1].hasSuffix), head[i + 1].count <= 40 {
                return line + head[i + 1]
            }
        }
        if let heading = head.first(where: { $0.hasPrefix("# ") || $0.hasPrefix("#") && !$0.hasPrefix("##") }) {
            return LineText.removingSpaces(heading.drop(while: { $0 == "#" }))
        }
        return head.first { line in
            line.count <= 40 && !line.contains(where: LineText.isSentenceEnd) && !line.hasPrefix("附")
                && NumberedLine.parse(line) == nil && HeadingRules.kind(of: line) != nil
        }
    }

    // MARK: - Number, date, authority

    /// `宜政发〔2020〕160号`, `太政发〔2020〕9号`, also with `[ ]`, `( )`, `【 】` brackets.
    static func documentNumber(_ head: [String]) -> String? {
        let pattern = #/\p{Han}{1,8}[〔\[［(（【]\d{4}[〕\]］)）】]\d{1,5}[号號]/#
        // The regex runs only on lines that can hold a number: it is slow on long lines.
        for line in head where line.contains("号") || line.contains("號") {
            if let match = line.firstMatch(of: pattern) { return String(match.output) }
        }
        return nil
    }

    /// The signature date: a line that is only a date (`2020年2月23日`,
    /// `二〇二〇年二月二十三日`).
    static func signatureDate(_ head: [String]) -> CivilDate? {
        for line in head where line.count <= 16 && line.hasSuffix("日") {
            guard let yearEnd = line.firstIndex(of: "年"), let monthEnd = line.firstIndex(of: "月") else { continue }
            let y = ChineseNumerals.value(of: line[..<yearEnd])
            let m = ChineseNumerals.value(of: line[line.index(after: yearEnd)..<monthEnd])
            let d = ChineseNumerals.value(of: line[line.index(after: monthEnd)..<line.index(before: line.endIndex)])
            if let y, plausibleYears.contains(y), let m, let d, let date = CivilDate(year: y, month: m, day: d) {
                return date
            }
        }
        return nil
    }

    static let authorityEndings = ["人民政府办公室", "人民政府办公厅", "人民政府", "政府办公室", "人民政府辦公室"]

    /// The signature line: `海门市人民政府`, `湖州市人民政府办公室`.
    static func signatureAuthority(_ head: [String]) -> String? {
        head.first { line in
            line.count <= 20 && !line.hasPrefix("各") && !line.hasPrefix("市") && line.count > 4
                && authorityEndings.contains(where: line.hasSuffix) && line.allSatisfy(LineText.isHan)
        }
    }

    /// `太政发〔…〕` is issued by the city's government, `…政办发〔…〕` by its office.
    static func authorityFromNumber(_ number: String, city: String) -> String? {
        if number.contains("政办发") { return city + "市人民政府办公室" }
        if number.contains("政发") { return city + "市人民政府" }
        return nil
    }

    // MARK: - City and year

    /// From the authority (`宜兴市人民政府`), else the document number's
    /// abbreviation (`太政发` → the most frequent city starting with 太), else
    /// a city named in the title, else the most frequent city in the text.
    static func city(found: Found, text: String) -> String? {
        if let authority = found.authority, let end = authority.range(of: "人民政府") ?? authority.range(of: "政府") {
            var name = String(authority[..<end.lowerBound])
            if name.hasSuffix("市") || name.hasSuffix("县") || name.hasSuffix("区") { name.removeLast() }
            if name.count >= 2 { return CityGazetteer.simplified(name) }
        }
        if let number = found.documentNumber, let initial = number.first,
            let city = CityGazetteer.mostFrequent(in: text, minimum: 1, where: { $0.first == initial })
        {
            return city
        }
        if let title = found.title, let city = CityGazetteer.names.first(where: { title.contains($0) }) {
            return city
        }
        return CityGazetteer.mostFrequent(in: text)
    }

    /// The plan year: the title's year (`2020年…重点工作`), else a report's plan
    /// heading (`二、2020年目标任务`), else the year of the date.
    static func year(found: Found, document: DocumentLines) -> Int? {
        if let title = found.title, let year = firstYear(in: title) { return year }
        if let plan = NarrativeReportReader.planSection(document),
            let year = ReportHeading(document.lines[plan.start])?.planYear
        {
            return year
        }
        if let date = found.date { return date.year }
        return document.lines.prefix(headLines).lazy.compactMap(firstYear).first
    }

    /// Years a government document is dated or planned in; a number outside
    /// (`20122年`, a typo or noise) is no date of the document.
    static let plausibleYears = 1949...2200

    /// The first `YYYY年` in `text`.
    static func firstYear(in text: String) -> Int? {
        guard let match = text.firstMatch(of: #/(\d{4})年/#), let year = Int(match.output.1),
            plausibleYears.contains(year)
        else { return nil }
        return year
    }
}
