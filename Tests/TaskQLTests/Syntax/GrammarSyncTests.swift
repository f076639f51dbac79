import Foundation
import Testing

@testable import TaskQL

/// Grammar/taskql.ebnf is the truth: these fail, saying what is out of date,
/// when the parser, the keyword list, the precedence table or the examples
/// disagree with it.
struct GrammarSyncTests {
    let grammar: EBNFGrammar

    init() throws {
        grammar = EBNFGrammar(text: try EBNFGrammar.read("Grammar/taskql.ebnf"))
    }

    @Test func grammarFileIsRead() {
        #expect(grammar.syntactic.count > 30)
        #expect(grammar.lexical.count > 10)
        #expect(grammar.examples.count >= 10)
    }

    @Test func everySyntacticRuleHasAParseMethodQuotingIt() throws {
        let quoted = try QuotedRule.all(tag: "Grammar", in: "Sources/TaskQL/Syntax") {
            $0.hasPrefix("Parser") && $0.hasSuffix(".swift")
        }
        compare(grammar.syntactic, with: quoted, kind: "parse method", tag: "Grammar")
    }

    @Test func everyLexicalRuleIsQuotedByTheLexer() throws {
        let quoted = try QuotedRule.all(tag: "Lexical", in: "Sources/TaskQL/Syntax") { $0.hasSuffix(".swift") }
        compare(grammar.lexical, with: quoted, kind: "lexer function", tag: "Lexical")
    }

    func compare(_ rules: [EBNFRule], with quoted: [QuotedRule], kind: String, tag: String) {
        let ruleNames = Set(rules.map(\.name))
        for rule in rules {
            let quotes = quoted.filter { $0.name == rule.name }
            #expect(
                !quotes.isEmpty,
                "Parser is out of date: rule '\(rule.name)' in Grammar/taskql.ebnf has no \(kind) with a '/// \(tag): \(rule.name) = …' comment"
            )
            for quote in quotes where quote.body != rule.body {
                Issue.record(
                    "\(quote.file) is out of date: its '/// \(tag): \(rule.name)' comment says\n  \(quote.body)\nbut Grammar/taskql.ebnf says\n  \(rule.body)\n(run Grammar/sync-comments.py, then update the code)"
                )
            }
        }
        for quote in quoted where !ruleNames.contains(quote.name) {
            Issue.record(
                "Grammar/taskql.ebnf is out of date: \(quote.file) quotes rule '\(quote.name)', which the grammar does not have"
            )
        }
    }

    @Test func keywordsInTheGrammarAreTheLexersKeywords() {
        let isWord = { (t: String) in
            t.contains(where: \.isLetter) && t.allSatisfy { $0.isLetter && $0.isASCII || $0 == "_" }
        }
        let words = Set(grammar.allRules.flatMap(\.terminals).filter(isWord))
        #expect(
            words.subtracting(Lexer.keywords).isEmpty,
            "Lexer.keywords is out of date: the grammar quotes \(words.subtracting(Lexer.keywords).sorted()) which are not keywords"
        )
        #expect(
            Lexer.keywords.subtracting(words).isEmpty,
            "Grammar/taskql.ebnf is out of date: keywords \(Lexer.keywords.subtracting(words).sorted()) appear in no rule"
        )
        let reserved = Set(grammar.rule("reserved_word")?.terminals ?? [])
        #expect(
            reserved == Lexer.reservedWords,
            "reserved_word in Grammar/taskql.ebnf and Lexer.reservedWords differ: \(reserved.symmetricDifference(Lexer.reservedWords).sorted())"
        )
        let contextual = Set(grammar.rule("contextual_keyword")?.terminals ?? [])
        #expect(
            contextual == Lexer.contextualKeywords,
            "contextual_keyword in Grammar/taskql.ebnf and Lexer.contextualKeywords differ: \(contextual.symmetricDifference(Lexer.contextualKeywords).sorted())"
        )
        let names = Set(grammar.rule("name")?.terminals ?? [])
        #expect(names == Lexer.contextualKeywords, "rule 'name' must accept exactly the contextual keywords")
    }

    /// Issue 10: the stage table (`StageName`) is the grammar's `stage`
    /// rule, in its order; the parser, completion and help use the table.
    @Test func theStageTableIsTheGrammarsStageRule() throws {
        let body = try #require(grammar.rule("stage")?.body)
        let stages = body.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(stages == StageName.allCases.map { "\($0.rawValue)_stage" })
        #expect(Keyword.allCases.compactMap(\.stageName) == StageName.allCases)
    }

    @Test func readmePrecedenceTableMatchesTheParser() throws {
        let readme = try EBNFGrammar.read("Grammar/README.md")
        let rows = readme.components(separatedBy: "\n").filter {
            $0.range(of: #"^\| \d+ \|"#, options: .regularExpression) != nil
        }
        let table = rows.map { row -> PrecedenceLevel in
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let operators = cells[2].components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map(
                \.element)
            return PrecedenceLevel(
                rule: cells[1].replacingOccurrences(of: "`", with: ""), operators: operators,
                associativity: PrecedenceLevel.Associativity(rawValue: cells[3]) ?? .none)
        }
        #expect(
            table == Parser.precedenceTable,
            "Grammar/README.md's precedence table is out of date with Parser.precedenceTable:\nREADME: \(table)\nParser: \(Parser.precedenceTable)"
        )
    }

    @Test func layeredExpressionRulesMatchThePrecedenceTable() {
        let levels = Parser.precedenceTable
        #expect(
            grammar.rule("expression")?.references == [levels[0].rule],
            "'expression' must be the loosest level, \(levels[0].rule)")
        for (level, next) in zip(levels, levels.dropFirst()) {
            let refs = grammar.rule(level.rule)?.references ?? []
            #expect(
                refs.contains(next.rule),
                "Grammar/taskql.ebnf is out of date: \(level.rule) should lead to the next tighter level \(next.rule) (Parser.precedenceTable)"
            )
        }
        for level in levels {
            guard let rule = grammar.rule(level.rule) else {
                Issue.record("Grammar/taskql.ebnf lacks the precedence level rule \(level.rule)")
                continue
            }
            let helpers = rule.references.compactMap { grammar.rule($0) }.filter { $0.name.hasSuffix("_operator") }
            let terminals = Set(rule.terminals + helpers.flatMap(\.terminals))
            let words = Set(level.operators.flatMap { $0.split(separator: " ").map(String.init) })
            #expect(
                words == terminals,
                "Grammar/taskql.ebnf's \(level.rule) has operators \(terminals.sorted()) but Parser.precedenceTable says \(words.sorted())"
            )
        }
    }

    @Test func everyExampleInTheGrammarParses() {
        for example in grammar.examples {
            let source = SourceText(name: "example", text: example)
            do {
                _ = try Parser.parse(source)
            } catch {
                Issue.record(
                    "example in Grammar/taskql.ebnf does not parse: \(example)\n\(DiagnosticRenderer.render(error.diagnostics, source: source))"
                )
            }
        }
    }
}
