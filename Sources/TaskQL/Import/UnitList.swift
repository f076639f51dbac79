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
        return groups.filter { !$0.isEmpty }
    }

    /// All units of `text`, in order.
    static func units(_ text: String) -> [String] { groups(text).flatMap { $0 } }

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
}
