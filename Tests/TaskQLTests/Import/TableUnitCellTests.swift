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
