import Testing

@testable import TaskQL

/// Thousands of random (mostly wrong) pipelines: checking and running them
/// must end in rows or diagnostics, never a crash or a hang.
@Suite struct RandomQueryTests {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state ^ (state >> 29)
        }
    }

    static let names = TaskField.allNames + ["n", "u", "count", "unit", "x", "lead_unit", "城"]
    static let functions = FunctionCatalog.allNames + ["lenn", "foo"]
    static let literals: [Literal] = [
        .null, .bool(true), .int(0), .int(-1), .int(Int.max), .decimal(2.5), .string("海门"), .string("发改委"),
        .string("[0-9"), .string("(a+)+$"), .string("2020-06-30"), .date(CivilDate(iso: "2020-06-30")!),
    ]

    static func expr(_ g: inout Generator, depth: Int) -> Expr {
        let s = SourceSpan(start: 0, end: 0)
        let choice = depth > 3 ? Int.random(in: 0..<3, using: &g) : Int.random(in: 0..<8, using: &g)
        switch choice {
        case 0: return Expr(.field(Identifier(names.randomElement(using: &g)!, span: s)), span: s)
        case 1: return Expr(.literal(literals.randomElement(using: &g)!), span: s)
        case 2: return Expr(.parameter(Identifier("p", span: s)), span: s)
        case 3, 4:
            let op = BinaryOperator.allCases.randomElement(using: &g)!
            return Expr(.binary(op, expr(&g, depth: depth + 1), expr(&g, depth: depth + 1)), span: s)
        case 5:
            let args = (0..<Int.random(in: 0..<3, using: &g)).map { _ in expr(&g, depth: depth + 1) }
            return Expr(.call(Identifier(functions.randomElement(using: &g)!, span: s), args), span: s)
        case 6: return Expr(.list([expr(&g, depth: depth + 1), expr(&g, depth: depth + 1)]), span: s)
        default:
            return Bool.random(using: &g)
                ? Expr(.unary(.not, expr(&g, depth: depth + 1)), span: s)
                : Expr(.isNull(expr(&g, depth: depth + 1), negated: Bool.random(using: &g)), span: s)
        }
    }

    static func stage(_ g: inout Generator) -> Stage {
        let s = SourceSpan(start: 0, end: 0)
        let e = { (g: inout Generator) in expr(&g, depth: 0) }
        let name = { (g: inout Generator) in Identifier(names.randomElement(using: &g)!, span: s) }
        let kinds: [StageKind] = [
            .where(e(&g)), .select([Projection(expr: e(&g), alias: nil), Projection(expr: e(&g), alias: name(&g))]),
            .extend([Assignment(name: name(&g), expr: e(&g))]), .sort([SortKey(expr: e(&g), descending: true)]),
            .take(e(&g)), .skip(e(&g)), .top(count: e(&g), keys: [SortKey(expr: e(&g), descending: false)]),
            .count(by: []), .count(by: [Projection(expr: e(&g), alias: nil)]),
            .summarize(
                aggregates: [Assignment(name: name(&g), expr: e(&g))], by: [Projection(expr: e(&g), alias: nil)]),
            .distinct([Projection(expr: e(&g), alias: nil)]), .explode(e(&g), alias: name(&g)), .search(e(&g)), .chart,
        ]
        return Stage(kinds.randomElement(using: &g)!, span: s)
    }

    @Test func randomPipelinesNeverCrash() throws {
        var g = Generator(state: 20_200_630)
        var ran = 0
        let parameterValues: [Value] = ["发改委", 3, .null, .list(["a"]), .date(CivilDate(iso: "2020-01-01")!)]
        for _ in 0..<3000 {
            let stages = (0..<Int.random(in: 1...4, using: &g)).map { _ in Self.stage(&g) }
            let pipeline = Pipeline(
                source: .name(
                    Identifier(
                        ["tasks", "haimen", "nope"].randomElement(using: &g)!, span: SourceSpan(start: 0, end: 0))),
                stages: stages, span: SourceSpan(start: 0, end: 0))
            let source = SourceText(name: "<random>", text: "")
            do {
                let q = try EngineFixture.engine.prepare(Script(statements: [.query(pipeline)]), source: source)
                _ = try q.run(["p": parameterValues.randomElement(using: &g)!])
                ran += 1
            } catch {
                // Diagnostics are the expected outcome for most random input.
            }
        }
        #expect(ran > 50)
    }
}
