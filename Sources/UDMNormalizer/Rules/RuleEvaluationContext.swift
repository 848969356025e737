/// What a boolean expression is evaluated against: one unnested row per variable it reads.
struct RuleEvaluationContext {
    var lists: [String: ReferenceList]
    var views: [String: RuleEventView] = [:]
    var rows: [String: [Int: RuleScalar]] = [:]
    var slots: [String: [RuleFieldPath: Int]] = [:]
    /// One value standing for a whole row: a statement that reads one path, evaluated per value.
    var single: (variable: String, path: RuleFieldPath, value: RuleScalar)?

    init(lists: [String: ReferenceList]) {
        self.lists = lists
    }

    /// A statement's truth (a binding holds when its value is not zero).
    func holds(_ expression: RuleExpression) -> Bool {
        switch expression {
        case .and(let children): return children.allSatisfy { holds($0) }
        case .or(let children): return children.contains { holds($0) }
        case .not(let child): return !holds(child)
        case .compare(let left, let comparison, let right, let nocase, _):
            if !left.isQuantified && !right.isQuantified {
                // One value a side (the common case): no arrays.
                let a = scalar(left)
                if case .regex(let pattern) = right {
                    let hit = pattern.matches(a.text)
                    return comparison == .equal ? hit : !hit
                }
                return Self.compare(a, comparison, scalar(right), nocase: nocase)
            }
            let lefts = values(left)
            let rights = values(right)
            func test(_ a: RuleScalar) -> Bool {
                func against(_ b: RuleScalar) -> Bool {
                    if case .regex(let pattern) = right {
                        let hit = pattern.matches(a.text)
                        return comparison == .equal ? hit : !hit
                    }
                    return Self.compare(a, comparison, b, nocase: nocase)
                }
                return quantified(right, rights, against)
            }
            return quantified(left, lefts, test)
        case .inList(let value, let name, let kind, _):
            guard let list = lists[name] else { return false }
            return quantified(value, values(value)) { list.contains($0.text, as: kind) }
        case .call(let call):
            switch scalar(call) {
            case .bool(let value): return value
            case let other: return !other.isZero
            }
        case .bind(let value, _, _):
            return !scalar(value).isZero
        }
    }

    /// A top-level statement's truth, recording a placeholder's value in `bindings`: a binding fails
    /// on a zero value or on a value other than the one bound before.
    func holds(_ expression: RuleExpression, bindings: inout [String: String]) -> Bool {
        guard case .bind(let value, let placeholder, _) = expression else { return holds(expression) }
        let bound = scalar(value)
        guard !bound.isZero else { return false }
        if let earlier = bindings[placeholder] { return earlier == bound.text }
        bindings[placeholder] = bound.text
        return true
    }

    /// Applies `test` to an operand's values: one value on a row, or all of a quantified field's.
    private func quantified(_ operand: RuleOperand, _ values: [RuleScalar], _ test: (RuleScalar) -> Bool) -> Bool {
        if case .field(_, _, .all?) = operand { return values.allSatisfy(test) }
        return values.contains(where: test)
    }

    /// An unquantified operand's value on the current row.
    func scalar(_ operand: RuleOperand) -> RuleScalar {
        switch operand {
        case .field(let variable, let path, let quantifier):
            if quantifier != nil { return views[variable]?.values(path).first ?? .absent }
            if let single, single.variable == variable, single.path == path { return single.value }
            guard let slot = slots[variable]?[path], let value = rows[variable]?[slot] else { return .absent }
            return value
        case .placeholder: return .absent
        case .string(let text): return .string(text)
        case .number(let number): return .number(number)
        case .regex(let pattern): return .string(pattern.pattern)
        case .call(let function, let arguments, _):
            var patterns: [Int: RE2Pattern] = [:]
            var scalars: [RuleScalar] = []
            scalars.reserveCapacity(arguments.count)
            for (index, argument) in arguments.enumerated() {
                if case .regex(let pattern) = argument { patterns[index] = pattern }
                scalars.append(scalar(argument))
            }
            return function.evaluate(scalars, patterns: patterns)
        }
    }

    /// An operand's values: one on the current row; every element for `any` / `all`.
    func values(_ operand: RuleOperand) -> [RuleScalar] {
        switch operand {
        case .field(let variable, let path, let quantifier):
            if quantifier != nil { return views[variable]?.values(path) ?? [.absent] }
            if let single, single.variable == variable, single.path == path { return [single.value] }
            guard let slot = slots[variable]?[path], let value = rows[variable]?[slot] else { return [.absent] }
            return [value]
        case .placeholder: return [.absent]
        case .string(let text): return [.string(text)]
        case .number(let number): return [.number(number)]
        case .regex(let pattern): return [.string(pattern.pattern)]
        case .call(let function, let arguments, _):
            var patterns: [Int: RE2Pattern] = [:]
            var scalars: [RuleScalar] = []
            for (index, argument) in arguments.enumerated() {
                if case .regex(let pattern) = argument { patterns[index] = pattern }
                scalars.append(values(argument).first ?? .absent)
            }
            return [function.evaluate(scalars, patterns: patterns)]
        }
    }

    /// `a op b`: numbers compare as numbers when either side is one, text otherwise (`nocase` folds case).
    static func compare(_ a: RuleScalar, _ comparison: RuleComparison, _ b: RuleScalar, nocase: Bool) -> Bool {
        if comparison == .equal || comparison == .notEqual {
            let equal: Bool
            if a.isNumeric || b.isNumeric {
                if let x = a.number, let y = b.number { equal = x == y } else { equal = a.text == b.text }
            } else if nocase {
                equal = a.text.lowercased() == b.text.lowercased()
            } else {
                equal = a.text == b.text
            }
            return equal == (comparison == .equal)
        }
        guard let x = a.number, let y = b.number else { return false }
        return comparison.holds(x < y ? -1 : (x == y ? 0 : 1))
    }
}
