extension RecordExplanation {
    /// The explanation as one JSON object (`udm-normalize explain --json`): `origin`, `outcome`,
    /// `log_type`, `event_type`, `classification`, `target_choice`, `fields` (`path`, `value` as the UDM event holds
    /// it, `rule`, `source`), `unread`, `excluded`, `redacted` (`path`, `entry`), `diagnostics`.
    public var json: String {
        func string(_ text: String?) -> String { text.map(JSONText.quoted) ?? "null" }
        var parts = [
            "\"origin\":\(string(origin))", "\"outcome\":\(string(outcomeText))",
            "\"log_type\":\(string(logType?.rawValue))",
            "\"event_type\":\(string(eventType?.rawValue))", "\"classification\":\(string(classification))",
            "\"target_choice\":\(string(targetChoice))",
        ]
        parts.append(
            "\"fields\":["
                + fields.map {
                    "{\"path\":\(string($0.path)),\"value\":\(Self.isJSON($0.value) ? $0.value : string($0.value)),\"rule\":\(string($0.rule.description)),\"source\":\(string($0.source))}"
                }.joined(separator: ",") + "]")
        parts.append(
            "\"unread\":["
                + unread.map { "{\"path\":\(string($0.path)),\"value\":\(string($0.value))}" }.joined(separator: ",")
                + "]")
        parts.append(
            "\"excluded\":["
                + excluded.map { "{\"declaration\":\(string($0.declaration)),\"values\":\($0.values)}" }.joined(
                    separator: ",") + "]")
        parts.append(
            "\"redacted\":["
                + redacted.map { "{\"path\":\(string($0.path)),\"entry\":\(string($0.entry))}" }.joined(separator: ",")
                + "]")
        parts.append(
            "\"diagnostics\":["
                + diagnostics.map { "{\"rule\":\(string($0.source.description)),\"message\":\(string($0.message))}" }
                .joined(
                    separator: ",") + "]")
        return "{" + parts.joined(separator: ",") + "}\n"
    }

    private static func isJSON(_ text: String) -> Bool {
        (try? JSONParser.parse(Array(text.utf8))) != nil
    }
}
