/// Which rule set `metadata.event_type`, and whether a specific table row did (rather than a default).
public struct Classification: Sendable, Equatable {
    /// The rule that wrote the event type.
    public var rule: RuleID
    /// True when a lookup row or a conditional rule chose the type; false for a fallback constant or lookup default.
    public var specific: Bool
    /// The lookup row that matched, when a lookup chose the type.
    public var row: RuleID?
}
