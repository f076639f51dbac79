import Foundation
import Testing

@testable import TaskQL

/// Speed over a million tasks. Off by default (it builds a large data set);
/// run with `TASKQL_SCALE=1 swift test -c release --filter ScaleTests`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["TASKQL_SCALE"] != nil))
struct ScaleTests {
    static let queries = [
        #"tasks | where city == "海门" and kind == "key" | count"#,
        #"tasks | where lead_units has "发改委" and due <= 2020-06-30 | count"#,
        #"tasks | where text contains "5G基站1" | count by city"#,
        #"tasks | explode lead_units as unit | count by unit | sort by count desc | take 10"#,
        "tasks | summarize n = count(), units = dcount(lead_units) by city, kind",
        #"tasks | where text matches "[0-9]+万平方米" | count"#,
        #"tasks | search "第4部分" | count"#,
        "tasks | top 5 by len(text) desc | select id, text",
        "tasks | sort by due, number | take 10",
    ]

    @Test func millionTasks() throws {
        var clock = ContinuousClock.now
        let dataset = LargeDataset.make(1_000_000)
        print("make records: \(ContinuousClock.now - clock)")
        clock = ContinuousClock.now
        let engine = Engine(datasets: [dataset], aliases: EngineFixture.aliases)
        print("build engine: \(ContinuousClock.now - clock)")
        for q in Self.queries {
            clock = ContinuousClock.now
            let r = try runQuery(q, engine: engine)
            print("\(ContinuousClock.now - clock)\t\(r.rows.count) rows\t\(q)")
            #expect(!r.rows.isEmpty)
        }
    }
}
