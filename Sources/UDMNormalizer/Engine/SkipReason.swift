/// Why a record was deliberately not made an event: what kind of skip, and the sentence the CLI
/// prints and counts it under.
///
/// ```swift
/// if case .skipped(let reason) = record.outcome {
///     switch reason.kind {
///     case .controlMessage: break  // CloudWatch Logs health checks carry no log
///     case .unhandledDetailType: routeElsewhere(record.rawBytes)
///     default: print("\(record.origin): skipped: \(reason)")
///     }
/// }
/// ```
public struct SkipReason: Sendable, Hashable, CustomStringConvertible {
    /// The class of a skip, for code that reacts to it.
    ///
    /// An open set, like ``NormalizationFailure/Kind``: a new kind in a later version is a new
    /// static member, so a `switch` over kinds needs a `default:` case.
    public struct Kind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The kind in words.
        public let rawValue: String

        /// A kind named `rawValue`.
        ///
        /// - Parameter rawValue: The kind in words.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The kind in words (``rawValue``).
        public var description: String { rawValue }

        /// A CloudWatch Logs `CONTROL_MESSAGE` payload or log event: a health check, not a log.
        public static let controlMessage = Kind(rawValue: "control message")
        /// An EventBridge event whose `detail-type` no table declares (`@eventbridge`): another
        /// service's event, not a log these tables normalize.
        public static let unhandledDetailType = Kind(rawValue: "unhandled EventBridge detail-type")
    }

    /// What kind of skip it is.
    public var kind: Kind
    /// The whole sentence in words, as `udm-normalize` prints and counts it
    /// (`CloudWatch Logs control message`).
    public var detail: String

    /// A skip of kind `kind` described by `detail`.
    ///
    /// - Parameters:
    ///   - kind: What kind of skip it is.
    ///   - detail: The whole sentence in words.
    public init(kind: Kind, detail: String) {
        self.kind = kind
        self.detail = detail
    }

    /// ``detail``: the text printed after `origin: skipped: `.
    public var description: String { detail }

    /// A CloudWatch Logs control message.
    static let cloudWatchControlMessage = SkipReason(kind: .controlMessage, detail: "CloudWatch Logs control message")
}
