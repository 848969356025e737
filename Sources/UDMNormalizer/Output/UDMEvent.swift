/// One normalized UDM event, ready to be written as JSON or as `path = "value"` lines.
///
/// It keeps a reference to the parsed record so that unchanged source strings are copied to the
/// output without being decoded and re-encoded.
public struct UDMEvent: Sendable {
    let document: JSONDocument
    let builder: UDMEventBuilder
    let schema: UDMSchema
    /// The log type of the table that produced it (`AWS_CLOUDTRAIL`, …).
    public let logType: String
    /// Notes about values that could not be mapped, and any event-type fallback.
    public let diagnostics: [Diagnostic]
    let rules: [CompiledRule]
    /// What identifies the record for de-duplication (`@dedupe_key`), when its table declares one.
    public let dedupeKey: String?
    /// Indexes (into `rules`) of the rules that wrote a value, in firing order.
    let firedRules: [Int]
    /// Which rule set the event type, and whether through a specific table row.
    public let classification: Classification?
    /// Why the validator replaced the event type with GENERIC_EVENT, if it did.
    public let downgrade: String?
    /// Source coverage, when the normalizer tracked it.
    let coverage: RecordCoverage?

    /// `metadata.event_type` as written.
    public var eventType: String {
        guard let steps = schema.resolve("metadata.event_type") else { return "" }
        var text = ""
        builder.firstValue(at: steps) { content in
            if case .value(let value) = content { text = builder.string(value, in: document) }
            return true
        }
        return text
    }

    /// The event as one line of compact JSON (no trailing newline); field names are UDM's snake_case.
    public var json: String { String(decoding: jsonBytes, as: UTF8.self) }

    /// The event as compact JSON bytes.
    public var jsonBytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        appendJSON(to: &out)
        return out
    }

    /// Appends the compact JSON of the event to `out`.
    public func appendJSON(to out: inout [UInt8]) {
        UDMJSONWriter(event: self).write(instance: 0, to: &out)
    }

    /// The event as `path = value` lines, one value a line, the form of the vendor's "Sample Parsing" listings.
    public var keyValueText: String {
        var out: [UInt8] = []
        UDMKeyValueWriter(event: self).write(instance: 0, prefix: "", to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
