/// What headings say about the items under them: their kind (key task,
/// livelihood project, indicator) and their leaders (`二、杨六顺常务副市长牵头重点工作`).
enum HeadingRules {
    static let indicatorWords = ["综合目标", "综合指标", "主要指标", "预期目标", "主要目标"]
    static let livelihoodWords = ["民生实事", "为民办实事", "实事工程", "实事项目", "民生工程", "实事责任", "民生項目", "民生實事", "實事工程"]
    static let keyWords = ["重点工作", "具体任务", "主要工作", "重点任务", "工作任务", "重點工作", "主要任務", "重點任務"]

    /// The kind a heading announces, most specific first; nil when it names none.
    static func kind(of heading: String) -> TaskKind? {
        if indicatorWords.contains(where: heading.contains) { return .indicator }
        if livelihoodWords.contains(where: heading.contains) { return .livelihood }
        if keyWords.contains(where: heading.contains) { return .key }
        return nil
    }

    /// Official titles that follow a leader's name, longest first so that
    /// `常务副市长` wins over `副市长` and `市长`.
    static let leaderTitles = [
        "常务副市长", "常务副区长", "常务副县长", "常务副省长", "副市长", "副区长", "副县长", "副州长", "副省长", "市长", "区长",
        "县长", "州长", "省长", "秘书长", "副秘书长", "副主任", "主任", "副书记", "书记", "副市長", "市長", "副省長", "省長",
        "秘書長", "副秘書長", "常務副省長", "常務副市長", "副縣長", "縣長", "副區長", "區長",
    ].sorted { $0.count > $1.count }

    /// Whether a listed name is a leader's post or a person with one
    /// (`分管副省长`, `协管副秘书长`, `张三副市长`), not a unit.
    static func isLeaderPost(_ name: String) -> Bool {
        let text = LineText.removingSpaces(name)
        return text.count <= 12 && leaderTitles.contains(where: text.hasSuffix)
    }

    /// Words before a title that name a post, not a person (`分管副市长`).
    static let postWords: Set<String> = ["分管", "协管", "主管", "联系", "常务", "分管市", "分管县", "分管区", "分管省", "協管"]

    static let leadershipWords = ["牵头", "主抓", "负责", "分管", "协助", "联系", "牽頭", "負責", "協助"]

    /// Leaders named in a heading: `杨六顺常务副市长牵头重点工作(许继清副市长协助)`
    /// → 杨六顺, 许继清. A name is the 2–4 Han characters right before a
    /// title, after a separator or the start of the heading.
    static func leaders(in heading: String) -> [String] {
        // Only headings that assign work name leaders; this keeps words that
        // merely contain a title (`主任务`) from reading as names.
        guard leadershipWords.contains(where: heading.contains) else { return [] }
        var names: [String] = []
        let fragments = heading.split {
            LineText.isOpenParen($0) || LineText.isCloseParen($0) || "、,，;；和与及".contains($0)
        }
        for fragment in fragments {
            let text = LineText.removingSpaces(fragment)
            for title in leaderTitles {
                guard let range = text.range(of: title) else { continue }
                let name = String(text[..<range.lowerBound])
                if (2...4).contains(name.count), name.allSatisfy(LineText.isHan), !names.contains(name),
                    !postWords.contains(name)
                {
                    names.append(name)
                }
                break
            }
        }
        return names
    }

    /// Units a group heading gives every item under it: `一、市发展改革委牵头工作(6项)`,
    /// `(一)省监察厅牵头的工作` → the units before `牵头`, when each reads as
    /// a unit (``UnitList/looksLikeUnit(_:)``); none for other headings.
    static func leadUnits(in heading: String) -> [String] {
        let text = LineText.removingSpaces(heading)
        guard let range = text.range(of: "牵头") ?? text.range(of: "牽頭") else { return [] }
        let rest = text[range.upperBound...].filter { !LineText.isOpenParen($0) && !LineText.isCloseParen($0) }
        guard
            rest.hasPrefix("的") || rest.hasPrefix("负责") || rest.hasPrefix("工作") || rest.hasPrefix("重点")
                || rest.hasPrefix("事项") || rest.hasPrefix("任务") || rest.hasPrefix("項")
        else { return [] }
        let units = UnitList.units(String(text[..<range.lowerBound]))
        guard !units.isEmpty, units.allSatisfy(UnitList.looksLikeUnit) else { return [] }
        return units
    }

    /// Statements that the first unit of each list leads
    /// (`列第一位者为工作牵头单位…,下同`).
    static let firstUnitLeadsPhrases = [
        "列第一位", "排在第一位", "列第一者", "列第一個", "列第一个", "首位单位为牵头", "首位为牵头", "第一位为牵头", "首位單位為牽頭", "排第一位", "列首位", "第一个为牵头",
        "第一位为牵头", "列第一位者", "列第一位的為",
        "列第一位者為",
    ]

    /// Whether `text` says that the first listed unit leads.
    static func saysFirstUnitLeads(_ text: String) -> Bool {
        firstUnitLeadsPhrases.contains(where: text.contains) && (text.contains("牵头") || text.contains("牽頭"))
    }

    /// Whether a notice says every task has an owner
    /// (`由市政府分管领导牵头负责`, `每项任务均明确牵头领导`).
    static func saysEveryTaskHasOwner(_ text: String) -> Bool {
        (text.contains("领导牵头负责") || text.contains("领导牵头") && text.contains("每项")
            || text.contains("領導牽頭負責"))
    }

    /// Whether a short title reads as a category of tasks
    /// (`经济社会发展主要预期目标分解(15项)`, `发展目标`, `民生实事`): it names a
    /// kind, or speaks of targets, tasks, projects or a field of work.
    static func isCategoryTitle(_ text: String) -> Bool {
        kind(of: text) != nil
            || ["目标", "任务", "分解", "项目", "工作", "领域", "建设", "发展", "改革", "民生", "类"].contains(where: text.contains)
    }

    /// Whether a numbered line is a group heading that gives its items an
    /// owner (`(一)省监察厅牵头的工作`, `一、孟学农省长负责的工作`,
    /// `二、市发展改革委牵头工作(6项)`): short, ending in 工作/任务/事项, and
    /// naming a leader or units. Such a line is never an item itself.
    static func isGroupHeading(_ text: String) -> Bool {
        var body = LineText.droppingSentenceEnd(LineText.removingSpaces(text))
        if let (before, inside) = LineText.trailingParenthetical(body), inside.contains(where: \.isNumber) {
            body = before
        }
        guard body.count <= 24, ["工作", "任务", "事项"].contains(where: body.hasSuffix) else { return false }
        return !leaders(in: body).isEmpty || !leadUnits(in: body).isEmpty
    }
}
