/// Computes `outcome:` variables over a group of joined events and checks `condition:`.
struct OutcomeEvaluator {
    let rule: DetectionRule
    let group: RuleGroup
    let lists: [String: ReferenceList]
    private(set) var values: [String: OutcomeValue] = [:]

    init(rule: DetectionRule, group: RuleGroup, lists: [String: ReferenceList]) {
        self.rule = rule
        self.group = group
        self.lists = lists
        for (name, expression) in rule.outcomes {
            values[name] = value(expression)
        }
    }

    var outcomes: [(name: String, value: OutcomeValue)] {
        rule.outcomes.compactMap { name, _ in values[name].map { (name, $0) } }
    }

    /// Whether `condition:` holds for the group.
    func holds(_ condition: RuleCondition) -> Bool {
        switch condition {
        case .and(let children): return children.allSatisfy(holds)
        case .or(let children): return children.contains(where: holds)
        case .present(let variable):
            if rule.entityVariables.contains(variable) { return !group.tuples.isEmpty }
            return group.eventCount(variable) > 0
        case .compare(let term, let comparison, let number):
            let figure: Double
            switch term {
            case .eventCount(let variable): figure = Double(group.eventCount(variable))
            case .placeholderCount(let name): figure = Double(group.placeholderCount(name))
            case .outcome(let name): figure = values[name]?.number ?? 0
            }
            return comparison.holds(figure < number ? -1 : (figure == number ? 0 : 1))
        }
    }

    /// An outcome over the whole group: aggregates over every combination; a plain field gives its
    /// distinct values (one value as text).
    private func value(_ expression: OutcomeExpression) -> OutcomeValue {
        switch expression {
        case .number(let number): return .number(number)
        case .string(let text): return .text(text)
        case .outcome(let name): return values[name] ?? .text("")
        case .aggregate(let aggregate, let inner):
            return Self.aggregate(aggregate, group.tuples.flatMap { scalars(inner, $0) })
        case .arithmetic(let op, let left, let right):
            return .number(Self.apply(op, value(left).number, value(right).number))
        case .negate(let inner): return .number(-value(inner).number)
        case .field, .placeholder, .ifThen, .call:
            let distinct = Self.distinct(group.tuples.flatMap { scalars(expression, $0) })
            if case .field = expression {
                return distinct.count == 1 ? .text(distinct[0]) : .list(distinct)
            }
            if distinct.count == 1, let number = Double(distinct[0]), !expression.isText { return .number(number) }
            return distinct.count == 1 ? .text(distinct[0]) : .list(distinct)
        }
    }

    /// An expression's values for one combination (a repeated field gives each element).
    private func scalars(_ expression: OutcomeExpression, _ tuple: RuleGroup.Tuple) -> [RuleScalar] {
        switch expression {
        case .number(let number): return [.number(number)]
        case .string(let text): return [.string(text)]
        case .outcome(let name):
            switch values[name] {
            case .number(let number)?: return [.number(number)]
            case .text(let text)?: return [.string(text)]
            case .list(let items)?: return items.map { .string($0) }
            case nil: return [.absent]
            }
        case .placeholder(let name): return [tuple.bindings[name].map { .string($0) } ?? .absent]
        case .field(let variable, let path):
            guard let view = tuple.members[variable]?.view else { return [.absent] }
            return view.values(path)
        case .aggregate(let aggregate, let inner):
            return [Self.aggregate(aggregate, scalars(inner, tuple)).scalar]
        case .arithmetic(let op, let left, let right):
            let a = scalars(left, tuple).first?.number ?? 0
            let b = scalars(right, tuple).first?.number ?? 0
            return [.number(Self.apply(op, a, b))]
        case .negate(let inner): return [.number(-(scalars(inner, tuple).first?.number ?? 0))]
        case .ifThen(let condition, let then, let otherwise):
            if conditionHolds(condition, tuple) { return scalars(then, tuple) }
            if let otherwise { return scalars(otherwise, tuple) }
            return then.isText ? [.string("")] : [.number(0)]
        case .call(let function, let arguments):
            return [function.evaluate(arguments.map { scalars($0, tuple).first ?? .absent }, patterns: [:])]
        }
    }

    /// An `if` condition on one combination: some row of the events it reads meets it.
    private func conditionHolds(_ condition: RuleExpression, _ tuple: RuleGroup.Tuple) -> Bool {
        var context = RuleEvaluationContext(lists: lists)
        var rowSets: [(String, [[Int: RuleScalar]])] = []
        let byVariable = Dictionary(grouping: condition.fields, by: \.variable)
        for (variable, fields) in byVariable {
            guard let view = tuple.members[variable]?.view else { return false }
            let (trie, slots) = RulePlan.number(fields.map(\.path))
            context.views[variable] = view
            context.slots[variable] = slots
            rowSets.append((variable, view.rows(trie)))
        }
        return RulePlan.anyCombination(rowSets[...], &context) { $0.holds(condition) }
    }

    static func apply(_ op: Character, _ a: Double, _ b: Double) -> Double {
        switch op {
        case "+": return a + b
        case "-": return a - b
        case "*": return a * b
        default: return b == 0 ? 0 : a / b
        }
    }

    static func distinct(_ scalars: [RuleScalar]) -> [String] {
        var seen: Set<String> = []
        var out: [String] = []
        for scalar in scalars where scalar != .absent {
            let text = scalar.text
            if !text.isEmpty, seen.insert(text).inserted { out.append(text) }
        }
        return out
    }

    static func aggregate(_ aggregate: OutcomeAggregate, _ scalars: [RuleScalar]) -> OutcomeValue {
        let present = scalars.filter { $0 != .absent && $0 != .string("") }
        switch aggregate {
        case .count: return .number(Double(present.count))
        case .countDistinct: return .number(Double(distinct(present).count))
        case .sum: return .number(present.compactMap(\.number).reduce(0, +))
        case .max: return .number(present.compactMap(\.number).max() ?? 0)
        case .min: return .number(present.compactMap(\.number).min() ?? 0)
        case .array: return .list(present.map(\.text))
        case .arrayDistinct: return .list(distinct(present))
        }
    }
}

extension OutcomeValue {
    var scalar: RuleScalar {
        switch self {
        case .number(let number): return .number(number)
        case .text(let text): return .string(text)
        case .list(let items): return items.first.map { .string($0) } ?? .absent
        }
    }
}

extension OutcomeExpression {
    /// Whether the expression gives text (strings, fields) rather than numbers.
    var isText: Bool {
        switch self {
        case .string, .field, .placeholder: return true
        case .ifThen(_, let then, _): return then.isText
        case .call(let function, _): return function != .length && function != .countSubstrings
        default: return false
        }
    }
}
