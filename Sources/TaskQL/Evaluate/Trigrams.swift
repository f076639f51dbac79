/// Wording as `trace` compares it: the character trigrams of a text's
/// letters and digits.
///
/// Why trigrams: most Chinese words are two characters, so two texts share
/// bigrams such as 推进 or 建设 whatever they are about, while a shared run
/// of three characters spans a word boundary and is mostly a shared phrase.
/// Punctuation, spaces and symbols are dropped first (a quoted sentence
/// keeps its words but not always its commas, and excerpts may have either
/// full-width or ASCII punctuation); full-width Latin letters and digits
/// fold to ASCII and ASCII letters to lower case.
enum Trigrams {
    /// The letters and digits of `text`, folded: what two texts must share
    /// to have the same wording.
    static func letters(_ text: String) -> [UInt32] {
        var kept: [UInt32] = []
        kept.reserveCapacity(text.unicodeScalars.count)
        for s in text.unicodeScalars where s.properties.isAlphabetic || s.properties.numericType != nil {
            var v = s.value
            if (0xFF01...0xFF5E).contains(v) { v -= 0xFEE0 }
            if (0x41...0x5A).contains(v) { v += 0x20 }
            kept.append(v)
        }
        return kept
    }

    /// The distinct trigrams of `text`, sorted; empty for fewer than three
    /// letters and digits.
    static func of(_ text: String) -> [UInt64] {
        let kept = letters(text)
        guard kept.count >= 3 else { return [] }
        var grams: [UInt64] = []
        grams.reserveCapacity(kept.count - 2)
        for i in 0..<(kept.count - 2) {
            // Three 21-bit scalars in one word.
            grams.append(UInt64(kept[i]) << 42 | UInt64(kept[i + 1]) << 21 | UInt64(kept[i + 2]))
        }
        grams.sort()
        var unique = 0
        for g in grams where unique == 0 || grams[unique - 1] != g {
            grams[unique] = g
            unique += 1
        }
        grams.removeSubrange(unique...)
        return grams
    }

    /// Trigrams two sorted lists share.
    static func sharedCount(_ a: [UInt64], _ b: [UInt64]) -> Int {
        var (x, y, n) = (0, 0, 0)
        while x < a.count && y < b.count {
            if a[x] == b[y] {
                n += 1
                x += 1
                y += 1
            } else if a[x] < b[y] {
                x += 1
            } else {
                y += 1
            }
        }
        return n
    }

    /// The sentences of a paragraph: each ends after 。！？； (or their ASCII
    /// forms) or at a line break, keeping its end mark, trimmed.
    static func sentences(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = String.UnicodeScalarView()
        func finish() {
            let sentence = ScalarFunctions.trimmed(String(current))
            if !sentence.isEmpty { sentences.append(sentence) }
            current = String.UnicodeScalarView()
        }
        for s in text.unicodeScalars {
            if s == "\n" {
                finish()
                continue
            }
            current.append(s)
            if "。！？；!?;".unicodeScalars.contains(s) { finish() }
        }
        finish()
        return sentences
    }
}

/// Which of many texts share trigrams with a probe text: an inverted index
/// from trigram to the texts that have it, so a probe costs the postings of
/// its own trigrams, not a pass over every text.
///
/// A trigram that very many texts have (`进一步`, `加快推` in a province's
/// tasks) finds no particular text and would make a probe walk a large
/// share of the index, so the candidates are the texts sharing the most of
/// the probe's less common trigrams (postings of at most ``commonLimit``;
/// the rarest one when it has none), and the shared count of each of those
/// is then counted exactly. A text sharing only common trigrams with the
/// probe is not found: with so little in common it would score low. Up to
/// ``commonLimit`` texts, the best match is never left out.
struct TrigramIndex: Sendable {
    private var postings: [UInt64: [Int32]] = [:]
    /// Each text's trigrams, sorted, for exact shared counts.
    let texts: [[UInt64]]
    var count: Int { texts.count }
    let commonLimit: Int

    /// Indexes `texts` (their trigrams, as ``Trigrams/of(_:)`` gives them).
    init(_ texts: [[UInt64]]) {
        self.texts = texts
        commonLimit = 256
        for (entry, grams) in texts.enumerated() {
            for g in grams { postings[g, default: []].append(Int32(entry)) }
        }
    }

    /// Scratch state for ``candidates(_:_:)``: one per thread.
    struct Scratch {
        var shared: [Int32]
        var touched: [Int32] = []

        init(entries: Int) { shared = [Int32](repeating: 0, count: entries) }
    }

    /// Most candidates a probe's exact counts are taken for: those sharing
    /// the most of its less common trigrams.
    static let candidateLimit = 16

    /// The texts sharing the most of `probe`'s less common trigrams (at
    /// most ``candidateLimit``), with how many trigrams each shares in all,
    /// in index order.
    func candidates(_ probe: [UInt64], _ scratch: inout Scratch) -> [(entry: Int, shared: Int)] {
        let lists = probe.compactMap { postings[$0] }
        guard !lists.isEmpty else { return [] }
        var walked = lists.filter { $0.count <= commonLimit }
        if walked.isEmpty { walked = [lists.min { $0.count < $1.count }!] }
        for list in walked {
            for e in list {
                if scratch.shared[Int(e)] == 0 { scratch.touched.append(e) }
                scratch.shared[Int(e)] += 1
            }
        }
        var chosen = scratch.touched
        if chosen.count > Self.candidateLimit {
            let shared = scratch.shared
            chosen.sort { (shared[Int($0)], $1) > (shared[Int($1)], $0) }
            chosen.removeSubrange(Self.candidateLimit...)
        }
        for e in scratch.touched { scratch.shared[Int(e)] = 0 }
        scratch.touched.removeAll(keepingCapacity: true)
        return chosen.sorted().map { e in (Int(e), Trigrams.sharedCount(probe, texts[Int(e)])) }
    }

    /// The text sharing the most of `probe`'s trigrams (the first such in
    /// index order on a tie) and how many it shares; nil when none shares any.
    func best(_ probe: [UInt64], _ scratch: inout Scratch) -> (entry: Int, shared: Int)? {
        var best: (entry: Int, shared: Int)?
        for c in candidates(probe, &scratch) where c.shared > (best?.shared ?? 0) { best = c }
        return best
    }

    /// The share of `probe`'s trigrams found in a text sharing `shared` of
    /// them, to three decimals (what `score` shows and sorts by).
    static func score(shared: Int, of probe: [UInt64]) -> Double {
        rounded(Double(shared) / Double(probe.count))
    }

    /// `x` to three decimals.
    static func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}
