/// Groups events into request bodies for the Google SecOps `events:import` endpoint:
/// `{"inlineSource":{"events":[{"udm":EVENT},…]}}`, one body a line, each within a byte limit.
struct ImportBodyWriter {
    static let prefix = Array(#"{"inlineSource":{"events":["#.utf8)
    static let suffix = Array("]}}\n".utf8)
    static let eventPrefix = Array(#"{"udm":"#.utf8)

    let maxBytes: Int
    private var body: [UInt8] = []
    private var eventCount = 0
    private(set) var bodiesWritten = 0
    /// Events that alone exceed the limit (written in a body of their own).
    private(set) var oversizedEvents = 0

    init(maxBytes: Int) {
        self.maxBytes = maxBytes
    }

    /// Adds an event (compact UDM JSON); writes the current body first when the event would not fit.
    /// The limit counts a body's bytes without its line break.
    mutating func add(_ event: [UInt8], to output: OutputFile) {
        let closing = Self.suffix.count - 1
        let entry = Self.eventPrefix.count + event.count + 1
        if eventCount > 0 && body.count + 1 + entry + closing > maxBytes { flush(to: output) }
        if eventCount == 0 {
            body.append(contentsOf: Self.prefix)
            if Self.prefix.count + entry + closing > maxBytes { oversizedEvents += 1 }
        } else {
            body.append(UInt8(ascii: ","))
        }
        body.append(contentsOf: Self.eventPrefix)
        body.append(contentsOf: event)
        body.append(UInt8(ascii: "}"))
        eventCount += 1
    }

    mutating func flush(to output: OutputFile) {
        guard eventCount > 0 else { return }
        body.append(contentsOf: Self.suffix)
        output.write(body)
        body.removeAll(keepingCapacity: true)
        eventCount = 0
        bodiesWritten += 1
    }
}
