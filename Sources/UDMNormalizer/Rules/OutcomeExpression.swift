/// The value of an `outcome:` variable.
indirect enum OutcomeExpression: Sendable {
    case number(Double)
    case string(String)
    /// A field of an event variable, not aggregated (the values of the detection's events).
    case field(variable: String, RuleFieldPath)
    /// An earlier outcome variable.
    case outcome(String)
    /// A placeholder's value (`array_distinct($instance_id)`).
    case placeholder(String)
    case aggregate(OutcomeAggregate, OutcomeExpression)
    /// `if(condition, then[, else])`; the else is 0 / "" when absent.
    case ifThen(RuleExpression, OutcomeExpression, OutcomeExpression?)
    case arithmetic(Character, OutcomeExpression, OutcomeExpression)
    case negate(OutcomeExpression)
    /// A function of values (`strings.concat`, …).
    case call(RuleFunction, [OutcomeExpression])

    /// Every field read, with its variable.
    var fields: [(variable: String, path: RuleFieldPath)] {
        switch self {
        case .number, .string, .outcome, .placeholder: return []
        case .field(let variable, let path): return [(variable, path)]
        case .aggregate(_, let inner), .negate(let inner): return inner.fields
        case .ifThen(let condition, let then, let otherwise):
            return condition.fields + then.fields + (otherwise?.fields ?? [])
        case .arithmetic(_, let left, let right): return left.fields + right.fields
        case .call(_, let arguments): return arguments.flatMap(\.fields)
        }
    }
}

/// `count`, `count_distinct`, `sum`, `max`, `min`, `array`, `array_distinct`.
enum OutcomeAggregate: String, Sendable, CaseIterable {
    case count
    case countDistinct = "count_distinct"
    case sum, max, min, array
    case arrayDistinct = "array_distinct"
}
