import Synchronization

/// Checks a mapped event against what Google's validator rejects, before it is written.
///
/// Paths and enum values are already guaranteed by the compiled tables; what is left is per event:
/// an event time must exist (without it the record cannot be UDM at all), and the event type's
/// required fields must be present — otherwise the event falls back to `GENERIC_EVENT`, the one
/// type that needs nothing more, with a diagnostic naming what was missing.
final class UDMValidator: Sendable {
    static let fallbackEventType = "GENERIC_EVENT"
    static let eventTypePath = "metadata.event_type"
    static let eventTimestampPath = "metadata.event_timestamp"

    private struct ResolvedRequirement: Sendable {
        var text: String
        var alternatives: [(steps: [UDMSchema.FieldStep], requiredValue: String?)]
    }

    let schema: UDMSchema
    let metadataField: UDMSchema.FieldStep
    let eventTimestampField: UDMSchema.FieldStep
    let eventTypeField: UDMSchema.FieldStep
    private let requirements: EventTypeRequirements
    /// Each event type's requirements resolved against the schema, made when the first event of
    /// that type is validated (a run meets few of the hundred event types; workers share this).
    private let resolved = Mutex<[String: [ResolvedRequirement]?]>([:])

    init(schema: UDMSchema, requirements: EventTypeRequirements) {
        self.schema = schema
        guard let timestamp = schema.resolve(Self.eventTimestampPath), let type = schema.resolve(Self.eventTypePath)
        else {
            fatalError("the built-in UDM schema lacks metadata.event_timestamp / metadata.event_type")
        }
        metadataField = timestamp[0]
        eventTimestampField = timestamp[1]
        eventTypeField = type[1]
        self.requirements = requirements
    }

    /// The requirements of `eventType`, resolved; nil when the table does not list it.
    private func resolvedRequirements(for eventType: String) -> [ResolvedRequirement]? {
        if let known = resolved.withLock({ $0[eventType] }) { return known }
        let made = requirements.requirements(for: eventType).map { list in
            list.map { requirement in
                ResolvedRequirement(
                    text: requirement.text,
                    alternatives: requirement.alternatives.compactMap { alternative in
                        schema.resolve(alternative.path).map { ($0, alternative.requiredValue) }
                    })
            }
        }
        resolved.withLock { $0[eventType] = made }
        return made
    }

    /// What the validator concluded about an event.
    enum Verdict {
        case valid
        /// No `metadata.event_timestamp`: the record fails.
        case noEventTime
        /// Required fields missing: the event type was replaced by `GENERIC_EVENT`.
        case downgraded(from: String, missing: [String])
    }

    /// Validates and, where needed, downgrades the event type in place.
    func validate(_ builder: inout UDMEventBuilder, document: JSONDocument) -> Verdict {
        guard builder.rootChildValue(message: metadataField.field, field: eventTimestampField.field) != nil else {
            return .noEventTime
        }
        guard let typeValue = builder.rootChildValue(message: metadataField.field, field: eventTypeField.field) else {
            setEventType(&builder, Self.fallbackEventType)
            return .downgraded(from: "(none)", missing: ["metadata.event_type"])
        }
        let eventType = builder.string(typeValue, in: document)
        guard let needed = resolvedRequirements(for: eventType) else { return .valid }
        var missing: [String] = []
        for requirement in needed
        where !requirement.alternatives.contains(where: {
            isPresent($0.steps, value: $0.requiredValue, in: builder, document: document)
        }) {
            missing.append(requirement.text)
        }
        guard missing.isEmpty else {
            setEventType(&builder, Self.fallbackEventType)
            return .downgraded(from: eventType, missing: missing)
        }
        return .valid
    }

    private func setEventType(_ builder: inout UDMEventBuilder, _ value: String) {
        guard case .message(let message) = schema.field(metadataField).type else { return }
        let step = ProgramTargetStep(field: Int32(metadataField.field), element: .first, childMessage: Int32(message))
        guard
            let metadata = withUnsafePointer(
                to: step,
                {
                    builder.instance(
                        steps: UnsafeBufferPointer(start: $0, count: 1), instanceKey: -1, fanIndex: 0, fanGroup: -1,
                        create: true)
                })
        else { return }
        let text = builder.store(value)
        builder.replace(metadata, field: eventTypeField.field, with: .text(text), rule: -1)
    }

    private func isPresent(
        _ steps: [UDMSchema.FieldStep], value: String?, in builder: UDMEventBuilder, document: JSONDocument
    ) -> Bool {
        builder.hasValue(at: steps, equalTo: value, document: document)
    }
}
