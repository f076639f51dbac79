// The formatter stage: source text → syntax tree and comments → one
// canonical layout of the same script. `taskql fmt` prints it; the
// round-trip tests check that the result parses to the same tree and that
// formatting it again changes nothing.

/// Prints TQL scripts in one canonical layout, keeping their comments and
/// dot-command lines.
///
/// ```swift
/// let text = "tasks|where city==\"海门\"   and kind=='key'|count # how many\n"
/// let formatted = try QueryFormatter().format(SourceText(name: "q.tql", text: text))
/// // tasks | where city == "海门" and kind == "key" | count  # how many
/// ```
///
/// The layout:
/// - one statement per line (`;` becomes a line break); blank lines between
///   statements are kept, at most one; dot-command lines (`.mode csv`) are
///   kept as written;
/// - a pipeline on one line when it fits in ``lineWidth`` display columns
///   (a Chinese character takes two), else its source on the first line and
///   each stage on its own line, starting with `| `;
/// - a stage too long for its line continues on lines indented by four
///   columns, breaking after a comma, after `by` or after an operator;
/// - one space around operators and after commas; strings in `"…"` (or
///   `'…'` when that needs fewer escapes) with `\\`, `\"`, `\n`, `\t`, `\r`
///   and `\u{…}` for other control characters; numbers in their shortest
///   form (`007` → `7`, `1.50` → `1.5`);
/// - parentheses only where precedence needs them (`a and (b and c)` is
///   the tree of `a and b and c`, and is written so), and around a negated
///   comparison (`not (a == b)`); `not (a contains b)` is written
///   `a not contains b`; `asc` in `sort` and `desc` in `top` (the defaults)
///   are left out;
/// - comments stay before the code they preceded: a comment on its own line
///   keeps its own line, a comment after code stays at the end of its line
///   (after two spaces); inside a statement it moves to the nearest place a
///   line may break, which breaks the pipeline into one stage per line.
///
/// Formatting never changes what a script means: the result parses to the
/// same syntax tree, and formatting it again gives the same text.
package struct QueryFormatter: Sendable {
    /// Display columns a line may take before a pipeline is broken.
    package var lineWidth: Int

    /// A formatter for lines of `lineWidth` display columns.
    package init(lineWidth: Int = 80) {
        self.lineWidth = lineWidth
    }

    /// The script in canonical layout, ending with a line break (empty for
    /// a script with nothing in it).
    ///
    /// - Throws: ``DiagnosticError`` with the syntax errors of every
    ///   statement that does not parse, with spans in `source`; nothing is
    ///   formatted then.
    package func format(_ source: SourceText) throws(DiagnosticError) -> String {
        var blocks: [FormattedBlock] = []
        var diagnostics: [Diagnostic] = []
        for segment in ScriptSegment.split(source.text) {
            switch segment.kind {
            case .dotCommand:
                blocks.append(FormattedBlock(dotCommand: segment))
            case .statements:
                do throws(DiagnosticError) {
                    blocks += try statementBlocks(segment)
                } catch {
                    diagnostics += error.diagnostics.map { $0.shifted(by: segment.offset) }
                }
            }
        }
        if !diagnostics.isEmpty { throw DiagnosticError(diagnostics, source: source) }
        return FormattedBlock.join(blocks, in: source.text)
    }

    /// The statements and comments of a run of TQL lines, each a block.
    func statementBlocks(_ segment: ScriptSegment) throws(DiagnosticError) -> [FormattedBlock] {
        let text = String(segment.text)
        let script = try Parser.parse(SourceText(name: "", text: text))
        var layout = StatementLayout(comments: CommentQueue(SourceComment.all(in: text)))
        let printer = LayoutPrinter(width: lineWidth)
        var blocks: [FormattedBlock] = []
        func commentBlocks(before offset: Int) {
            for comment in layout.comments.take(before: offset) {
                // A comment after code on the line of the statement before
                // (`a; # why`) stays at the end of that statement's line.
                if comment.isTrailing, let last = blocks.last, !last.endsWithComment {
                    blocks[blocks.count - 1].append(comment, offset: segment.offset)
                } else {
                    blocks.append(FormattedBlock(comment: comment, offset: segment.offset))
                }
            }
        }
        for statement in script.statements {
            commentBlocks(before: statement.span.start)
            let printed = printer.print(layout.statement(statement))
            try checkReparses(printed, statement: statement)
            var block = FormattedBlock(
                text: printed, start: segment.offset + statement.span.start,
                end: segment.offset + statement.span.end)
            // Comments inside the statement that no line break took (one
            // before a closing parenthesis) follow it.
            for comment in layout.comments.take(before: statement.span.end) {
                block.append(comment, offset: segment.offset)
            }
            blocks.append(block)
        }
        commentBlocks(before: Int.max)
        return blocks
    }

    /// Refuses a formatted statement that would not parse. Only the parser's
    /// limits can make it so: it counts each operator of an arithmetic chain
    /// as a level, so `(a + … + z) + (…)` written without its redundant
    /// parentheses can pass ``Parser/maximumNestingDepth`` where the original
    /// did not; and a statement near ``Parser/maximumStatementBytes`` may
    /// grow past it with canonical spacing.
    func checkReparses(_ printed: String, statement: Statement) throws(DiagnosticError) {
        let (_, problems) = Parser.parseRecovering(SourceText(name: "", text: printed))
        guard let problem = problems.first else { return }
        let refusal = Diagnostic(
            code: problem.code, message: "cannot format this statement: formatted, it would not parse",
            span: statement.span,
            notes: [.init(problem.message)], help: problem.help)
        throw DiagnosticError([refusal], source: SourceText(name: "", text: ""))
    }
}

extension Diagnostic {
    /// The diagnostic with its spans `offset` bytes further on.
    func shifted(by offset: Int) -> Diagnostic {
        var moved = self
        moved.span = span.map { SourceSpan(start: $0.start + offset, end: $0.end + offset) }
        moved.notes = notes.map { note in
            var note = note
            note.span = note.span.map { SourceSpan(start: $0.start + offset, end: $0.end + offset) }
            return note
        }
        return moved
    }
}
