/// The members of a JSON object that hold arrays of records, in the shapes AWS delivers.
/// Kept in one place: the streaming reader and the in-memory unwrapper both use it.
enum EnvelopeKey {
    /// CloudTrail S3 files (`Records`), GuardDuty exports and API responses (`findings` / `Findings`).
    static let plainRecordArrays: Set<String> = ["Records", "findings", "Findings"]
    /// CloudTrail `LookupEvents` output: `Events[].CloudTrailEvent` holds the event as a JSON string.
    static let lookupEvents = "Events"
    static let lookupEventPayload = "CloudTrailEvent"
    /// CloudWatch Logs subscription payloads: `logEvents[].message`, skipped when `messageType` is a control message.
    static let logEvents = "logEvents"
    static let logEventPayload = "message"
    static let messageType = "messageType"
    static let controlMessage = "CONTROL_MESSAGE"
    /// EventBridge events: the record is `detail`; `detail-type` says what it is.
    static let eventBridgeDetail = "detail"
    static let eventBridgeDetailType = "detail-type"

    /// Every key whose array the streaming reader cuts into records.
    static let streamedArrays: Set<String> = plainRecordArrays.union([lookupEvents, logEvents])

    static func element(forArray key: String, control: Bool) -> RawRecord.Element {
        switch key {
        case lookupEvents: return .lookupEvent
        case logEvents: return .logEvent(control: control)
        default: return .value
        }
    }

    /// Base64 of the gzip magic number: a Kinesis / Firehose consumer sees CloudWatch Logs payloads like this.
    static let base64GzipPrefix: [UInt8] = Array("H4sI".utf8)
}
