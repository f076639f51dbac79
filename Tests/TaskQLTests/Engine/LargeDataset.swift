@testable import TaskQL

/// Synthetic datasets of any size, for limits, cancellation and speed.
enum LargeDataset {
    static let cities = ["海门", "宜兴", "太仓", "通州", "如皋", "启东", "昆山", "江阴"]
    static let units = ["市发展改革委", "发展改革委", "市住建局", "市财政局", "市民政局", "市工信局", "市教育局", "市卫健委"]

    static func make(_ count: Int) -> Dataset {
        var records: [TaskRecord] = []
        records.reserveCapacity(count)
        for i in 0..<count {
            let city = cities[i % cities.count]
            records.append(
                TaskRecord(
                    id: "t-\(i)", dataset: "big", city: city, year: 2018 + i % 4, kind: i % 5 == 0 ? .livelihood : .key,
                    section: i % 3 == 0 ? nil : "第\(i % 7)部分", subsection: nil, number: String(i % 50),
                    title: nil, text: "推进第\(i)项重点工作，完成\(i % 97)万平方米改造，建设5G基站\(i % 13)个",
                    leaders: ["领导\(i % 40)"], leadUnits: [units[i % units.count]],
                    coUnits: [units[(i / 8) % units.count], "协办单位\(i % 300)"], deadline: "\(i % 12 + 1)月底前",
                    due: CivilDate(year: 2020, month: i % 12 + 1, day: 28), source: "big.txt:\(i)"))
        }
        return Dataset(name: "big", documents: [], records: records)
    }

    /// 100,000 tasks, built once for every test that needs a slow query.
    static let shared = engine(100_000)

    static func engine(_ count: Int, options: EngineOptions = EngineOptions()) -> Engine {
        Engine(datasets: [make(count)], aliases: EngineFixture.aliases, options: options)
    }
}
