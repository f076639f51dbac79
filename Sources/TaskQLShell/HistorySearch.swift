/// Ctrl-R: incremental search back through the history, as readline and
/// the shells have it — each key narrows the search, Ctrl-R again finds an
/// older entry, Backspace widens it. A pure state machine over the entries
/// (oldest first), so the terminal glue only reads keys and draws
/// ``prompt`` and ``line``; tested in-process.
///
/// libedit has its own `em-inc-search-prev`, but it drops out of the
/// search at the first Chinese character (it looks wide characters up in
/// a 256-entry key map), and our users search for `宜兴` and `发改委`.
package struct HistorySearch: Sendable, Equatable {
    /// The history, oldest first.
    package let entries: [String]
    /// What was on the line when the search began (shown while nothing matches yet).
    package let originalLine: String
    /// The text searched for.
    package private(set) var query = ""
    /// The entry matched, an index into ``entries``; nil before the first
    /// match or when nothing matches.
    package private(set) var match: Int?
    /// Whether the last step found nothing (the prompt says `failing`).
    package private(set) var failing = false

    package init(entries: [String], originalLine: String) {
        self.entries = entries
        self.originalLine = originalLine
    }

    /// The line the search offers: the matched entry, else the original line.
    package var line: String { match.map { entries[$0] } ?? originalLine }

    /// `(reverse-i-search)'发改': ` — what readline shows, so it reads familiar.
    package var prompt: String { (failing ? "(failing reverse-i-search)" : "(reverse-i-search)") + "'\(query)': " }

    /// Where the search stands in ``line``: the start of the match, in
    /// characters (for the cursor), or nil.
    package var matchOffset: Int? {
        guard let match, !query.isEmpty, let range = entries[match].range(of: query) else { return nil }
        return entries[match].distance(from: entries[match].startIndex, to: range.lowerBound)
    }

    /// A character typed: the newest entry (from the current one back)
    /// containing the longer query.
    package mutating func type(_ text: String) {
        query += text
        // The current match may still contain the longer query: stay on it.
        search(from: match ?? entries.count, includingStart: match != nil)
    }

    /// Backspace: one character less, searched again from the newest entry
    /// (readline goes back along its path; the newest match is what a
    /// person expects after correcting a typo).
    package mutating func deleteBackward() {
        guard !query.isEmpty else { return }
        query.removeLast()
        if query.isEmpty {
            match = nil
            failing = false
            return
        }
        search(from: entries.count, includingStart: false)
    }

    /// Ctrl-R again: the next older entry with the query.
    package mutating func older() {
        guard !query.isEmpty else { return }
        search(from: match ?? entries.count, includingStart: false)
    }

    /// Looks back from `start` (that entry too when `includingStart`); on
    /// no match keeps the current one and marks the search failing.
    private mutating func search(from start: Int, includingStart: Bool) {
        var index = includingStart ? start : start - 1
        while index >= 0 {
            if index < entries.count, entries[index].contains(query) {
                match = index
                failing = false
                return
            }
            index -= 1
        }
        failing = true
    }
}
