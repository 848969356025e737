/// One UDM event (or, from `--context`, one UDM entity) as rules read it, with where it came from.
///
/// The event is kept as its parsed JSON and read in place. An event without `metadata.id` gets a
/// synthetic one, the FNV-1a hash of its origin in hex, so `count_distinct($e.metadata.id)` counts
/// events as Google SecOps does with the ids it assigns.
package struct RuleEvent: Sendable {
    let document: JSONDocument
    /// Whether field names are read as lowerCamelCase (``JSONDocument/hasCamelCaseNames``).
    let readsCamelCase: Bool
    /// `file:line[:Records[i]]`, as `explain` takes it.
    package let origin: String
    /// The log type of the table that produced it, else `metadata.log_type`, else the product name.
    package let logType: String
    /// `metadata.event_timestamp` in seconds since the epoch; nil when absent or unreadable.
    package let timestamp: Double?

    /// The event whose JSON object is `document`'s root.
    init(document: JSONDocument, origin: String, logType: String?) {
        var document = document
        let camel = document.hasCamelCaseNames
        var metadata = document.ruleMember(document.root, "metadata", converts: camel)
        if metadata.map({ document.ruleMember($0, "id", converts: camel) == nil }) ?? true,
            let withID = Self.addingID(Self.syntheticID(origin), to: document, metadata: metadata)
        {
            document = withID
            metadata = document.ruleMember(document.root, "metadata", converts: camel)
        }
        self.document = document
        readsCamelCase = camel
        self.origin = origin
        func text(_ name: String) -> String? {
            guard let metadata, let node = document.ruleMember(metadata, name, converts: camel),
                document.kind(node) == .string
            else { return nil }
            return document.string(node)
        }
        self.logType = logType ?? text("log_type") ?? text("product_name") ?? "UDM"
        timestamp = metadata.flatMap { document.ruleMember($0, "event_timestamp", converts: camel) }.flatMap {
            Self.seconds(document, $0, converts: camel)
        }
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
        self.init(document: document, origin: origin, logType: logType)
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
        let root = document.root
        guard document.kind(root) == .object else {
            throw RuleInputError(origin: origin, reason: "not a JSON object")
        }
        if let source = document.ruleMember(root, "inline_source", converts: true),
            let entries = document.ruleMember(source, "events", converts: true), document.kind(entries) == .array
        {
            var events: [RuleEvent] = []
            var index = 0
            document.forEachElement(entries) { entry in
                defer { index += 1 }
                guard let udm = document.ruleMember(entry, "udm", converts: true),
                    let event = Self.event(document, udm, origin: "\(origin):events[\(index)]")
                else { return }
                events.append(event)
            }
            return events
        }
        if document.count(root) == 1, let udm = document.ruleMember(root, "udm", converts: true) {
            return Self.event(document, udm, origin: origin).map { [$0] } ?? []
        }
        return [RuleEvent(document: document, origin: origin, logType: nil)]
    }

    /// The event at `node` of `document`, parsed on its own; nil when it is not an object.
    private static func event(_ document: JSONDocument, _ node: Int, origin: String) -> RuleEvent? {
        guard document.kind(node) == .object else { return nil }
        var bytes: [UInt8] = []
        document.appendRawJSON(node, to: &bytes)
        guard let own = try? JSONParser.parse(bytes) else { return nil }
        return RuleEvent(document: own, origin: origin, logType: nil)
    }

    /// The entities of one `--context` NDJSON line: a UDM entity (`{"metadata":…,"entity":…}`),
    /// read by rules as `$x.graph.…`; a line that already has `graph` is taken as it is.
    package static func entities(line: [UInt8], origin: String) throws(RuleInputError) -> [RuleEvent] {
        try events(line: line, origin: origin).compactMap { entity in
            let document = entity.document
            if document.ruleMember(document.root, "graph", converts: true) != nil { return entity }
            var bytes = Array(#"{"graph":"#.utf8)
            document.appendRawJSON(document.root, to: &bytes)
            bytes.append(UInt8(ascii: "}"))
            guard let wrapped = try? JSONParser.parse(bytes) else { return nil }
            return RuleEvent(document: wrapped, origin: origin, logType: "ENTITY_CONTEXT")
        }
    }

    /// `document` with `"id":ID` first in its root's `metadata` (added when there is none).
    private static func addingID(_ id: String, to document: JSONDocument, metadata: Int?) -> JSONDocument? {
        let member = Array(#""id":"#.utf8) + Array(JSONText.quoted(id).utf8)
        var bytes: [UInt8] = []
        document.withRawBytes(document.root) { root in
            let start = document.rawRange(document.root).lowerBound
            if let metadata, document.kind(metadata) == .object {
                // After the metadata object's `{`.
                let open = document.rawRange(metadata).lowerBound - start + 1
                bytes.append(contentsOf: root[..<open])
                bytes.append(contentsOf: member)
                if document.count(metadata) > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(contentsOf: root[open...])
            } else {
                // A metadata that is not an object is replaced: the last key wins.
                bytes.append(contentsOf: root.dropLast())
                if document.count(document.root) > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(contentsOf: Array(#""metadata":{"#.utf8) + member + Array("}}".utf8))
            }
        }
        return try? JSONParser.parse(bytes)
    }

    /// RFC 3339 text, `{"seconds":…,"nanos":…}` or a number of seconds.
    static func seconds(_ document: JSONDocument, _ node: Int, converts: Bool) -> Double? {
        switch document.kind(node) {
        case .string:
            guard let time = Timestamp(text: document.string(node)) else { return nil }
            return Double(time.seconds) + (Double("0." + time.fraction) ?? 0)
        case .number:
            return Double(document.rawText(node))
        case .object:
            guard let seconds = document.ruleMember(node, "seconds", converts: converts),
                let whole = Double(document.ruleScalar(seconds, converts: converts).text)
            else { return nil }
            let nanos = document.ruleMember(node, "nanos", converts: converts).flatMap {
                Double(document.ruleScalar($0, converts: converts).text)
            }
            return whole + (nanos ?? 0) / 1e9
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
