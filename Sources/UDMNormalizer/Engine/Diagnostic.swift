/// A note about a record that did not stop it: a value a rule could not convert, a field cut
/// to the size limit, an event-type fallback.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// What raised a diagnostic.
    public enum Source: Hashable, Sendable, CustomStringConvertible {
        /// A rule, `@check` or lookup row of a table.
        case rule(RuleID)
        /// The UDM validator: the event type's required fields were missing, so it fell back to `GENERIC_EVENT`.
        case validator
        /// The per-event output limits (labels over the limit were dropped).
        case limits
        /// Redaction: a string declared to hold JSON text could not be read as JSON, so nothing in
        /// it was redacted by key (shapes such as private keys still were).
        case redaction

        /// The rule's `file:line`, or `validator` / `limits`, as the CLI prints it before a note.
        public var description: String {
            switch self {
            case .rule(let id): return id.description
            case .validator: return "validator"
            case .limits: return "limits"
            case .redaction: return "redaction"
            }
        }
    }

    /// What raised it.
    public var source: Source
    /// What happened, in words.
    public var message: String

    /// A diagnostic raised by `source` saying `message`.
    ///
    /// - Parameters:
    ///   - source: The rule concerned, or the validator or limits.
    ///   - message: What happened, in words.
    public init(source: Source, message: String) {
        self.source = source
        self.message = message
    }

    /// A diagnostic about the rule `rule`.
    init(rule: RuleID, message: String) {
        self.init(source: .rule(rule), message: message)
    }

    /// The rule concerned; nil when the validator or the limits raised it.
    public var rule: RuleID? {
        if case .rule(let id) = source { return id }
        return nil
    }

    /// `source: message`, as the CLI prints a note.
    public var description: String { "\(source): \(message)" }
}
