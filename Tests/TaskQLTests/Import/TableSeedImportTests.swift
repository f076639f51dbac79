import Testing

@testable import TaskQL

/// Haimen 000 and Taicang 003 end to end: cell-table reader, metadata,
/// record assembly.
@Suite struct TableSeedImportTests {
    @Test func haimen() throws {
        let doc = try SeedDocuments.imported("000")
        #expect(doc.records.count(.key) == 173)
        #expect(doc.records.count(.livelihood) == 50)
        #expect(Set(doc.records.filter { $0.kind == .key }.compactMap(\.section)).count == 9)
        #expect(
            Set(doc.records.filter { $0.kind == .livelihood }.compactMap { $0.section ?? $0.subsection }).count == 10)
        let task = try #require(doc.records.first(.key, number: "3"))
        #expect(task.leaders == ["周国强", "姜勇"])
        #expect(task.leadUnits == ["交通局", "商务局"])
        #expect(task.coUnits == ["发改委", "开发区", "通海港口公司"])
        #expect(task.deadline == "全年")
        #expect(task.due == CivilDate(year: 2020, month: 12, day: 31))
        #expect(doc.info.city == "海门" && doc.info.year == 2020 && doc.datasetName == "haimen")
        #expect(doc.info.authority == "海门市人民政府")
        #expect(doc.info.date == CivilDate(year: 2020, month: 2, day: 23))
        #expect(doc.info.title == "市政府关于分解落实2020年市政府重点工作任务及为民办实事项目的通知")
    }

    @Test func taicang() throws {
        let doc = try SeedDocuments.imported("003")
        #expect(doc.records.count(.indicator) == 8)
        #expect(doc.records.count(.livelihood) == 22)
        #expect(doc.records.count(.key) > 0)
        #expect(doc.records.allSatisfy { !$0.leaders.isEmpty && !$0.leadUnits.isEmpty })
        #expect(doc.records.filter { $0.kind == .key }.allSatisfy { $0.section != nil && $0.subsection != nil })
        #expect(doc.info.city == "太仓" && doc.info.year == 2020 && doc.datasetName == "taicang")
        #expect(doc.info.documentNumber == "太政发〔2020〕9号")
    }
}

/// Metadata of the table seeds does not depend on the table reader.
@Test func tableSeedMetadata() throws {
    for (number, city, documentNumber) in [("000", "海门", nil), ("003", "太仓", "太政发〔2020〕9号")] {
        let text = try String(contentsOfFile: SeedDocuments.path(number), encoding: .utf8)
        let found = DocumentInfoExtractor.extract(DocumentLines(file: number, text: text))
        #expect(found.city == city)
        #expect(found.year == 2020)
        #expect(found.documentNumber == documentNumber)
    }
}
