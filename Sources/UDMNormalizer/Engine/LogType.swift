/// The kind of log a record is, as a table's `@log_type` names it and as Google SecOps names its
/// parsers (`AWS_CLOUDTRAIL`, `GUARDDUTY`).
///
/// An open set, like ``EventType``: the built-in tables declare ``awsCloudTrail`` and ``guardDuty``
/// (``MappingSet/logTypes`` lists those of any tables), and a table of your own may declare another.
///
/// ```swift
/// let cloudTrailOnly = Normalizer(options: .init(logType: .awsCloudTrail))
/// ```
public struct LogType: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The name as a table's `@log_type` writes it.
    public let rawValue: String

    /// The log type named `rawValue`.
    ///
    /// - Parameter rawValue: The name as a table's `@log_type` writes it.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// AWS CloudTrail events (`Records` files, EventBridge, CloudWatch Logs, LookupEvents).
    public static let awsCloudTrail = LogType(rawValue: "AWS_CLOUDTRAIL")
    /// Amazon GuardDuty findings.
    public static let guardDuty = LogType(rawValue: "GUARDDUTY")

    /// ``rawValue``.
    public var description: String { rawValue }

    /// By name.
    public static func < (lhs: LogType, rhs: LogType) -> Bool { lhs.rawValue < rhs.rawValue }
}
