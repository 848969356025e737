/// The outcome of one record of an input, with its origin (`file:line`, `file:Records[i]`).
public struct NormalizedRecord: Sendable {
    /// Where the record came from.
    public let origin: String
    /// What became of it.
    public let outcome: NormalizationOutcome
}

extension Normalizer {
    /// Splits the bytes of one input (NDJSON, one JSON object, a `{"Records":[…]}` file or a JSON
    /// array) into records and normalizes them in order, handing each outcome to `body` as it is made.
    ///
    /// - Parameter source: the name used in origins, such as the file path or `-` for standard input.
    public func normalize(input: [UInt8], source: String, _ body: (NormalizedRecord) throws -> Void) rethrows {
        let splitter = RecordSplitter(limits: JSONParser.Limits(maxDepth: options.maxDepth))
        for record in splitter.split(input, source: source) {
            let outcome: NormalizationOutcome
            switch record.content {
            case .bytes(let bytes): outcome = normalize(record: bytes)
            case .node(let document, let node): outcome = normalize(document: document, root: node)
            case .unreadable(let reason, _): outcome = .failed(reason: reason)
            }
            try body(NormalizedRecord(origin: record.origin, outcome: outcome))
        }
    }
}
