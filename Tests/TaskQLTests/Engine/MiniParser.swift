@testable import TaskQL

// A small TQL parser for the back end's tests, written before the real
// parser was merged. It produces the same syntax tree with byte spans; the
// tests' expectations (spans computed from the query text) hold for any
// correct parser. TODO(merge front): switch `parseForTest` to Parser.parse.

struct MiniParseError: Error { var message: String }

func parseForTest(_ source: SourceText) throws -> Script {
    var p = MiniParser(source.text)
    return try p.script()
}

private enum Tok: Equatable {
    case word(String), string(String), int(Int), decimal(Double), date(CivilDate), param(String), sym(String), end
}

struct MiniParser {
    private var toks: [(Tok, SourceSpan)] = []
    private var i = 0

    init(_ text: String) {
        let b = Array(text.utf8)
        var k = 0
        func isWordByte(_ c: UInt8) -> Bool { c >= 0x80 || c == 0x5F || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || (c >= 0x30 && c <= 0x39) }
        while k < b.count {
            let c = b[k]
            if c == 0x20 || c == 0x0A || c == 0x09 { k += 1; continue }
            let start = k
            if c == 0x22 || c == 0x27 {
                k += 1
                while k < b.count, b[k] != c { k += 1 }
                toks.append((.string(String(decoding: b[(start + 1)..<k], as: UTF8.self)), SourceSpan(start: start, end: k + 1)))
                k += 1
            } else if c >= 0x30 && c <= 0x39 {
                while k < b.count, (b[k] >= 0x30 && b[k] <= 0x39) || b[k] == 0x2E || b[k] == 0x2D { k += 1 }
                let s = String(decoding: b[start..<k], as: UTF8.self)
                let tok: Tok = if let d = CivilDate(iso: s) { .date(d) } else if let n = Int(s) { .int(n) } else { .decimal(Double(s) ?? 0) }
                toks.append((tok, SourceSpan(start: start, end: k)))
            } else if c == 0x24 {
                k += 1
                while k < b.count, isWordByte(b[k]) { k += 1 }
                toks.append((.param(String(decoding: b[(start + 1)..<k], as: UTF8.self)), SourceSpan(start: start, end: k)))
            } else if isWordByte(c) {
                while k < b.count, isWordByte(b[k]) { k += 1 }
                toks.append((.word(String(decoding: b[start..<k], as: UTF8.self)), SourceSpan(start: start, end: k)))
            } else {
                let two = k + 1 < b.count ? String(decoding: b[k...(k + 1)], as: UTF8.self) : ""
                let len = ["==", "!=", "<=", ">="].contains(two) ? 2 : 1
                k += len
                toks.append((.sym(String(decoding: b[start..<k], as: UTF8.self)), SourceSpan(start: start, end: k)))
            }
        }
        toks.append((.end, SourceSpan(start: b.count, end: b.count)))
    }

    private var tok: Tok { toks[i].0 }
    private var span: SourceSpan { toks[i].1 }
    private var prevEnd: Int { toks[max(0, i - 1)].1.end }
    private func isWord(_ w: String) -> Bool { tok == .word(w) }
    private mutating func accept(_ t: Tok) -> Bool { if tok == t { i += 1; return true }; return false }
    private mutating func expect(_ t: Tok) throws { guard accept(t) else { throw MiniParseError(message: "expected \(t) at \(span)") } }
    private mutating func ident() throws -> Identifier {
        guard case .word(let w) = tok else { throw MiniParseError(message: "expected a name at \(span)") }
        defer { i += 1 }
        return Identifier(w, span: span)
    }

    mutating func script() throws -> Script {
        var statements: [Statement] = []
        while tok != .end {
            if accept(.sym(";")) { continue }
            let start = span.start
            if isWord("let") {
                i += 1
                let name = try ident()
                try expect(.sym("="))
                let p = try pipeline()
                statements.append(.let(name: name, pipeline: p, span: SourceSpan(start: start, end: prevEnd)))
            } else if isWord("load") {
                i += 1
                guard case .string(let path) = tok else { throw MiniParseError(message: "path") }
                let pathSpan = span
                i += 1
                statements.append(.load(path: path, pathSpan: pathSpan, name: nil, span: SourceSpan(start: start, end: prevEnd)))
            } else {
                statements.append(.query(try pipeline()))
            }
        }
        return Script(statements: statements)
    }

    private mutating func pipeline() throws -> Pipeline {
        let source = try ident()
        var stages: [Stage] = []
        while accept(.sym("|")) {
            let start = span.start
            let kind = try stage()
            stages.append(Stage(kind, span: SourceSpan(start: start, end: prevEnd)))
        }
        return Pipeline(source: source, stages: stages, span: SourceSpan(start: source.span.start, end: prevEnd))
    }

    private mutating func stage() throws -> StageKind {
        let name = try ident().name
        switch name {
        case "where": return .where(try expr())
        case "select": return .select(try projections())
        case "extend": return .extend(try assignments())
        case "sort": _ = accept(.word("by")); return .sort(try sortKeys())
        case "take": return .take(try expr())
        case "skip": return .skip(try expr())
        case "top":
            let n = try expr()
            try expect(.word("by"))
            return .top(count: n, keys: try sortKeys())
        case "count": return .count(by: accept(.word("by")) ? try projections() : [])
        case "summarize":
            let a = try assignments()
            return .summarize(aggregates: a, by: accept(.word("by")) ? try projections() : [])
        case "distinct": return .distinct(try projections())
        case "explode":
            let e = try expr()
            return .explode(e, alias: accept(.word("as")) ? try ident() : nil)
        case "search": return .search(try expr())
        case "chart": return .chart
        default: throw MiniParseError(message: "unknown stage \(name)")
        }
    }

    private mutating func projections() throws -> [Projection] {
        var ps: [Projection] = []
        repeat {
            let e = try expr()
            ps.append(Projection(expr: e, alias: accept(.word("as")) ? try ident() : nil))
        } while accept(.sym(","))
        return ps
    }

    private mutating func assignments() throws -> [Assignment] {
        var result: [Assignment] = []
        repeat {
            let name = try ident()
            try expect(.sym("="))
            result.append(Assignment(name: name, expr: try expr()))
        } while accept(.sym(","))
        return result
    }

    private mutating func sortKeys() throws -> [SortKey] {
        var keys: [SortKey] = []
        repeat {
            let e = try expr()
            let desc = accept(.word("desc"))
            if !desc { _ = accept(.word("asc")) }
            keys.append(SortKey(expr: e, descending: desc))
        } while accept(.sym(","))
        return keys
    }

    private mutating func expr() throws -> Expr { try binary(0) }

    private static let levels: [[String]] = [
        ["or"], ["and"], ["==", "!=", "<", "<=", ">", ">=", "in", "not in", "contains", "startswith", "endswith", "matches", "has"],
        ["+", "-"], ["*", "/"],
    ]

    private mutating func binaryOperator(_ level: Int) -> BinaryOperator? {
        let text: String
        switch tok {
        case .word("not") where level == 2 && toks[i + 1].0 == .word("in"): text = "not in"
        case .word(let w): text = w
        case .sym(let s): text = s
        default: return nil
        }
        guard Self.levels[level].contains(text), let op = BinaryOperator(rawValue: text) else { return nil }
        i += text == "not in" ? 2 : 1
        return op
    }

    private mutating func binary(_ level: Int) throws -> Expr {
        if level == Self.levels.count { return try unary() }
        if level == 2, isWord("not") {
            let start = span.start
            i += 1
            let inner = try binary(2)
            return Expr(.unary(.not, inner), span: SourceSpan(start: start, end: inner.span.end))
        }
        var left = try binary(level + 1)
        while true {
            if level == 2, isWord("is") {
                i += 1
                let negated = accept(.word("not"))
                try expect(.word("null"))
                left = Expr(.isNull(left, negated: negated), span: SourceSpan(start: left.span.start, end: prevEnd))
                continue
            }
            guard let op = binaryOperator(level) else { return left }
            let right = try binary(level + 1)
            left = Expr(.binary(op, left, right), span: left.span.union(right.span))
        }
    }

    private mutating func unary() throws -> Expr {
        let start = span.start
        if accept(.sym("-")) {
            let inner = try unary()
            return Expr(.unary(.negate, inner), span: SourceSpan(start: start, end: inner.span.end))
        }
        return try primary()
    }

    private mutating func primary() throws -> Expr {
        let s = span
        switch tok {
        case .string(let v): i += 1; return Expr(.literal(.string(v)), span: s)
        case .int(let v): i += 1; return Expr(.literal(.int(v)), span: s)
        case .decimal(let v): i += 1; return Expr(.literal(.decimal(v)), span: s)
        case .date(let v): i += 1; return Expr(.literal(.date(v)), span: s)
        case .param(let v): i += 1; return Expr(.parameter(Identifier(v, span: s)), span: s)
        case .sym("("):
            i += 1
            let e = try expr()
            try expect(.sym(")"))
            return e
        case .sym("["):
            i += 1
            var items: [Expr] = []
            if !accept(.sym("]")) {
                repeat { items.append(try expr()) } while accept(.sym(","))
                try expect(.sym("]"))
            }
            return Expr(.list(items), span: SourceSpan(start: s.start, end: prevEnd))
        case .word("true"): i += 1; return Expr(.literal(.bool(true)), span: s)
        case .word("false"): i += 1; return Expr(.literal(.bool(false)), span: s)
        case .word("null"): i += 1; return Expr(.literal(.null), span: s)
        case .word:
            let name = try ident()
            guard accept(.sym("(")) else { return Expr(.field(name), span: s) }
            var args: [Expr] = []
            if !accept(.sym(")")) {
                repeat { args.append(try expr()) } while accept(.sym(","))
                try expect(.sym(")"))
            }
            return Expr(.call(name, args), span: SourceSpan(start: s.start, end: prevEnd))
        default:
            throw MiniParseError(message: "unexpected \(tok) at \(s)")
        }
    }
}
