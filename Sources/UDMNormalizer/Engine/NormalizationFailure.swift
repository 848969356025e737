/// Why a record could not become a UDM event: what kind of damage, the sentence the CLI prints,
/// and where the record stood.
///
/// ```swift
/// if case .failed(let failure) = normalizer.normalize(record: bytes) {
///     switch failure.kind {
///     case .invalidJSON, .truncated: quarantine(bytes)
///     case .unrecognized: routeElsewhere(bytes)
///     default: print("\(failure.origin ?? "-"): error: \(failure)")
///     }
/// }
/// ```
public struct NormalizationFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The class of a failure, for code that reacts to it and for reports that count it.
    ///
    /// An open set, in the style of swift-system's `Errno`: a new kind in a later version is a new
    /// static member, not a breaking change, so a `switch` over kinds needs a `default:` case.
    public struct Kind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The kind in words, as reports group failures by it (`invalid JSON`, `no event time`).
        public let rawValue: String

        /// A kind named `rawValue`.
        ///
        /// - Parameter rawValue: The kind in words.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The kind in words (``rawValue``).
        public var description: String { rawValue }

        /// The bytes are not JSON, or a value is malformed (a bad token, nesting deeper than the
        /// limit, invalid UTF-8 where the parser needs text).
        public static let invalidJSON = Kind(rawValue: "invalid JSON")
        /// The input, or the line, ends before the record's JSON value is closed (an interrupted
        /// download, a cut line).
        public static let truncated = Kind(rawValue: "truncated")
        /// The record is larger than ``Normalizer/Options/maxRecordBytes`` and cannot be split by an envelope array.
        public static let tooLarge = Kind(rawValue: "too large")
        /// The value is JSON but not an object (an array element that is a string or a number, say).
        public static let notAnObject = Kind(rawValue: "not a JSON object")
        /// An envelope's embedded record is missing or cannot be decoded: a LookupEvents entry
        /// without a `CloudTrailEvent` string, a CloudWatch Logs log event without a `message`
        /// string, a payload that is not base64 or not gzip.
        public static let invalidPayload = Kind(rawValue: "invalid payload")
        /// Reading the input failed part way (an I/O error, corrupt gzip data): what was read before is kept.
        public static let unreadableInput = Kind(rawValue: "unreadable input")
        /// No mapping table matches the record (it is not a CloudTrail event or GuardDuty finding
        /// these tables know), or the tables for the requested log type do not.
        public static let unrecognized = Kind(rawValue: "unrecognized record")
        /// The table matched but gave no `metadata.event_timestamp`, which every UDM event needs.
        public static let noEventTime = Kind(rawValue: "no event time")
    }

    /// What kind of damage it is.
    public var kind: Kind
    /// The whole sentence in words, as `udm-normalize` prints it after `error:` and writes it as a
    /// dead-letter `reason` (`invalid JSON: line 1, column 15 (byte 14): expected ':'`).
    public var detail: String
    /// Where the record stood: `file:line[:column]`, with `:Records[i]`-style suffixes inside
    /// envelopes; nil for a record given alone to ``Normalizer/normalize(record:)``.
    public var origin: String?

    /// A failure of kind `kind` described by `detail`.
    ///
    /// - Parameters:
    ///   - kind: What kind of damage it is.
    ///   - detail: The whole sentence in words.
    ///   - origin: Where the record stood, when known.
    public init(kind: Kind, detail: String, origin: String? = nil) {
        self.kind = kind
        self.detail = detail
        self.origin = origin
    }

    /// ``detail``: the text printed after `origin: error: `.
    public var description: String { detail }
}
