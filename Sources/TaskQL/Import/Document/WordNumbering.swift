/// Word's automatic numbering (`word/numbering.xml`), so that list labels
/// Word prints but does not store as text (`1.`, `（一）`, `第1条`) are read
/// as printed.
///
/// Each `w:num` is counted on its own; a level's counter restarts when a
/// lower level advances, as Word does by default. Bullets print nothing.
struct WordNumbering: Sendable {
    struct Level: Sendable {
        var format = "decimal"
        var text = "%1."
        var start = 1
    }

    /// numId → its levels (by ilvl).
    private var levels: [String: [Int: Level]] = [:]
    /// numId → the counters of its levels so far.
    private var counters: [String: [Int: Int]] = [:]

    /// Paragraph style id → its numbering (numId, level) and the style it is based on.
    private var styles: [String: (numbering: (id: String, level: Int)?, basedOn: String?)] = [:]

    init() {}

    /// Reads the numbering that paragraph styles carry (`w:style/w:pPr/w:numPr`).
    mutating func learnStyles(_ root: MarkupNode) {
        for style in root.children("style") where style.attributes["type"] == "paragraph" {
            guard let id = style.attributes["styleId"] else { continue }
            let numPr = style.child("pPr")?.child("numPr")
            let numbering = numPr?.child("numId")?.attributes["val"].map { numId in
                (id: numId, level: numPr?.child("ilvl")?.attributes["val"].flatMap { Int($0) } ?? 0)
            }
            styles[id] = (numbering, style.child("basedOn")?.attributes["val"])
        }
    }

    /// The numbering a paragraph style gives, following `basedOn` (a few steps at most).
    func styleNumbering(_ styleID: String) -> (id: String, level: Int)? {
        var current: String? = styleID
        for _ in 0..<10 {
            guard let id = current, let style = styles[id] else { return nil }
            if let numbering = style.numbering { return numbering.id == "0" ? nil : numbering }
            current = style.basedOn
        }
        return nil
    }

    /// Reads `w:abstractNum` levels and the `w:num` instances that use them.
    init(_ root: MarkupNode) {
        var abstract: [String: [Int: Level]] = [:]
        for node in root.children("abstractNum") {
            guard let id = node.attributes["abstractNumId"] else { continue }
            var byLevel: [Int: Level] = [:]
            for lvl in node.children("lvl") {
                guard let index = lvl.attributes["ilvl"].flatMap({ Int($0) }) else { continue }
                var level = Level()
                if let format = lvl.child("numFmt")?.attributes["val"] { level.format = format }
                if let text = lvl.child("lvlText")?.attributes["val"] { level.text = text }
                if let start = lvl.child("start")?.attributes["val"].flatMap({ Int($0) }) { level.start = start }
                byLevel[index] = level
            }
            abstract[id] = byLevel
        }
        for num in root.children("num") {
            guard let id = num.attributes["numId"], let abstractID = num.child("abstractNumId")?.attributes["val"],
                var byLevel = abstract[abstractID]
            else { continue }
            for override in num.children("lvlOverride") {
                guard let index = override.attributes["ilvl"].flatMap({ Int($0) }),
                    let start = override.child("startOverride")?.attributes["val"].flatMap({ Int($0) })
                else { continue }
                byLevel[index, default: Level()].start = start
            }
            levels[id] = byLevel
        }
    }

    /// The label of the next paragraph of list `numId` at `level`, advancing
    /// the counters; nil for bullets and unknown lists.
    mutating func nextLabel(numId: String, level: Int) -> String? {
        guard let byLevel = levels[numId], let current = byLevel[level], current.format != "bullet",
            current.format != "none"
        else { return nil }
        var count = counters[numId, default: [:]]
        count[level] = (count[level] ?? (current.start - 1)) + 1
        for deeper in count.keys where deeper > level { count[deeper] = nil }
        counters[numId] = count
        var label = current.text
        for (index, lvl) in byLevel {
            let placeholder = "%\(index + 1)"
            guard label.contains(placeholder) else { continue }
            let value = count[index] ?? lvl.start
            label = label.replacingOccurrences(of: placeholder, with: Self.format(value, as: lvl.format))
        }
        return label
    }

    /// A counter value in one of Word's number formats.
    static func format(_ value: Int, as format: String) -> String {
        switch format {
        case "chineseCounting", "chineseCountingThousand", "ideographTraditional", "japaneseCounting",
            "taiwaneseCounting", "taiwaneseCountingThousand", "ideographLegalTraditional":
            return ChineseNumerals.spelled(value)
        case "decimalFullWidth", "decimalFullWidth2":
            return String(String(value).unicodeScalars.map { Character(Unicode.Scalar($0.value + 0xFEE0)!) })
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            guard (1...20).contains(value), let circled = Unicode.Scalar(0x2460 + value - 1) else {
                return String(value)
            }
            return String(Character(circled))
        case "lowerLetter": return letters(value).lowercased()
        case "upperLetter": return letters(value)
        default: return String(value)
        }
    }

    private static func letters(_ value: Int) -> String {
        guard value > 0 else { return String(value) }
        let letter = Character(Unicode.Scalar(UInt8(65 + (value - 1) % 26)))
        return String(repeating: letter, count: (value - 1) / 26 + 1)
    }
}
