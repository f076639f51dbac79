/// Parses lists of units as documents print them:
/// `市发展改革委、财政局,各相关镇、园区、街道`.
///
/// `、` (and spaces) separate units; `,` `;` separate groups (government
/// departments, then towns …). Separators inside parentheses belong to the
/// unit (`投促中心(招商局、商务局)`).
enum UnitList {
    /// Units grouped as printed; empty names are dropped.
    static func groups(_ text: String) -> [[String]] {
        var groups: [[String]] = [[]]
        var current = ""
        var depth = 0
        func endUnit() {
            let name = LineText.trimmed(current)
            if !name.isEmpty { groups[groups.count - 1].append(name) }
            current = ""
        }
        for c in text {
            if LineText.isOpenParen(c) { depth += 1 }
            if LineText.isCloseParen(c) { depth = max(0, depth - 1) }
            if depth == 0 && (LineText.isComma(c) || LineText.isSemicolon(c)) {
                endUnit()
                groups.append([])
            } else if depth == 0 && (LineText.isEnumerationComma(c) || LineText.isSpace(c) || c == "/") {
                endUnit()
            } else {
                current.append(c)
            }
        }
        endUnit()
        return groups.filter { !$0.isEmpty }.map {
            joiningCollectives($0.map { droppingListEnd(droppingListNote($0)) })
        }
    }

    /// All units of `text`, in order.
    static func units(_ text: String) -> [String] { groups(text).flatMap { $0 } }

    /// Collective names that themselves contain `、` are one unit: after
    /// `各开发区`/`各县`, a bare level (`市`, `区人民政府`, `镇(街道)`) continues
    /// the collective (`各县、市、区人民政府`), it names no unit of its own.
    static func joiningCollectives(_ units: [String]) -> [String] {
        var result: [String] = []
        var collective = false
        for unit in units {
            if collective, isBareLevel(unit), let last = result.last {
                result[result.count - 1] = last + "、" + unit
                continue
            }
            collective = unit.hasPrefix("各")
            result.append(unit)
        }
        return result
    }

    private static func isBareLevel(_ unit: String) -> Bool {
        var name = Substring(unit)
        if let open = name.firstIndex(where: LineText.isOpenParen) { name = name[..<open] }
        for suffix in ["人民政府", "政府", "管委会"] where name.hasSuffix(suffix) { name = name.dropLast(suffix.count) }
        return ["县", "市", "区", "镇", "乡", "街道", "开发区", "园区", "县市区", "市区", "乡镇"].contains(String(name))
    }

    /// `县发改局(首位单位为牵头单位,下同)` → `县发改局`: a note about the
    /// list printed after its first unit is no part of the unit's name.
    static func droppingListNote(_ unit: String) -> String {
        ResponsibilityLabels.removingListNote(unit)
    }

    /// `市财政局等`, `区司法局等有关部门` → `市财政局`, `区司法局`: a
    /// list-closing `等` and the collective after it are no part of the name.
    static func droppingListEnd(_ unit: String) -> String {
        guard let range = unit.range(of: "等", options: .backwards) else { return unit }
        let tail = unit[range.upperBound...]
        let closers = ["", "部门", "单位", "有关部门", "相关部门", "有关单位", "相关单位", "成员单位", "其他部门", "部門", "單位", "有關部門", "相關部門"]
        let head = String(unit[..<range.lowerBound])
        guard closers.contains(String(tail)), head.count >= 2 else { return unit }
        return head
    }

    /// Applies a `市` prefix written once to the rest of its group:
    /// `市发展改革委、财政局` → `市发展改革委`, `市财政局`.
    ///
    /// Not prefixed: names that already carry a place (`市`, `县`, `区` or the
    /// city's name anywhere: `团市委`, `人民银行宜兴市支行`, `宜兴海关`), collective
    /// names (`各相关镇`, `全市…`), towns and streets (`和桥镇`, `宜城街道`), and
    /// anything after a party organ (`市委…`), whose prefix would be `市委`.
    static func expandingCityPrefix(_ groups: [[String]], city: String?) -> [[String]] {
        groups.map { group in
            var prefixActive = false
            return group.map { unit in
                if unit.hasPrefix("市") {
                    prefixActive = !unit.hasPrefix("市委")
                    return unit
                }
                guard prefixActive, takesCityPrefix(unit, city: city) else { return unit }
                return "市" + unit
            }
        }
    }

    static func takesCityPrefix(_ unit: String, city: String?) -> Bool {
        if unit.hasPrefix("各") || unit.hasPrefix("全") || unit.hasPrefix("其他") { return false }
        if unit.contains("市") || unit.contains("县") || unit.contains("区") { return false }
        if let city, !city.isEmpty, unit.contains(city) { return false }
        for suffix in ["镇", "乡", "街道", "村", "社区"] where unit.hasSuffix(suffix) { return false }
        return true
    }

    /// Whether a name reads as an organisation (`市发展改革委`, `各镇人民政府`,
    /// `区级相关部门`), not a phrase of prose: it starts with a level or
    /// ends with a kind of organisation.
    static func looksLikeUnit(_ text: String) -> Bool {
        let name = LineText.removingSpaces(text)
        guard (2...40).contains(name.count),
            !name.contains(where: { LineText.isSentenceEnd($0) || LineText.isColon($0) })
        else { return false }
        return unitOpenings.contains(where: name.hasPrefix) || unitEndings.contains(where: name.hasSuffix)
            || unitEndings.contains(where: { name.contains($0 + "、") })
    }

    /// Whether a word is only the kind of an organisation (`局`, `中心`,
    /// `公司`), the tail of a name wrapped onto a line of its own.
    static func isUnitEnding(_ word: String) -> Bool { unitEndings.contains(word) }

    /// Whether a name already ends as an organisation does (`发改委`, `海关`),
    /// so a short word after it is a unit of its own, not its wrapped tail.
    static func endsAsUnit(_ name: String) -> Bool { unitEndings.contains(where: name.hasSuffix) }

    private static let unitOpenings = ["各", "全", "有关", "相关", "省", "市", "县", "区", "州", "镇", "乡", "街道", "國", "國家"]
    private static let unitEndings = [
        "局", "委", "办", "厅", "部", "部门", "政府", "单位", "中心", "公司", "集团", "院", "会", "处", "站", "所", "队", "室",
        "街道", "镇", "乡", "区", "县", "市", "园区", "管委会", "银行", "分行", "支行", "海关", "司", "组", "社", "团", "联",
        "馆", "校", "署", "办公室", "指挥部", "专班", "机构", "分局", "支队", "大队", "總局", "廳", "辦", "會", "單位", "部門",
    ]
}
