/// The `condition:` section.
indirect enum RuleCondition: Sendable {
    case and([RuleCondition])
    case or([RuleCondition])
    /// `$e`: the event variable has at least one event.
    case present(String)
    /// `#e > 5`, `#ip > 1`, `$risk > 50`.
    case compare(RuleConditionTerm, RuleComparison, Double)
}

/// What a condition compares.
enum RuleConditionTerm: Sendable {
    /// `#e`: distinct events of an event variable.
    case eventCount(String)
    /// `#ip`: distinct values of a placeholder.
    case placeholderCount(String)
    /// `$name`: an outcome variable.
    case outcome(String)
}
