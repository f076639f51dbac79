// A unit name typed in a query must exist: in the data or the alias table.
extension Checker {
    func checkUnitNames(_ op: BinaryOperator, _ l: CheckedExpr, _ r: CheckedExpr) throws(Diagnostic) {
        guard [.equal, .notEqual, .has, .in, .notIn].contains(op) else { return }
        if l.isUnits { try checkUnitLiteral(r) }
        if r.isUnits { try checkUnitLiteral(l) }
    }

    private func checkUnitLiteral(_ e: CheckedExpr) throws(Diagnostic) {
        switch e.kind {
        case .literal(.string(let name)):
            try checkUnit(name, e.span)
        case .literal(.list(let items)):
            for case .string(let name) in items { try checkUnit(name, e.span) }
        case .list(let items):
            for item in items { try checkUnitLiteral(item) }
        default:
            break
        }
    }

    private func checkUnit(_ name: String, _ span: SourceSpan) throws(Diagnostic) {
        let units = environment.units
        guard !units.knows(name) else { return }
        throw Diagnostic(
            code: DiagnosticCode.unknownUnit,
            message: "unknown unit '\(name)': not in the loaded data or the alias table", span: span,
            help: units.help(for: name))
    }
}
