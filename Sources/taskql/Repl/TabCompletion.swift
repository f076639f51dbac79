import CLibEdit
import TaskQL
import TaskQLShell

#if canImport(Glibc)
    import Glibc
#endif

/// The provider libedit's completion callback consults. A C callback cannot
/// capture, so it lives in a global; the REPL replaces it after each
/// statement (new `let` names, loaded datasets). Main thread only.
nonisolated(unsafe) var activeCompletionProvider: CompletionProvider?
/// The lines of the unfinished statement above the one being edited (each
/// ending in a line break), so that completion on a continuation line sees
/// the whole statement: `tasks |⏎ wh` Tab → `where`.
nonisolated(unsafe) var completionEarlierLines = ""
nonisolated(unsafe) private var pendingCandidates: [String] = []
nonisolated(unsafe) private var nextCandidate = 0
/// The provider's own candidates of the last Tab, as a list shows them
/// (libedit's word may start later: `"` is no word break for it).
nonisolated(unsafe) private var lastListed: [String] = []

/// Glue between libedit's readline-compatible completion hooks and the
/// library's pure ``CompletionProvider``.
enum TabCompletion {
    /// Word breaks as the provider sees them; `"`, `$` and `.` stay in the
    /// word so that `"发` and `.mo` are completed whole.
    nonisolated(unsafe) static let wordBreaks = strdup(" \t\n|,;()[]=<>!+*/")!

    static func install() {
        clibedit_rl_set_basic_word_break_characters(wordBreaks)
        clibedit_rl_set_attempted_completion(attemptCompletion)
    }

    /// `rl_completion_func_t`: candidates for the word libedit found.
    static let attemptCompletion:
        @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = {
            text, _, _ in
            clibedit_rl_set_completion_over(1)  // never fall back to file names
            let word = text.map { String(cString: $0) } ?? ""
            var candidates = TabCompletion.candidates(libeditWord: word)
            guard !candidates.isEmpty, let text else { return nil }
            if candidates.count > 1 {
                // Several: extend the word by what they share; when they
                // share nothing more, list them ourselves (in display columns).
                let shared = TabCompletion.commonPrefix(candidates)
                guard shared.count > word.count else {
                    TabCompletion.showList(lastListed)
                    return nil
                }
                candidates = [shared]
                clibedit_rl_set_completion_append_character(0)
            } else {
                let complete =
                    !(candidates[0].hasSuffix("\"") || candidates[0].hasSuffix("'") || candidates[0].hasSuffix("/"))
                clibedit_rl_set_completion_append_character(complete ? 0x20 : 0)
            }
            pendingCandidates = candidates
            nextCandidate = 0
            return rl_completion_matches(text, nextMatch)
        }

    /// The longest start every candidate has (whole characters).
    static func commonPrefix(_ candidates: [String]) -> String {
        guard var prefix = candidates.first.map(Array.init) else { return "" }
        for candidate in candidates.dropFirst() {
            let other = Array(candidate)
            var n = 0
            while n < min(prefix.count, other.count), prefix[n] == other[n] { n += 1 }
            prefix = Array(prefix.prefix(n))
        }
        return String(prefix)
    }

    /// The candidates below the line being edited, then the prompt and the
    /// line again.
    static func showList(_ candidates: [String]) {
        let fd = Terminal.outputIsTerminal ? STDOUT_FILENO : STDERR_FILENO
        let width = Int(clibedit_terminal_columns(fd))
        let lines = CompletionListLayout.lines(candidates, width: width > 0 ? width : 80)
        let sink = Terminal.outputIsTerminal ? OutputSink.standardOutput() : OutputSink.standardError()
        sink.write("\n" + lines.joined(separator: "\n") + "\n")
        rl_forced_update_display()
    }

    /// `rl_compentry_func_t`: hands out the candidates one by one (malloc'ed;
    /// libedit frees them).
    static let nextMatch: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = { _, _ in
        guard nextCandidate < pendingCandidates.count else { return nil }
        nextCandidate += 1
        return strdup(pendingCandidates[nextCandidate - 1])
    }

    /// The provider's candidates rewritten to replace libedit's word.
    static func candidates(libeditWord: String) -> [String] {
        guard let provider = activeCompletionProvider, let buffer = clibedit_rl_line_buffer() else { return [] }
        let line = String(cString: buffer)
        // libedit counts rl_point in wide characters (code points), the
        // provider in UTF-8 bytes.
        let point = max(0, Int(clibedit_rl_point()))
        let cursor = line.unicodeScalars.prefix(point).reduce(0) { $0 + UTF8.width($1) }
        let earlier = completionEarlierLines
        let completion = provider.complete(text: earlier + line, cursor: earlier.utf8.count + cursor)
        lastListed = completion.candidates
        if completion.word == libeditWord { return completion.candidates }
        if libeditWord.hasSuffix(completion.word) {
            let lead = String(libeditWord.dropLast(completion.word.count))
            return completion.candidates.map { lead + $0 }
        }
        if completion.word.hasSuffix(libeditWord) {
            let extra = completion.word.count - libeditWord.count
            let head = completion.word.prefix(extra)
            return completion.candidates.filter { $0.hasPrefix(head) }.map { String($0.dropFirst(extra)) }
        }
        return []
    }
}
