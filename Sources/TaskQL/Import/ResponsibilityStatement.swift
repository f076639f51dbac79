/// Reads who is responsible from a statement, in any of the forms documents
/// print after an item: labels (`牵头单位:A;责任单位:B`) or a sentence
/// (`A牵头,B、C配合`, `A主办,B协办`, `A、B按职责分工负责`, `部门分工:A牵头,各地配合。`).
///
/// Sentence rules: the statement splits into clauses at `,` `;` `。`; a
/// clause ending in a role verb gives that role to its units and to the
/// verb-less clauses before it (`A牵头,B、C等部门,D配合`: B, C and D assist).
/// - lead verbs: 牵头(负责/落实/实施), 主办, 主抓, 总牵头;
/// - assisting verbs: 配合, 协办, 协助, 参与, 协同;
/// - plain verbs (负责, 按职责分工负责, 分别负责, 落实 …): lead when nothing
///   else in the statement leads, assisting when something does.
/// A statement with no role verb is not a sentence form (nil); a bare unit
/// list is the caller's to read.
enum ResponsibilityStatement {
    typealias Segments = [(field: ResponsibilityLabels.Field, value: String)]

    /// The statement's labelled segments, in the form label lines give them.
    static func segments(in text: String) -> Segments? {
        let statement = LabelledLine.unbracketed(LineText.trimmed(text))
        if let labelled = ResponsibilityLabels.segments(in: statement) { return labelled }
        return sentenceSegments(droppingPrefix(statement))
    }

    private enum Role { case lead, assist, plain }

    private static let verbs: [(verb: String, role: Role)] = [
        ("总牵头", .lead), ("牵头负责", .lead), ("牵头落实", .lead), ("牵头实施", .lead), ("牵头抓总", .lead),
        ("牵头组织", .lead), ("牵头", .lead), ("主办", .lead), ("主抓", .lead), ("牽頭負責", .lead), ("牽頭", .lead),
        ("主辦", .lead),
        ("配合落实", .assist), ("协同配合", .assist), ("积极配合", .assist), ("共同配合", .assist), ("配合", .assist),
        ("协办", .assist), ("协助", .assist), ("参与", .assist), ("协同", .assist), ("配合實施", .assist),
        ("協辦", .assist), ("協助", .assist), ("參與", .assist), ("協同", .assist),
        ("按职责分工负责", .plain), ("按职责分工落实", .plain), ("按职能分工负责", .plain), ("按职责负责", .plain),
        ("分别负责", .plain), ("共同负责", .plain), ("具体负责", .plain), ("负责落实", .plain), ("抓好落实", .plain),
        ("组织实施", .plain), ("负责", .plain), ("落实", .plain), ("按職責分工負責", .plain), ("分別負責", .plain),
        ("共同負責", .plain), ("負責", .plain), ("落實", .plain),
    ].sorted { $0.verb.count > $1.verb.count }

    private static let prefixes = ["部门分工", "责任分工", "任务分工", "分工", "部門分工", "責任分工"]

    /// `部门分工:A牵头…` → `A牵头…`.
    private static func droppingPrefix(_ text: String) -> String {
        for prefix in prefixes where text.hasPrefix(prefix) {
            let rest = text.dropFirst(prefix.count)
            if let first = rest.first, LineText.isColon(first) { return LineText.trimmed(rest.dropFirst()) }
        }
        return text
    }

    private static func sentenceSegments(_ text: String) -> Segments? {
        var lead: [String] = []
        var assist: [String] = []
        var plain: [String] = []
        var pending: [String] = []
        var sawVerb = false
        for clause in clauses(text) {
            guard let (body, role) = verbEnding(clause) else {
                pending.append(clause)
                continue
            }
            sawVerb = true
            let units = pending + (body.isEmpty ? [] : [body])
            pending = []
            switch role {
            case .lead: lead += units
            case .assist: assist += units
            case .plain: plain += units
            }
        }
        guard sawVerb, (lead + assist + plain + pending).flatMap(UnitList.units).contains(where: UnitList.looksLikeUnit)
        else { return nil }
        plain += pending
        // Posts (`分管副省长`, `张三副市长`) are leaders; clauses that are no
        // unit at all (`不逐一列出`, `下同`) are notes and dropped.
        var leaders: [String] = []
        func units(_ clauses: [String]) -> [String] {
            var kept: [String] = []
            for unit in clauses.flatMap(UnitList.units) {
                if HeadingRules.saysFirstUnitLeads(unit) || ResponsibilityLabels.isListNote(unit) {
                    continue
                } else if HeadingRules.isLeaderPost(unit) {
                    leaders.append(unit)
                } else if UnitList.looksLikeUnit(unit) {
                    kept.append(unit)
                }
            }
            return kept
        }
        let leadUnits = units(lead)
        let assistUnits = units(assist)
        let plainUnits = units(plain)
        var segments: Segments = []
        if !leaders.isEmpty { segments.append((.leaders, leaders.joined(separator: "、"))) }
        if !leadUnits.isEmpty { segments.append((.leadUnits, leadUnits.joined(separator: "、"))) }
        // Plain units lead only when nothing else does; as responsible units
        // they follow the document's first-listed-leads rule.
        if !plainUnits.isEmpty {
            segments.append((leadUnits.isEmpty ? .responsibleUnits : .coUnits, plainUnits.joined(separator: "、")))
        }
        if !assistUnits.isEmpty { segments.append((.coUnits, assistUnits.joined(separator: "、"))) }
        return segments.isEmpty ? nil : segments
    }

    /// Clauses at `,` `;` `。` outside brackets, trimmed, empty ones dropped.
    private static func clauses(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var depth = 0
        for c in text {
            if LineText.isOpenParen(c) { depth += 1 }
            if LineText.isCloseParen(c) { depth = max(0, depth - 1) }
            if depth == 0, LineText.isComma(c) || LineText.isSemicolon(c) || LineText.isSentenceEnd(c) {
                result.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        result.append(current)
        return result.map { LineText.trimmed($0) }.filter { !$0.isEmpty }
    }

    /// A listed unit without the verb printed after it, and whether that verb
    /// marks it as assisting (`市妇联配合` → `市妇联`, true); nil when no verb.
    static func markedUnit(_ unit: String) -> (name: String, assists: Bool)? {
        guard let (body, role) = verbEnding(unit), !body.isEmpty else { return nil }
        return (body, role == .assist)
    }

    /// A clause's units and the role its final verb gives them.
    private static func verbEnding(_ clause: String) -> (body: String, role: Role)? {
        for (verb, role) in verbs where clause.hasSuffix(verb) {
            let body = LineText.trimmed(clause.dropLast(verb.count))
            // `负责` alone, or a verb glued to a word that is no unit (`加强协同`), is no statement.
            guard !body.isEmpty || role != .plain else { return nil }
            return (body, role)
        }
        return nil
    }
}
