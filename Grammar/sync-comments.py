#!/usr/bin/env python3
"""Rewrites every `/// Grammar: rule = …` and `/// Lexical: rule = …` comment
in Sources/TaskQL/Syntax to quote the rule from Grammar/taskql.ebnf, so that
after changing the grammar the parser's comments can be brought in line
before the code itself is changed (GrammarSyncTests then shows what is left)."""
import pathlib, re

root = pathlib.Path(__file__).resolve().parent.parent
ebnf = re.sub(r"\(\*.*?\*\)", "", (root / "Grammar/taskql.ebnf").read_text(), flags=re.S)
rules = {}
for m in re.finditer(r"([A-Za-z_]+)\s*=((?:'[^']*'|\"[^\"]*\"|\?[^?]*\?|[^;'\"?])*);", ebnf):
    rules[m.group(1)] = " ".join(m.group(2).split())
for path in (root / "Sources/TaskQL/Syntax").glob("*.swift"):
    text = path.read_text()
    def quote(m):
        name = m.group(2)
        return f"{m.group(1)}{name} = {rules[name]} ;" if name in rules else m.group(0)
    new = re.sub(r"(/// (?:Grammar|Lexical): )([A-Za-z_]+) = .*", quote, text)
    if new != text:
        path.write_text(new)
        print("updated", path.name)
