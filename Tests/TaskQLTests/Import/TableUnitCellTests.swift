import Testing

@testable import TaskQL

/// Unit cells as the seeds print them: one unit per line, but sometimes two
/// glued on one line, and sometimes a note in parentheses on a line of its own.
struct TableUnitCellTests {
    @Test func gluedUnitsAreSplitWhenTheDocumentPrintsThemApart() throws {
        let taicang = try SeedDocuments.imported("003").records
        // Line 381 prints `各有关镇（区）有关部门` on one line; other rows print the two apart.
        let row = try #require(taicang.first { $0.source.hasSuffix(":373") })
        #expect(row.coUnits == ["各有关镇（区）", "有关部门"])
        #expect(!taicang.contains { $0.units.contains("各有关镇（区）有关部门") })
    }

    @Test func unknownNamesAreNeverGuessedApart() {
        let names = TableUnitNames(rows: [[]])
        #expect(names.split("各有关镇（区）有关部门") == ["各有关镇（区）有关部门"])
    }

    @Test func aParenthesisedLineBelongsToTheUnitAbove() throws {
        let haimen = try SeedDocuments.imported("000").records
        let units = Set(haimen.flatMap(\.units))
        #expect(units.contains("社管中心（社会治理现代化指挥中心）"))
        #expect(!units.contains { $0.hasPrefix("（") || $0.hasPrefix("(") })
    }
}

/// Leader cells that pad names to a common width: padding shows where one
/// person's name ends.
@Suite struct PaddedLeaderNameTests {
    @Test(arguments: [
        ("王 明李 华", ["王明", "李华"]), ("赵 刚 钱志远", ["赵刚", "钱志远"]), ("祝振偉 陳夏林", ["祝振偉", "陳夏林"]),
        ("沈 昱 祝振偉", ["沈昱", "祝振偉"]), ("周 国 强 李华", ["周国强", "李华"]),
    ])
    func paddedNamesSplitIntoPeople(line: String, people: [String]) {
        #expect(PersonNames().splitPadded(line) == people)
    }

    @Test func oneNameOrNoNamesIsLeftToTheOtherRules() {
        #expect(PersonNames().splitPadded("姜  勇") == nil)
        #expect(PersonNames().splitPadded("各市长") == nil)
        #expect(PersonNames().splitPadded("分管 副市长 X") == nil)
    }

    @Test func knownNamesDecideAnAmbiguousLine() {
        var names = PersonNames()
        names.learn(from: [TableCell(line: 1, lines: ["王明"]), TableCell(line: 2, lines: ["李华强"])])
        #expect(names.splitPadded("王明 李华强") == ["王明", "李华强"])
    }
}

/// A unit name wrapped in a narrow cell joins again; a short unit of its own does not.
@Suite struct WrappedUnitNameTests {
    @Test func wrappedTailJoinsItsName() {
        #expect(TableCellText.listItems(["市教育局、市民政", "局"]) == ["市教育局", "市民政局"])
        #expect(TableCellText.listItems(["市政务服务", "中心"]) == ["市政务服务中心"])
    }

    @Test func aShortUnitAfterACompleteOneStaysApart() {
        #expect(TableCellText.listItems(["发改委", "海关"]) == ["发改委", "海关"])
    }
}
