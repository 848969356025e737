/// One normalized UDM event, ready to be written as JSON or as `path = "value"` lines.
///
/// It keeps a reference to the parsed record so that unchanged source strings are copied to the
/// output without being decoded and re-encoded.
public final class UDMEvent: Sendable {
    let document: JSONDocument
    let builder: UDMEventBuilder
    let schema: UDMSchema
    /// The log type of the table that produced it (`.awsCloudTrail`, …).
    public let logType: LogType
    /// Notes about values that could not be mapped, and any event-type fallback.
    public let diagnostics: [Diagnostic]
    let rules: [CompiledRule]
    /// What identifies the record for de-duplication (`@dedupe_key`), when its table declares one.
    public var dedupeKey: String? { dedupeKeyText.map { builder.string($0) } }
    /// The dedupe key in the event's text arena: made into a `String` only when asked for.
    let dedupeKeyText: TextRef?
    /// Indexes (into `rules`) of the rules that wrote a value, in firing order.
    let firedRules: [Int]
    /// Which rule set the event type, and whether through a specific table row.
    public let classification: Classification?
    /// Why the validator replaced the event type with GENERIC_EVENT, if it did.
    public let downgrade: String?
    /// Source coverage, when the normalizer tracked it.
    let coverage: RecordCoverage?
    /// The secrets taken out of the record before the rules read it (the source is redacted, so
    /// every field written from it holds the marker `[redacted:ENTRY]`).
    let redactions: [RedactionHit]

    init(
        document: JSONDocument, builder: UDMEventBuilder, schema: UDMSchema, logType: String, diagnostics: [Diagnostic],
        rules: [CompiledRule], dedupeKey: TextRef?, firedRules: [Int], classification: Classification?,
        downgrade: String?,
        coverage: RecordCoverage?, redactions: [RedactionHit] = []
    ) {
        self.document = document
        self.builder = builder
        self.schema = schema
        self.logType = LogType(rawValue: logType)
        self.diagnostics = diagnostics
        self.rules = rules
        self.dedupeKeyText = dedupeKey
        self.firedRules = firedRules
        self.classification = classification
        self.downgrade = downgrade
        self.coverage = coverage
        self.redactions = redactions
    }

    /// `metadata.event_type` (`.userLogin`, …). Every event has one: the validator falls back to
    /// `.genericEvent` when the tables give none or the type's required fields are missing.
    public var eventType: EventType {
        guard case .value(let value)? = builder.firstValue(at: schema.eventTypeSteps) else {
            return EventType(rawValue: "")
        }
        return EventType(rawValue: builder.string(value, in: document))
    }

    /// The event as one line of compact JSON (no trailing newline); field names are UDM's snake_case.
    public var json: String { String(decoding: jsonBytes, as: UTF8.self) }

    /// The event as compact JSON bytes.
    public var jsonBytes: [UInt8] {
        var out = OutputBuffer()
        UDMJSONWriter(event: self).write(instance: 0, to: &out)
        return out.bytes
    }

    /// Appends the compact JSON of the event to `out`.
    ///
    /// Writing into one buffer for many events avoids an allocation per event; no newline is added.
    ///
    /// - Parameter out: The buffer to append to.
    public func appendJSON(to out: inout [UInt8]) {
        out.append { UDMJSONWriter(event: self).write(instance: 0, to: &$0) }
    }

    /// The event as `path = value` lines, one value a line, the form of the vendor's "Sample Parsing" listings.
    public var keyValueText: String {
        var out: [UInt8] = []
        UDMKeyValueWriter(event: self).write(instance: 0, prefix: "", to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
