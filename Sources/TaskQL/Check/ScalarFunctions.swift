import Foundation

/// Scalar functions: checked by argument count and type, compiled to closures.
enum ScalarFunctions {
    /// A function's signature and implementation.
    struct Definition: Sendable {
        var arity: ClosedRange<Int>
        var summary: String
        /// Checks argument types, returns the result type.
        var check: @Sendable ([ValueType], [SourceSpan]) throws -> ValueType
        var apply: @Sendable ([Value], RunContext) -> Value
        var unitResult = false
    }

    static let names: [String] = definitions.keys.sorted()

    /// name → one-line description (for `.help functions`).
    static var summaries: [(String, String)] { names.map { ($0, definitions[$0]!.summary) } }

    static func compile(
        _ name: Identifier, _ arguments: [CompiledExpr], argumentSpans: [SourceSpan], span: SourceSpan,
        env: CompileEnvironment
    ) throws -> CompiledExpr {
        guard let definition = definitions[name.name] else {
            throw CheckFailure(
                CheckCode.unknownFunction, "unknown function '\(name.name)'", span: name.span,
                help: NameSuggestion.help(for: name.name, in: names + AggregateFunction.allCases.map(\.rawValue)))
        }
        guard definition.arity.contains(arguments.count) else {
            let expected = definition.arity.lowerBound == definition.arity.upperBound
                ? "\(definition.arity.lowerBound)" : "\(definition.arity.lowerBound)–\(definition.arity.upperBound)"
            throw CheckFailure(
                CheckCode.argumentCount, "\(name.name)() takes \(expected) argument(s), found \(arguments.count)", span: span)
        }
        let type = try definition.check(arguments.map(\.type), argumentSpans)
        let context = env.context
        let apply = definition.apply
        return CompiledExpr(type: type, holdsUnits: definition.unitResult, eval: { row in
            apply(try arguments.map { try $0.eval(row) }, context)
        })
    }

    private static func expect(_ types: [ValueType], _ spans: [SourceSpan], _ i: Int, _ allowed: [ValueType], _ what: String) throws {
        try TypeRules.expect(types[i], among: allowed, spans[i], what)
    }

    private static func string(_ f: @escaping @Sendable (String) -> String, _ summary: String, name: String) -> Definition {
        Definition(arity: 1...1, summary: summary, check: { t, s in
            try expect(t, s, 0, [.string], "\(name)() needs text")
            return .string
        }, apply: { args, _ in args[0].stringValue.map { .string(f($0)) } ?? .null })
    }

    private static func datePart(_ f: @escaping @Sendable (CivilDate) -> Int, _ summary: String, name: String) -> Definition {
        Definition(arity: 1...1, summary: summary, check: { t, s in
            try expect(t, s, 0, [.date], "\(name)() needs a date")
            return .int
        }, apply: { args, _ in
            if case .date(let d) = args[0] { return .int(f(d)) }
            return .null
        })
    }

    static let definitions: [String: Definition] = [
        "len": Definition(arity: 1...1, summary: "length of text (characters) or of a list", check: { t, s in
            try expect(t, s, 0, [.string, .list(.any)], "len() needs text or a list")
            return .int
        }, apply: { args, _ in
            switch args[0] {
            case .string(let s): .int(s.count)
            case .list(let l): .int(l.count)
            default: .null
            }
        }),
        "lower": string({ $0.lowercased() }, "text in lower case", name: "lower"),
        "upper": string({ $0.uppercased() }, "text in upper case", name: "upper"),
        "trim": string({ $0.trimmingCharacters(in: .whitespacesAndNewlines) }, "text without surrounding spaces", name: "trim"),
        "unit": Definition(arity: 1...1, summary: "canonical unit name (element-wise on lists)", check: { t, s in
            try expect(t, s, 0, [.string, .list(.string)], "unit() needs a unit name or a list of them")
            return t[0]
        }, apply: { args, context in
            switch args[0] {
            case .string(let s): .string(context.canonical(s))
            case .list(let l): .list(l.map { $0.stringValue.map { .string(context.canonical($0)) } ?? $0 })
            default: .null
            }
        }, unitResult: true),
        "year": datePart({ $0.year }, "year of a date", name: "year"),
        "month": datePart({ $0.month }, "month (1–12) of a date", name: "month"),
        "day": datePart({ $0.day }, "day of the month of a date", name: "day"),
        "days": Definition(arity: 2...2, summary: "days(from, to): days between two dates", check: { t, s in
            try expect(t, s, 0, [.date], "days() needs dates")
            try expect(t, s, 1, [.date], "days() needs dates")
            return .int
        }, apply: { args, _ in
            if case .date(let a) = args[0], case .date(let b) = args[1] { return .int(Int(b.daysSinceEpoch) - Int(a.daysSinceEpoch)) }
            return .null
        }),
        "date": Definition(arity: 1...1, summary: "date from 'YYYY-MM-DD' text", check: { t, s in
            try expect(t, s, 0, [.string, .date], "date() needs text")
            return .date
        }, apply: { args, _ in
            switch args[0] {
            case .date: args[0]
            case .string(let s): CivilDate(iso: s).map(Value.date) ?? .null
            default: .null
            }
        }),
        "coalesce": Definition(arity: 1...16, summary: "the first argument that is not null", check: { t, _ in
            t.first { $0 != .null && $0 != .any } ?? .any
        }, apply: { args, _ in args.first { !$0.isNull } ?? .null }),
        "join": Definition(arity: 1...2, summary: "join(list, sep): list elements as text", check: { t, s in
            try expect(t, s, 0, [.list(.any)], "join() needs a list")
            if t.count > 1 { try expect(t, s, 1, [.string], "join() needs a text separator") }
            return .string
        }, apply: { args, _ in
            guard case .list(let l) = args[0] else { return .null }
            let sep = args.count > 1 ? (args[1].stringValue ?? "、") : "、"
            return .string(l.map(\.displayText).joined(separator: sep))
        }),
        "first": Definition(arity: 1...1, summary: "first element of a list, or null", check: { t, s in
            try expect(t, s, 0, [.list(.any)], "first() needs a list")
            if case .list(let e) = t[0] { return e }
            return .any
        }, apply: { args, _ in
            if case .list(let l) = args[0] { return l.first ?? .null }
            return .null
        }),
    ]
}
