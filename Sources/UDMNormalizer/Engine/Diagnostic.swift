/// Something worth telling about one record that did not stop it from becoming a UDM event:
/// a rule that met a value it could not convert, a fallback of the event type, a repaired string.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// `file:line` of the rule concerned, or `validator` / `reader` for engine-level notes.
    public var rule: String
    /// What happened, in words.
    public var message: String

    /// A diagnostic about the rule `rule` saying `message`.
    ///
    /// - Parameters:
    ///   - rule: `file:line` of the rule concerned (`cloudtrail.map:42`), or `validator` / `reader`.
    ///   - message: What happened, in words.
    public init(rule: String, message: String) {
        self.rule = rule
        self.message = message
    }

    /// `rule: message`, as the CLI prints a note.
    public var description: String { "\(rule): \(message)" }
}
