/// An input normalized as its bytes arrive — from S3, a socket, a Kinesis or Firehose consumer —
/// in chunks of any size, cut anywhere.
///
/// Make one with ``Normalizer/stream(source:)``, give it each chunk with ``feed(_:_:)`` and end it
/// with ``finish(_:)``:
///
/// ```swift
/// var stream = normalizer.stream(source: "s3://trail-bucket/AWSLogs/…/file.json.gz")
/// for try await chunk in objectBody {            // any chunking, plain or gzip
///     stream.feed(chunk) { record in handle(record) }
/// }
/// stream.finish { record in handle(record) }
/// ```
///
/// The bytes go through the reader that ``Normalizer/normalize(path:_:)-48z5r`` and the command line
/// use, so every shape it knows (NDJSON, concatenated or pretty-printed values, `{"Records":[…]}`,
/// GuardDuty `findings`, EventBridge events, CloudWatch Logs payloads, LookupEvents output), gzip
/// detected by content, the record size limit and the bad-input policy behave the same whatever
/// the chunks: each record comes back once, normalized, failed (with its origin) or skipped, in
/// input order. ``feed(_:_:)`` returns once every record the bytes so far complete has been handed
/// over; a record cut by the end of a chunk comes with a later chunk, or as a failed record from
/// ``finish(_:)`` if the input ends inside it.
///
/// The reader runs on a thread of its own, taking turns with the caller, so each
/// ``feed(_:_:)`` costs a thread handoff: feed chunks as they come, preferably kilobytes rather
/// than bytes. Memory holds one chunk, one record and a bounded batch of results. A stream dropped
/// before ``finish(_:)`` stops its reader and delivers nothing more. Feed a stream from one task
/// at a time, and not from inside the closure it calls.
public struct NormalizationStream: ~Copyable, Sendable {
    private let handoff: ReaderHandoff

    init(normalizer: Normalizer, source: String) {
        handoff = ReaderHandoff(normalizer: normalizer, source: source)
    }

    deinit {
        handoff.cancel()
    }

    /// Reads the next bytes of the input and calls `body` for every record they complete, in
    /// input order, before returning.
    ///
    /// - Parameters:
    ///   - chunk: The next bytes of the input, as they arrived (compressed for a gzip input); may
    ///     end anywhere, inside a record or a multi-byte character.
    ///   - body: Called on the calling thread once per completed record.
    public mutating func feed(_ chunk: [UInt8], _ body: (NormalizedRecord) -> Void) {
        handoff.feed(chunk, body)
    }

    /// Ends the input and calls `body` for the records still held: the last record when the input
    /// has no final line break, or one failed record for a value (or gzip data) the input ends
    /// inside.
    ///
    /// Feeding or finishing the stream again afterwards does nothing.
    ///
    /// - Parameter body: Called on the calling thread once per remaining record.
    public mutating func finish(_ body: (NormalizedRecord) -> Void) {
        handoff.finish(body)
    }
}

extension Normalizer {
    /// A stream to feed an input's bytes to as they arrive; see ``NormalizationStream``.
    ///
    /// ```swift
    /// var stream = normalizer.stream(source: "kinesis:shard-7")
    /// stream.feed(chunk) { record in print(record.origin) }
    /// stream.finish { record in print(record.origin) }
    /// ```
    ///
    /// - Parameter source: The name used in the records' origins (`SOURCE:LINE`,
    ///   `SOURCE:1:Records[3]`), such as the object's URL.
    /// - Returns: A stream with nothing read yet.
    public func stream(source: String) -> NormalizationStream {
        NormalizationStream(normalizer: self, source: source)
    }
}
