import Foundation
import Testing

@testable import TaskQL

/// Documents made of the pieces the rules look for, in random order: every
/// one imports or is an `ImportError`, never a trap (which would end the
/// test process) or a hang.
@Suite struct ImportFuzzTests {
    static let fragments = [
        "1、", "2.", "12、", "(一)", "（二）", "一、", "二、", "（", "）", "(", ")", "[", "]", "【", "】", "〔", "〕", "牵头单位:",
        "责任单位：", "配合单位:", "牵头领导:", "完成时限:", "部门分工:", "牵头", "配合", "负责", "按职责分工负责", "\t", " | ", "|",
        "||", "  ", "   ", "\n", "\n\n", "序号", "主要任务", "工作任务", "责任领导", "牵头单位", "配合单位", "完成时限", "进展情况",
        "市发改委", "市财政局", "、", "，", ",", "。", ";", "等", "各县、市、区人民政府", "2024年", "12月底前", "12", "3", "王 明",
        "副市长", "列第一位的为牵头单位", "民生实事", "重点工作", "173项重点工作", "<br>", "推进", "建设", "改造老旧小区",
        "\u{3000}", "｜", "0", "999", "(下同)", "首位单位为牵头单位", "分管副省长", "x", "[bookmark: a]",
    ]

    @Test func randomDocumentsImportOrFailCleanly() {
        var generator = SplitMix64(seed: 20_261_201)
        var imported = 0
        for _ in 0..<400 {
            let length = Int.random(in: 1...300, using: &generator)
            let text = (0..<length).map { _ in Self.fragments.randomElement(using: &generator)! }.joined()
            do {
                let doc = try DocumentImporter().importText(text, file: "fuzz.txt")
                imported += 1
                #expect(!doc.records.isEmpty)
            } catch {
                #expect(!error.message.isEmpty)
            }
        }
        // The pieces are the layouts' own words: some documents must read.
        #expect(imported > 10)
    }

    @Test func randomPagesImportOrFailCleanly() {
        var generator = SplitMix64(seed: 7)
        let tags = [
            "<table>", "<tr>", "<td>", "<th>", "</td>", "</tr>", "</table>", "<td rowspan=3>", "<td colspan=9>",
            "<td rowspan=0>", "<p>", "<br>", "<div>", "</div>", "&nbsp;", "&lt;", "<script>x<td>", "</script>",
        ]
        for _ in 0..<200 {
            let length = Int.random(in: 1...200, using: &generator)
            let page = (0..<length).map { _ in
                Bool.random(using: &generator)
                    ? tags.randomElement(using: &generator)! : Self.fragments.randomElement(using: &generator)!
            }.joined()
            do {
                _ = try DocumentImporter().importBytes(Array(page.utf8), file: "fuzz.html")
            } catch {
                #expect(!error.message.isEmpty)
            }
        }
    }

    /// A page copied out on one line: every item found, each with its statement.
    @Test func aLongLineOfItemsIsSplitIntoItsItems() throws {
        let line = (1...3000).map { "\($0)、推进第\($0)项工作。(市发改委牵头,市财政局配合)" }.joined(separator: " ")
        let doc = try DocumentImporter().importText("重点工作分解\n" + line, file: "long.txt")
        #expect(doc.records.count == 3000)
        #expect(doc.records.allSatisfy { $0.leadUnits == ["市发改委"] && $0.coUnits == ["市财政局"] })
    }
}
