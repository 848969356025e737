/// One record as the reader cuts it from an input, before it is parsed.
struct RawRecord: Sendable {
    /// What kind of array element the record is, when it came out of a streamed envelope.
    enum Element: Sendable, Equatable {
        /// A JSON value to parse and unwrap by its content (a line, a value, a `Records[]` element).
        case value
        /// A CloudTrail `LookupEvents` entry: the event is the JSON string in `CloudTrailEvent`.
        case lookupEvent
        /// A CloudWatch Logs subscription log event: the record is the JSON text in `message`;
        /// `control` when the payload's `messageType` was `CONTROL_MESSAGE`.
        case logEvent(control: Bool)
        /// An NDJSON line, handed over whole: usually one value, but Firehose may have written several
        /// with no separator, which the worker splits when the line does not parse as one value.
        /// `endOfInput` is the reason to give when the input ends inside the line's last value.
        case line(source: String, number: Int, column: Int, endOfInput: String?)
        /// Whole NDJSON lines, as many as one read brought (within the record limit), handed to a
        /// worker in one piece: the worker cuts them (as ``line(source:number:column:endOfInput:)``),
        /// so the reading thread neither copies nor names each line. `number` is the first line's
        /// number and `column` the column its bytes start at.
        case lines(source: String, number: Int, column: Int)
    }

    /// `file:line`, `file:line:column`, `file:line:Records[i]`, … (formatted when read).
    var origin: RecordOrigin
    var bytes: [UInt8]
    var element: Element = .value
    /// Set when the reader already knows the record cannot be read (garbage, truncation, too large).
    var failure: NormalizationFailure?
}

/// Parse-only passes for `udm-normalize bench`: the reader's cost without the tables'.
package enum ParserBenchmark {
    /// Parses each record's bytes; returns how many parsed.
    ///
    /// - Parameter records: The records' bytes, one JSON value each.
    package static func parseAll(_ records: [ArraySlice<UInt8>]) -> Int {
        var parsed = 0
        for record in records where (try? JSONParser.parse(Array(record))) != nil { parsed += 1 }
        return parsed
    }
}
