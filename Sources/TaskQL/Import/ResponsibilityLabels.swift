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
    }

    /// Label spellings; longer spellings first so `主要责任单位` is not read as `责任单位`.
    static let spellings: [(label: String, field: Field)] = [
        ("主要责任单位", .leadUnits), ("主要責任單位", .leadUnits), ("牵头单位", .leadUnits), ("牽頭單位", .leadUnits),
        ("牵头部门", .leadUnits), ("牽頭部門", .leadUnits), ("主办单位", .leadUnits), ("主辦單位", .leadUnits),
        ("配合单位", .coUnits), ("配合單位", .coUnits), ("配合部门", .coUnits), ("配合部門", .coUnits),
        ("协同单位", .coUnits), ("協同單位", .coUnits), ("协办单位", .coUnits), ("協辦單位", .coUnits),
        ("相关单位", .coUnits), ("相關單位", .coUnits), ("参与单位", .coUnits), ("參與單位", .coUnits),
        ("责任单位", .responsibleUnits), ("責任單位", .responsibleUnits), ("责任部门", .responsibleUnits),
        ("責任部門", .responsibleUnits),
        ("牵头领导", .leaders), ("牽頭領導", .leaders), ("分管领导", .leaders), ("分管領導", .leaders),
        ("责任领导", .leaders), ("責任領導", .leaders), ("牵头市领导", .leaders), ("牽頭市領導", .leaders),
        ("完成时限", .deadline), ("完成時限", .deadline), ("完成时间", .deadline), ("完成時間", .deadline),
        ("时间节点", .deadline), ("時間節點", .deadline), ("时限要求", .deadline), ("時限要求", .deadline),
    ].sorted { $0.label.count > $1.label.count }

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

    private static let spellingCharacters: [(label: [Character], field: Field)] = spellings.map {
        (Array($0.label), $0.field)
    }
    private static let firstCharacters = Set(spellings.compactMap(\.label.first))

    /// A label starting at `i` and followed (after optional spaces) by a colon.
    private static func label(at i: Int, in chars: [Character]) -> (field: Field?, end: Int)? {
        guard firstCharacters.contains(chars[i]) else { return nil }
        for (label, field) in spellingCharacters where i + label.count <= chars.count {
            guard zip(label, chars[i...]).allSatisfy({ $0 == $1 }) else { continue }
            var j = i + label.count
            while j < chars.count, LineText.isSpace(chars[j]) { j += 1 }
            guard j < chars.count, LineText.isColon(chars[j]) else { return nil }
            return (field, j + 1)
        }
        return nil
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
            i += 1
        }
        return end
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
