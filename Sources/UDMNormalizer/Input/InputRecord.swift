/// One record cut from an input, with where it came from.
struct InputRecord: Sendable {
    enum Content: Sendable {
        /// The bytes of one JSON value (an NDJSON line).
        case bytes([UInt8])
        /// A value inside a document already parsed (an element of `Records`).
        case node(JSONDocument, Int)
        /// Input that could not be split into records; the reason says why.
        case unreadable(reason: String, raw: [UInt8])
    }

    /// `file:line` for lines and single objects, `file:Records[i]` / `file:[i]` for array elements.
    var origin: String
    var content: Content
}
