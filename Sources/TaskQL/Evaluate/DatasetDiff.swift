/// What changed from one version of a decomposition to another (a first
/// decomposition and its adjusted version, or two years of one city): the
/// tasks are matched, and each match, and each task left over, becomes
/// rows of changes.
///
/// The matching rule, in order:
/// 1. **Same wording**: tasks whose letters and digits are the same (the
///    punctuation may differ) are the same task, paired in document order.
/// 2. **Similar wording**: of the rest, pairs whose character trigrams
///    overlap with a Dice coefficient of at least 0.5 — or 0.3 when they
///    have the same number path (kind, section place, number) — are paired,
///    the most similar first (the same number path adds 0.2), ties in
///    document order.
/// 3. **Parts**: a new task left over whose trigrams are at least 60%
///    inside an old task was split off from it (`split`); an old task left
///    over that is at least 60% inside a new task was merged into it
///    (`merged`).
/// 4. What is still left over is `added` or `removed`.
///
/// A matched pair gives a row per field that differs: `moved` (its place
/// among the matched tasks changed: it is not on the longest run of pairs
/// in the same order in both; renumbering that follows from tasks added or
/// removed is not a change), `kind`, `section` (ignoring its enumeration,
/// 一、 or （二）), `title`, `text` (by letters and digits), `leaders`,
/// `lead_units`, `co_units` (as sets, units by canonical name) and
/// `deadline` (as written: the same 6月底前 in two years is no change).
///
/// Each row names the tasks (`id_a`, `number_a` in the first dataset,
/// `id_b`, `number_b` in the second) and carries the city, kind, lead
/// units and text of the task as it is now (as it was, when removed), so
/// that `where lead_units has "发改委"` filters the changes.
struct DatasetDiff {
    /// One task as the diff reads it.
    struct Task {
        var id: String
        var number: String
        var section: String?
        var kind: String
        var city: String
        var title: String?
        var text: String
        var leaders: [String]
        var leadUnits: [String]
        var coUnits: [String]
        var deadline: String?
    }

    /// One row: a kind of change, the tasks it concerns (old, new), what
    /// the field was and became, and the pair's similarity.
    struct Change: Equatable {
        var change: String
        var old: Int?
        var new: Int?
        var before: String?
        var after: String?
        var score: Double?
    }

    static let similarWording = 0.5
    static let similarWordingAtTheSamePlace = 0.3
    static let samePlaceBonus = 0.2
    static let partOfAnother = 0.6

    /// The rows `diff` gives.
    static let schema = RowSchema.derived(
        [
            ("change", ValueType.string, false), ("id_a", .string, false), ("id_b", .string, false),
            ("number_a", .string, false), ("number_b", .string, false), ("city", .string, false),
            ("kind", .string, false), ("lead_units", .list(.string), true), ("text", .string, false),
            ("before", .string, false),
            ("after", .string, false), ("score", .decimal, false),
        ].map { Column(name: $0.0, type: $0.1, isUnits: $0.2) })

    let old: [Task]
    let new: [Task]
    /// A unit's canonical name.
    let canonical: (String) -> String
    /// Called every so often: throws to stop (the run's time limit, Ctrl-C).
    var checkBudget: () throws(RuntimeError) -> Void = {}

    /// The changes, ordered by where they are in the new version (a
    /// removed task where it was, after the task before it).
    func changes() throws(RuntimeError) -> [Change] {
        let oldGrams = old.map { Trigrams.of($0.text) }
        let newGrams = new.map { Trigrams.of($0.text) }
        var newOfOld = [Int?](repeating: nil, count: old.count)
        var oldOfNew = [Int?](repeating: nil, count: new.count)
        var similarity: [Int: Double] = [:]  // old index → score of its pair
        pairSameWording(&newOfOld, &oldOfNew, &similarity)
        try pairSimilarWording(oldGrams, newGrams, &newOfOld, &oldOfNew, &similarity)
        let oldIndex = TrigramIndex(oldGrams)
        let newIndex = TrigramIndex(newGrams)
        var oldScratch = TrigramIndex.Scratch(entries: old.count)
        var newScratch = TrigramIndex.Scratch(entries: new.count)

        var keyed: [(key: Double, order: Int, change: Change)] = []
        let pairs = newOfOld.enumerated().compactMap { i, j in j.map { (i, $0) } }
        let inOrder = Self.longestIncreasingRun(pairs.map(\.1))
        for (n, (i, j)) in pairs.enumerated() {
            let score = similarity[i] ?? 1
            for (order, change) in fieldChanges(i, j, moved: !inOrder.contains(n)).enumerated() {
                keyed.append(
                    (
                        Double(j), order,
                        Change(change: change.0, old: i, new: j, before: change.1, after: change.2, score: score)
                    ))
            }
        }
        for j in new.indices where oldOfNew[j] == nil {
            if j & 1023 == 0 { try checkBudget() }
            if let (i, share) = Self.container(of: newGrams[j], in: oldIndex, &oldScratch), share >= Self.partOfAnother
            {
                keyed.append(
                    (
                        Double(j), 0,
                        Change(change: "split", old: i, new: j, before: old[i].text, after: new[j].text, score: share)
                    ))
            } else {
                keyed.append(
                    (
                        Double(j), 0,
                        Change(change: "added", old: nil, new: j, before: nil, after: new[j].text, score: nil)
                    ))
            }
        }
        var lastPairedBefore = -1
        for i in old.indices {
            if let j = newOfOld[i] {
                lastPairedBefore = max(lastPairedBefore, j)
                continue
            }
            if i & 1023 == 0 { try checkBudget() }
            if let (j, share) = Self.container(of: oldGrams[i], in: newIndex, &newScratch), share >= Self.partOfAnother
            {
                keyed.append(
                    (
                        Double(j), 50,
                        Change(change: "merged", old: i, new: j, before: old[i].text, after: new[j].text, score: share)
                    ))
            } else {
                keyed.append(
                    (
                        Double(lastPairedBefore) + 0.5, i,
                        Change(change: "removed", old: i, new: nil, before: old[i].text, after: nil, score: nil)
                    ))
            }
        }
        keyed.sort { ($0.key, $0.order) < ($1.key, $1.order) }
        return keyed.map(\.change)
    }

    /// Rule 1: the same letters and digits, in document order.
    private func pairSameWording(_ newOfOld: inout [Int?], _ oldOfNew: inout [Int?], _ similarity: inout [Int: Double])
    {
        var waiting: [[UInt32]: [Int]] = [:]
        for j in new.indices.reversed() {
            let key = Trigrams.letters(new[j].text)
            if !key.isEmpty { waiting[key, default: []].append(j) }
        }
        for i in old.indices {
            let key = Trigrams.letters(old[i].text)
            guard !key.isEmpty, let j = waiting[key]?.popLast() else { continue }
            newOfOld[i] = j
            oldOfNew[j] = i
            similarity[i] = 1
        }
    }

    /// Rule 2: similar wording, most similar first.
    private func pairSimilarWording(
        _ oldGrams: [[UInt64]], _ newGrams: [[UInt64]], _ newOfOld: inout [Int?], _ oldOfNew: inout [Int?],
        _ similarity: inout [Int: Double]
    ) throws(RuntimeError) {
        // The new tasks still unpaired (the paired ones index as no text).
        let index = TrigramIndex(new.indices.map { oldOfNew[$0] == nil ? newGrams[$0] : [] })
        var scratch = TrigramIndex.Scratch(entries: new.count)
        let oldPlaces = Self.places(old)
        let newPlaces = Self.places(new)
        var candidates: [(weight: Double, dice: Double, old: Int, new: Int)] = []
        for i in old.indices where newOfOld[i] == nil && !oldGrams[i].isEmpty {
            if i & 255 == 0 { try checkBudget() }
            for (j, shared) in index.candidates(oldGrams[i], &scratch) {
                let dice = 2 * Double(shared) / Double(oldGrams[i].count + newGrams[j].count)
                let samePlace = oldPlaces[i] == newPlaces[j]
                if dice >= Self.similarWording || (samePlace && dice >= Self.similarWordingAtTheSamePlace) {
                    candidates.append((dice + (samePlace ? Self.samePlaceBonus : 0), dice, i, j))
                }
            }
        }
        candidates.sort { ($1.weight, $0.old, $0.new) < ($0.weight, $1.old, $1.new) }
        for c in candidates where newOfOld[c.old] == nil && oldOfNew[c.new] == nil {
            newOfOld[c.old] = c.new
            oldOfNew[c.new] = c.old
            similarity[c.old] = TrigramIndex.rounded(c.dice)
        }
    }

    /// Each task's number path: kind, the place of its section among the
    /// dataset's sections, number.
    private static func places(_ tasks: [Task]) -> [String] {
        var sectionPlace: [String: Int] = [:]
        return tasks.map { t in
            let key = sectionKey(t.section)
            if sectionPlace[key] == nil { sectionPlace[key] = sectionPlace.count }
            return "\(t.kind)\u{1F}\(sectionPlace[key]!)\u{1F}\(t.number)"
        }
    }

    /// A heading without its enumeration (一、, （二）, 3.) and punctuation.
    static func sectionKey(_ section: String?) -> String {
        var scalars = Substring(ScalarFunctions.trimmed(section ?? "")).unicodeScalars[...]
        let enumeration = "（(）)、.．〔〕 一二三四五六七八九十百零〇0123456789"
        while let first = scalars.first, enumeration.unicodeScalars.contains(first) { scalars = scalars.dropFirst() }
        return String(String.UnicodeScalarView(Trigrams.letters(String(scalars)).compactMap(Unicode.Scalar.init)))
    }

    /// The rows of a matched pair, as (change, before, after).
    private func fieldChanges(_ i: Int, _ j: Int, moved: Bool) -> [(String, String?, String?)] {
        let (a, b) = (old[i], new[j])
        var rows: [(String, String?, String?)] = []
        if moved { rows.append(("moved", a.number, b.number)) }
        if a.kind != b.kind { rows.append(("kind", a.kind, b.kind)) }
        if Self.sectionKey(a.section) != Self.sectionKey(b.section) { rows.append(("section", a.section, b.section)) }
        if Trigrams.letters(a.title ?? "") != Trigrams.letters(b.title ?? "") {
            rows.append(("title", a.title, b.title))
        }
        if Trigrams.letters(a.text) != Trigrams.letters(b.text) { rows.append(("text", a.text, b.text)) }
        if Set(a.leaders) != Set(b.leaders) { rows.append(("leaders", Self.joined(a.leaders), Self.joined(b.leaders))) }
        if Set(a.leadUnits.map(canonical)) != Set(b.leadUnits.map(canonical)) {
            rows.append(("lead_units", Self.joined(a.leadUnits), Self.joined(b.leadUnits)))
        }
        if Set(a.coUnits.map(canonical)) != Set(b.coUnits.map(canonical)) {
            rows.append(("co_units", Self.joined(a.coUnits), Self.joined(b.coUnits)))
        }
        let deadline = { (d: String?) in d.map(ScalarFunctions.trimmed) ?? "" }
        if deadline(a.deadline) != deadline(b.deadline) { rows.append(("deadline", a.deadline, b.deadline)) }
        return rows
    }

    private static func joined(_ names: [String]) -> String? { names.isEmpty ? nil : names.joined(separator: "、") }

    /// The text holding the largest share of `probe`'s trigrams, and that
    /// share (the first such text on a tie).
    private static func container(of probe: [UInt64], in index: TrigramIndex, _ scratch: inout TrigramIndex.Scratch)
        -> (Int, Double)?
    {
        guard !probe.isEmpty, let best = index.best(probe, &scratch) else { return nil }
        return (best.entry, TrigramIndex.score(shared: best.shared, of: probe))
    }

    /// The positions (in `values`) of one longest strictly increasing run,
    /// the earliest such (patience sorting).
    static func longestIncreasingRun(_ values: [Int]) -> Set<Int> {
        var tails: [Int] = []  // position of the last value of the best run of each length
        var previous = [Int](repeating: -1, count: values.count)
        for (k, v) in values.enumerated() {
            var (lo, hi) = (0, tails.count)
            while lo < hi {
                let mid = (lo + hi) / 2
                if values[tails[mid]] < v { lo = mid + 1 } else { hi = mid }
            }
            if lo > 0 { previous[k] = tails[lo - 1] }
            if lo == tails.count { tails.append(k) } else { tails[lo] = k }
        }
        var run = Set<Int>()
        var k = tails.last ?? -1
        while k >= 0 {
            run.insert(k)
            k = previous[k]
        }
        return run
    }
}
