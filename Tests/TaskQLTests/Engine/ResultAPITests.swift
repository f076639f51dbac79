import Foundation
import Testing

@testable import TaskQL

@Suite struct ResultAPITests {
    @Test func parametersCanBeWrittenAsLiterals() throws {
        let q = try prepareQuery("tasks | where lead_units has $unit and year == $y | take $n | select id")
        let r = try q.run(["unit": "发改委", "y": 2020, "n": 2])
        #expect(column("id", of: r) == ["hm-1", "yx-1"])
        #expect(q.columns == ["id"])
    }

    @Test func rowsCanBeReadByColumnName() throws {
        let r = try runQuery(#"tasks | where id == "hm-2" | select city, due, lead_units"#)
        let row = try #require(r.namedRows.first)
        #expect(row["city"] == "海门")
        #expect(row["due"]?.displayText == "2020-06-30")
        #expect(row["lead_units"]?.displayText == "市住建局")
        #expect(row["nope"] == nil)
    }

    @Test func resultsEncodeAsPlainJSON() throws {
        let r = try runQuery(
            #"tasks | where id == "hm-3" | extend half = 1 / 2 | select id, due, leaders, title, half"#)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(r), as: UTF8.self)
        #expect(
            json
                == #"{"columns":["id","due","leaders","title","half"],"is_chart":false,"rows":[["hm-3","2020-12-31",["周国强","姜勇"],"养老工程",0.5]]}"#
        )
        let back = try JSONDecoder().decode(QueryResult.self, from: Data(json.utf8))
        #expect(back.rows[0][2] == .list(["周国强", "姜勇"]))
        #expect(back.rows[0][4] == .decimal(0.5))
    }
}
