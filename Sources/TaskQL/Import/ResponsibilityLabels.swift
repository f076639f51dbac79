/// Labels that introduce who does a task and by when: `牵头单位:`,
/// `配合单位:`, `责任单位:`, `牵头领导:`, `完成时限:` and their variants,
/// in simplified or traditional characters, with `:` or `：`.
enum ResponsibilityLabels {
    /// What a label introduces.
    enum Field: Equatable {
        /// 牵头单位, 主要责任单位: the lead units.
        case leadUnits
        /// 配合单位, 协同单位, 相关单位: co-operating units.
        case coUnits
        /// 责任单位: responsible units; the lead is the first one only when
        /// the document says so.
        case responsibleUnits
        /// 牵头领导, 分管领导: leaders.
        case leaders
        /// 完成时限: the deadline.
        case deadline
        /// 部门分工: a statement read by ``ResponsibilityStatement``.
        case statement
    }

    /// Labels whose value is a whole statement (`部门分工:A牵头,B配合。`).
    static let statementLabels: Set<String> = ["部门分工", "责任分工", "任务分工", "分工", "单位分工", "职责分工"]

    /// What a label word introduces, by the same role vocabulary as table
    /// headers (``TableHeader/role(forHeaderName:)``), so `牵头负责领导`,
    /// `分管省领导`, `牵头责任单位`, `协同责任单位` read as they do in a header.
    /// `责任单位` alone is the responsible units, settled per item.
    static func field(forLabel word: String) -> Field? {
        let name = TableCellText.headerKey(word)
        if statementLabels.contains(name) { return .statement }
        switch TableHeader.role(forHeaderName: name) {
        case .leaders: return .leaders
        case .leadUnits:
            return ["责任单位", "责任部门", "责任主体", "负责单位", "承办单位"].contains(name) ? .responsibleUnits : .leadUnits
        case .coUnits: return .coUnits
        case .deadline: return .deadline
        default: return nil
        }
    }

    /// The labelled values in `text`, when `text` starts with a label
    /// followed by a colon: `牵头单位:市住建局;配合单位:市财政局、市税务局`.
    /// A value runs to the next label (the `;` or spaces before it dropped).
    static func segments(in text: String) -> [(field: Field, value: String)]? {
        let chars = Array(text)
        guard let first = label(at: 0, in: chars), first.field != nil else { return nil }
        var found: [(field: Field, valueStart: Int, labelStart: Int)] = []
        var i = 0
        while i < chars.count {
            if let hit = label(at: i, in: chars), let field = hit.field {
                found.append((field, hit.end, i))
                i = hit.end
            } else {
                i += 1
            }
        }
        return found.enumerated().map { n, item in
            var end = n + 1 < found.count ? found[n + 1].labelStart : chars.count
            end = min(end, valueEnd(from: item.valueStart, to: end, in: chars, field: item.field))
            var value = LineText.trimmed(String(chars[item.valueStart..<end]))
            while let last = value.last,
                LineText.isSemicolon(last) || LineText.isComma(last) || LineText.isSentenceEnd(last)
            {
                value = LineText.trimmed(String(value.dropLast()))
            }
            return (item.field, value)
        }
    }

    /// Whether a label followed by a colon starts at `i`.
    static func hasLabel(at i: Int, in chars: [Character]) -> Bool {
        label(at: i, in: chars)?.field != nil
    }

    /// A label starting at `i`: two to ten Han characters naming a role,
    /// followed (after optional spaces) by a colon.
    private static func label(at i: Int, in chars: [Character]) -> (field: Field?, end: Int)? {
        var j = i
        while j < chars.count, j - i < 10, LineText.isHan(chars[j]) { j += 1 }
        guard j - i >= 2 else { return nil }
        var k = j
        while k < chars.count, LineText.isSpace(chars[k]) { k += 1 }
        guard k < chars.count, LineText.isColon(chars[k]) else { return nil }
        guard let field = field(forLabel: String(chars[i..<j])) else { return nil }
        return (field, k + 1)
    }

    /// Where a value stops before the next known label: at an unknown label
    /// after a space (`项目责任人:`, `实际完成情况:`), and for unit and leader
    /// lists at the first sentence end outside brackets (`…市退役军人局。其中…`).
    private static func valueEnd(from start: Int, to end: Int, in chars: [Character], field: Field) -> Int {
        var depth = 0
        var i = start
        while i < end {
            let c = chars[i]
            if LineText.isOpenParen(c) || "[【〔".contains(c) { depth += 1 }
            if LineText.isCloseParen(c) || "]】〕".contains(c) { depth = max(0, depth - 1) }
            if depth == 0, field != .deadline, LineText.isSentenceEnd(c) { return i + 1 }
            if depth == 0, LineText.isSpace(c), unknownLabel(at: i + 1, in: chars, before: end) { return i }
            // A unit list ends where the words stop being units (a table
            // of figures printed after it: `…各区政府 鄞州 海曙 合计 2 5`).
            if depth == 0, LineText.isSpace(c), [.leadUnits, .coUnits, .responsibleUnits].contains(field),
                let word = word(at: i + 1, in: chars, before: end), !UnitList.looksLikeUnit(word)
            {
                return i
            }
            i += 1
        }
        return end
    }

    /// The word starting at `i` (up to the next space or list separator), nil when none.
    private static func word(at i: Int, in chars: [Character], before end: Int) -> String? {
        var j = i
        while j < end, !LineText.isSpace(chars[j]), !LineText.isEnumerationComma(chars[j]), !LineText.isComma(chars[j])
        {
            j += 1
        }
        return j > i ? String(chars[i..<j]) : nil
    }

    /// Two to eight Han characters and a colon: a label this table does not know.
    private static func unknownLabel(at i: Int, in chars: [Character], before end: Int) -> Bool {
        var j = i
        while j < end, j - i < 8, LineText.isHan(chars[j]) { j += 1 }
        return j - i >= 2 && j < end && LineText.isColon(chars[j])
    }

    /// `value` without a trailing note about the list itself
    /// (`(列第一位者为工作牵头单位或汇总单位,下同)`); unit notes such as `(铁办)` stay.
    static func removingListNote(_ value: String) -> String {
        guard let (before, inside) = LineText.trailingParenthetical(value), isListNote(inside) else { return value }
        return before
    }

    static func isListNote(_ text: String) -> Bool {
        text.count >= 6 && (text.contains("下同") || HeadingRules.saysFirstUnitLeads(text))
    }
}
