/// One UDM event (or, from `--context`, one UDM entity) as rules read it, with where it came from.
///
/// An event without `metadata.id` gets a synthetic one, the FNV-1a hash of its origin in hex, so
/// `count_distinct($e.metadata.id)` counts events as Google SecOps does with the ids it assigns.
package struct RuleEvent: Sendable {
    let root: RuleValue
    /// `file:line[:Records[i]]`, as `explain` takes it.
    package let origin: String
    /// The log type of the table that produced it, else `metadata.log_type`, else the product name.
    package let logType: String
    /// `metadata.event_timestamp` in seconds since the epoch; nil when absent or unreadable.
    package let timestamp: Double?

    init(root: RuleValue, origin: String, logType: String?) {
        var root = root
        if case .object(var members) = root {
            var metadata: [String: RuleValue] = [:]
            if case .object(let existing)? = members["metadata"] { metadata = existing }
            if metadata["id"] == nil {
                metadata["id"] = .string(Self.syntheticID(origin))
                members["metadata"] = .object(metadata)
                root = .object(members)
            }
        }
        self.root = root
        self.origin = origin
        let metadata = root["metadata"]
        var type = logType
        if type == nil, case .string(let text)? = metadata?["log_type"] { type = text }
        if type == nil, case .string(let text)? = metadata?["product_name"] { type = text }
        self.logType = type ?? "UDM"
        timestamp = Self.seconds(metadata?["event_timestamp"])
    }

    /// The event of a normalized record.
    package init(event: UDMEvent, origin: String) throws(RuleInputError) {
        try self.init(json: event.jsonBytes, origin: origin, logType: event.logType.rawValue)
    }

    /// An event from the JSON the normalizer wrote for it.
    package init(json: [UInt8], origin: String, logType: String?) throws(RuleInputError) {
        guard let document = try? JSONParser.parse(json), document.kind(document.root) == .object else {
            throw RuleInputError(origin: origin, reason: "the event is not a JSON object")
        }
        self.init(root: RuleValue.from(document, document.root), origin: origin, logType: logType)
    }

    /// The events of one NDJSON line: a UDM event (snake_case or lowerCamelCase), `{"udm":…}`, or
    /// an `events:import` body `{"inlineSource":{"events":[{"udm":…},…]}}` (origins `LINE:events[i]`).
    package static func events(line: [UInt8], origin: String) throws(RuleInputError) -> [RuleEvent] {
        let document: JSONDocument
        do {
            document = try JSONParser.parse(line)
        } catch {
            throw RuleInputError(origin: origin, reason: "not JSON: \(error)")
        }
        guard document.kind(document.root) == .object else {
            throw RuleInputError(origin: origin, reason: "not a JSON object")
        }
        let root = RuleValue.from(document, document.root)
        if case .array(let entries)? = root["inline_source"]?["events"] {
            return entries.enumerated().compactMap { index, entry in
                guard let udm = entry["udm"] else { return nil }
                return RuleEvent(root: udm, origin: "\(origin):events[\(index)]", logType: nil)
            }
        }
        if case .object(let members) = root, members.count == 1, let udm = members["udm"] {
            return [RuleEvent(root: udm, origin: origin, logType: nil)]
        }
        return [RuleEvent(root: root, origin: origin, logType: nil)]
    }

    /// The entities of one `--context` NDJSON line: a UDM entity (`{"metadata":…,"entity":…}`),
    /// read by rules as `$x.graph.…`; a line that already has `graph` is taken as it is.
    package static func entities(line: [UInt8], origin: String) throws(RuleInputError) -> [RuleEvent] {
        try events(line: line, origin: origin).map { entity in
            if entity.root["graph"] != nil { return entity }
            return RuleEvent(root: .object(["graph": entity.root]), origin: origin, logType: "ENTITY_CONTEXT")
        }
    }

    /// RFC 3339 text, `{"seconds":…,"nanos":…}` or a number of seconds.
    static func seconds(_ value: RuleValue?) -> Double? {
        switch value {
        case .string(let text)?:
            guard let time = Timestamp(text: text) else { return nil }
            return Double(time.seconds) + (Double("0." + time.fraction) ?? 0)
        case .number(let text)?:
            return Double(text)
        case .object(let members)?:
            guard let whole = members["seconds"].flatMap({ Double($0.scalar.text) }) else { return nil }
            return whole + (members["nanos"].flatMap { Double($0.scalar.text) } ?? 0) / 1e9
        default:
            return nil
        }
    }

    static func syntheticID(_ origin: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in origin.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// An input line or record rules cannot read: counted and reported with its origin, never a crash.
package struct RuleInputError: Error, Sendable, CustomStringConvertible {
    package var origin: String
    package var reason: String
    package var description: String { "\(origin): error: \(reason)" }
}
