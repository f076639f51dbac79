// Expressions as layout documents, with parentheses where the precedence
// table needs them (the syntax tree keeps no parentheses, so the layout
// decides from the operators) and around a negated comparison, for the
// reader; line breaks only after an operator or a comma, where a statement
// cannot end, and inside brackets.

/// The comparisons that can be negated in place: `a not contains b` is
/// `not (a contains b)`, and is how the formatter prints that.
private let negatableInPlace: Set<BinaryOperator> = [.contains, .startsWith, .endsWith, .matches, .has]

extension StatementLayout {
    /// An expression anywhere an `expression` may stand.
    mutating func expression(_ expr: Expr) -> LayoutDocument {
        expression(expr, atLeast: 1)
    }

    /// `expr` where the grammar wants an expression of precedence `level`
    /// or tighter: in parentheses when it is looser.
    mutating func expression(_ expr: Expr, atLeast level: Int) -> LayoutDocument {
        if ExpressionPrecedence.level(of: expr) < level { return parenthesised(expr) }
        switch expr.kind {
        case .literal(let literal): return .text(LiteralSpelling.of(literal))
        case .field(let name): return .text(name.name)
        case .parameter(let name): return .text("$" + name.name)
        case .list(let elements): return bracketed("[", elements, "]", closing: expr.span.end - 1)
        case .call(let function, let arguments):
            return bracketed(function.name + "(", arguments, ")", closing: expr.span.end - 1)
        case .unary(.not, let operand): return negation(operand)
        case .unary(.negate, let operand):
            // `- -x`, not `--x`.
            let sign = if case .unary(.negate, _) = operand.kind { "- " } else { "-" }
            return .concat([.text(sign), expression(operand, atLeast: ExpressionPrecedence.negation)])
        case .isNull(let operand, let negated):
            let tested = expression(operand, atLeast: ExpressionPrecedence.comparison + 1)
            return .concat([tested, .text(negated ? " is not null" : " is null")])
        case .binary(let op, let left, let right):
            let level = ExpressionPrecedence.level(of: op)
            if ExpressionPrecedence.isBalanced(op) { return balancedChain(expr, op: op, level: level) }
            if ExpressionPrecedence.isLeftAssociative(level) { return chain(expr, level: level) }
            return comparison(op.rawValue, left, right)
        }
    }

    /// `( expression )`, its breaks indented. (A comment right after a
    /// `(` of the source goes to the first break after it: the tree does
    /// not say where the parenthesis was.)
    mutating func parenthesised(_ expr: Expr) -> LayoutDocument {
        let inner = expression(expr)
        let closing = commentBreak(before: expr.span.end - 1)
        return .concat([.text("("), .indent(by: Self.continuationIndent, inner), closing, .text(")")])
    }

    /// `call` and `list`: the opening text, the items packed onto lines, the
    /// closing bracket (which is at byte `closing` of the source).
    mutating func bracketed(_ open: String, _ items: [Expr], _ close: String, closing: Int) -> LayoutDocument {
        let opening = items.first.map { commentBreak(before: $0.span.start) } ?? .concat([])
        let inside = list(items)
        let beforeClose = commentBreak(before: closing)
        return .concat([
            .text(open), .indent(by: Self.continuationIndent, .concat([opening, inside])), beforeClose, .text(close),
        ])
    }

    /// `not_expression = "not" not_expression | comparison ;` — a negated
    /// `contains` (`startswith` …) is written `a not contains b`; another
    /// negated comparison keeps parentheses (`not (a == b)`), which the
    /// grammar does not need but a reader does.
    mutating func negation(_ operand: Expr) -> LayoutDocument {
        if case .binary(let op, let left, let right) = operand.kind, negatableInPlace.contains(op) {
            return comparison("not " + op.rawValue, left, right)
        }
        if ExpressionPrecedence.level(of: operand) == ExpressionPrecedence.comparison {
            return .concat([.text("not "), parenthesised(operand)])
        }
        return .concat([.text("not "), expression(operand, atLeast: ExpressionPrecedence.not)])
    }

    /// `comparison = additive [ comparison_operator additive … ] ;` — one
    /// operator, its operands tighter than a comparison; the line may break
    /// after the operator.
    mutating func comparison(_ op: String, _ left: Expr, _ right: Expr) -> LayoutDocument {
        let operand = ExpressionPrecedence.comparison + 1
        let first = expression(left, atLeast: operand)
        let lineBreak = lineBreak(before: right.span.start)
        let second = expression(right, atLeast: operand)
        return .fill([.concat([first, .text(" " + op)]), lineBreak, second])
    }

    /// A left-associative chain of one level (`a - b + c`, `a * b / c`):
    /// left operands of the same level join the chain; a right operand of
    /// the same level needs parentheses (`a - (b - c)`).
    mutating func chain(_ expr: Expr, level: Int) -> LayoutDocument {
        var operators: [BinaryOperator] = []
        var rights: [Expr] = []
        var leftmost = expr
        while case .binary(let op, let left, let right) = leftmost.kind, ExpressionPrecedence.level(of: op) == level {
            operators.append(op)
            rights.append(right)
            leftmost = left
        }
        return joined([leftmost] + rights.reversed(), by: operators.reversed(), first: level, rest: level + 1)
    }

    /// An `and` (or `or`) node, written as one flat chain of its operands:
    /// the parser makes a chain of them, parenthesised parts of the same
    /// operator included, into the one balanced tree of its operands
    /// (``ScriptParser/associativeChain(_:operand:)``), so `a and (b and c)`
    /// and `a and b and c` are the same tree.
    mutating func balancedChain(_ expr: Expr, op: BinaryOperator, level: Int) -> LayoutDocument {
        var operands: [Expr] = []
        ScriptParser.appendOperands(of: expr, joinedBy: op, to: &operands)
        return joined(operands, by: Array(repeating: op, count: operands.count - 1), first: level + 1, rest: level + 1)
    }

    /// Operands joined by operators as one fill: packed onto lines, each
    /// break after an operator. The first operand is written at precedence
    /// `first` or tighter, the others at `rest`.
    mutating func joined(
        _ operands: [Expr], by operators: [BinaryOperator], first: Int, rest: Int
    ) -> LayoutDocument {
        var parts = [expression(operands[0], atLeast: first)]
        for (op, operand) in zip(operators, operands.dropFirst()) {
            parts[parts.count - 1] = .concat([parts[parts.count - 1], .text(" " + op.rawValue)])
            parts.append(lineBreak(before: operand.span.start))
            parts.append(expression(operand, atLeast: rest))
        }
        return .fill(parts)
    }
}
