/// Why one record came out the way it did: every UDM field with the rule (`file:line`) and source
/// that produced it, the source fields no rule read, the classification decision and any fallback.
public struct RecordExplanation: Sendable {
    /// One output line and where it came from.
    public struct Field: Sendable, Equatable {
        /// `principal.user.userid`, `target.resource.attribute.labels.key`, …
        public var path: String
        /// The value as JSON.
        public var value: String
        /// The rule that wrote the line, or ``Diagnostic/Source/validator`` for the event-type fallback.
        public var rule: Diagnostic.Source
        /// What the rule reads, as written in its table (`userIdentity.arn`, `"AMAZON"`).
        public var source: String
    }

    /// Where the record came from: `file:line[:column]`, with `:Records[i]`-style suffixes inside envelopes.
    public var origin: String
    /// What became of the record: the event, the failure (its kind and detail) or the skip reason.
    public var outcome: NormalizationOutcome
    /// The log type of the table that took the record (`AWS_CLOUDTRAIL`, `GUARDDUTY`); nil when no table did.
    public var logType: LogType?
    /// The event's `metadata.event_type` (`USER_LOGIN`, …); nil unless the record was normalized.
    public var eventType: EventType?
    /// How the event type was decided, in words.
    public var classification: String?
    /// Which key and step of the general target rule named `target.resource` (`target.resource from
    /// requestParameters key 'FlowLogId' (step 3: the key names the call's noun)`); nil when no
    /// `| target_key` rule chose it.
    public var targetChoice: String?
    /// The event's fields in output order, one per line of the key-value output (a repeated field
    /// gives several, a label its `.key` and `.value`); empty unless the record was normalized.
    public var fields: [Field] = []
    /// Source values no rule that wrote a value read: (path with array indexes as `[*]`, value).
    public var unread: [(path: String, value: String)] = []
    /// Source values left out of coverage by `@opaque` / `@ignore`, by declaration.
    public var excluded: [(declaration: String, values: Int)] = []
    /// The event's diagnostics: values rules could not convert, fallbacks, cut values.
    public var diagnostics: [Diagnostic] = []
    /// Secrets taken out of the record before the rules read it: (source path, redaction entry).
    /// Every field written from such a path holds `[redacted:ENTRY]`.
    public var redacted: [(path: String, entry: String)] = []

    init(_ record: NormalizedRecord) {
        origin = record.origin
        logType = record.logType
        outcome = record.outcome
        switch record.outcome {
        case .failed, .skipped:
            break
        case .normalized(let event):
            eventType = event.eventType
            diagnostics = event.diagnostics
            redacted = event.redactions.map { ($0.path, $0.entry) }
            if let downgrade = event.downgrade {
                classification = "GENERIC_EVENT: the validator's fallback, because \(downgrade)"
            } else if let decision = event.classification {
                let how = decision.row.map { "lookup row \($0) via rule \(decision.rule)" } ?? "rule \(decision.rule)"
                classification =
                    "\(event.eventType) from \(how)"
                    + (decision.specific ? "" : " (the table's fallback, no specific row)")
            }
            UDMKeyValueWriter(event: event).forEachLine(instance: 0, prefix: "") { path, value, rule in
                let source = rule >= 0 ? event.rules[rule] : nil
                fields.append(
                    Field(
                        path: path, value: String(decoding: value, as: UTF8.self),
                        rule: source.map { .rule($0.id) } ?? .validator,
                        source: source.map { Self.sourceText($0.syntax.text) } ?? "(event-type fallback)"))
            }
            targetChoice = event.coverage?.targetChoice
            if let coverage = event.coverage {
                unread = coverage.unmapped.map { ($0.path, $0.example) }
                excluded = coverage.excluded.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            }
        }
    }

    /// `normalized`, `failed: reason` or `skipped: reason`, as the text and JSON forms state the outcome.
    var outcomeText: String {
        switch outcome {
        case .normalized: return "normalized"
        case .failed(let failure): return "failed: \(failure)"
        case .skipped(let reason): return "skipped: \(reason)"
        }
    }

    /// Whether the record became an event.
    var isNormalized: Bool {
        if case .normalized = outcome { return true }
        return false
    }

    /// The source part of a rule's text (before `->`).
    private static func sourceText(_ rule: String) -> String {
        guard let arrow = rule.firstRange(of: "->") else { return rule }
        return String(rule[..<arrow.lowerBound]).trimmingSpaces()
    }

    /// The explanation as text for a terminal.
    public var text: String {
        var lines: [String] = ["record: \(origin)", "outcome: \(outcomeText)"]
        if let logType { lines.append("log type: \(logType)") }
        if let classification { lines.append("event type: \(classification)") }
        if let targetChoice { lines.append("target: \(targetChoice)") }
        if !fields.isEmpty {
            lines.append("UDM fields (value ← source, rule):")
            let width = min(fields.map { $0.path.count + $0.value.count + 3 }.max() ?? 0, 90)
            for field in fields {
                let left = "\(field.path) = \(field.value)"
                let padding = String(repeating: " ", count: max(1, width - left.count + 1))
                lines.append("  \(left)\(padding)← \(field.source)  (\(field.rule))")
            }
        }
        if !unread.isEmpty {
            lines.append("source fields no rule read:")
            for (path, value) in unread { lines.append("  \(path) = \(JSONText.quoted(value))") }
        }
        if !excluded.isEmpty {
            lines.append("left out on purpose:")
            for (declaration, count) in excluded { lines.append("  \(declaration) (\(count) values)") }
        }
        if !redacted.isEmpty {
            lines.append("redacted before the rules read them (source ← entry):")
            for (path, entry) in redacted { lines.append("  \(path) ← \(entry)") }
        }
        if !diagnostics.isEmpty {
            lines.append("diagnostics:")
            for diagnostic in diagnostics { lines.append("  \(diagnostic)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    func trimmingSpaces() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}

extension Normalizer {
    /// Explains the records of an input (coverage is tracked for the explanation whatever the options say).
    ///
    /// ```swift
    /// for explanation in normalizer.explain(input: bytes, source: "trail.json") {
    ///     print(explanation.text)
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - input: The whole input, in any shape ``normalize(input:source:_:)-([UInt8],_,_)`` takes.
    ///   - source: The name origins start with.
    /// - Returns: One explanation per record, in input order.
    public func explain(input: [UInt8], source: String) -> [RecordExplanation] {
        var options = self.options
        options.trackCoverage = true
        var explanations: [RecordExplanation] = []
        Normalizer(mappings: mappings, options: options).normalize(input: input, source: source) {
            explanations.append(RecordExplanation($0))
        }
        return explanations
    }
}
