/// A UDM event type, the value of `metadata.event_type` (`USER_LOGIN`, `RESOURCE_CREATION`, …).
///
/// An open set, in the style of swift-system's `Errno`: there is a static member for every value of
/// the UDM schema's `Metadata.EventType` enum (generated from the schema, listed in
/// ``schemaValues``), and a value Google adds later is still representable with
/// ``init(rawValue:)``, so a new UDM value is no breaking change.
///
/// ```swift
/// if case .normalized(let event) = normalizer.normalize(record: bytes), event.eventType == .userLogin {
///     print("login by", event["principal.user.userid"] ?? "?")
/// }
/// ```
public struct EventType: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The value as UDM writes it (`USER_LOGIN`).
    public let rawValue: String

    /// The event type written `rawValue`.
    ///
    /// - Parameter rawValue: The value as UDM writes it.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Whether the UDM schema this library was built with lists the value.
    public var isInSchema: Bool { EventType.schemaValues.contains(self) }

    /// ``rawValue``.
    public var description: String { rawValue }

    /// By raw value.
    public static func < (lhs: EventType, rhs: EventType) -> Bool { lhs.rawValue < rhs.rawValue }
}
