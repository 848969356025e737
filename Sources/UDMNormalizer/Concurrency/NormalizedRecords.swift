/// The records of an input that arrives as an `AsyncSequence` of byte chunks, for async code;
/// made by ``Normalizer/records(in:source:)``.
///
/// ```swift
/// for try await record in normalizer.records(in: chunks, source: "s3://bucket/key.json.gz") {
///     if case .normalized(let event) = record.outcome { try await sink.send(event.json) }
/// }
/// ```
///
/// It reads its chunks through a ``NormalizationStream``, so it cuts, unwraps and normalizes
/// exactly as ``Normalizer/normalize(path:_:)-48z5r`` does, with the same records whatever the chunking.
/// Records come in input order. An error the chunks throw is rethrown once the records completed
/// before it were returned, and nothing more is read. When the task is cancelled, the
/// iteration ends (`next()` returns nil) and the reader stops. Chunks are read on demand: a slow
/// consumer holds back the reading. While the reader cuts and normalizes a chunk on its own
/// thread, the iterating task is suspended, so it holds no thread of the cooperative pool.
public struct NormalizedRecords<Chunks: AsyncSequence>: AsyncSequence where Chunks.Element == [UInt8] {
    /// Each element is one record's outcome with its origin.
    public typealias Element = NormalizedRecord

    private let chunks: Chunks
    private let normalizer: Normalizer
    private let source: String

    init(chunks: Chunks, normalizer: Normalizer, source: String) {
        self.chunks = chunks
        self.normalizer = normalizer
        self.source = source
    }

    /// An iterator that starts reading the chunks.
    public func makeAsyncIterator() -> Iterator {
        Iterator(
            chunks: chunks.makeAsyncIterator(),
            handoff: .init(normalizer: normalizer, source: source, suspendingCaller: true))
    }

    /// Reads chunks as records are asked for.
    public struct Iterator: AsyncIteratorProtocol {
        /// Stops the reader when the last copy of the iterator goes away before the input's end.
        private final class Owner: Sendable {
            let handoff: ReaderHandoff
            init(_ handoff: ReaderHandoff) { self.handoff = handoff }
            deinit { handoff.cancel() }
        }

        private var chunks: Chunks.AsyncIterator?
        private let owner: Owner
        private var ready: [NormalizedRecord] = []
        private var head = 0

        init(chunks: Chunks.AsyncIterator, handoff: ReaderHandoff) {
            self.chunks = chunks
            self.owner = Owner(handoff)
        }

        /// The next record, in input order; nil at the end of the input or when the task was cancelled.
        ///
        /// - Throws: What the chunk sequence throws.
        public mutating func next() async throws -> NormalizedRecord? {
            while true {
                if Task.isCancelled {
                    owner.handoff.cancel()
                    chunks = nil
                    ready = []
                    head = 0
                    return nil
                }
                if head < ready.count {
                    head += 1
                    return ready[head - 1]
                }
                ready.removeAll(keepingCapacity: true)
                head = 0
                guard var iterator = chunks else { return nil }
                let chunk: [UInt8]?
                do {
                    chunk = try await iterator.next()
                } catch {
                    chunks = nil
                    owner.handoff.cancel()
                    throw error
                }
                chunks = iterator
                if let chunk {
                    await owner.handoff.feedSuspending(chunk) { ready.append($0) }
                } else {
                    chunks = nil
                    await owner.handoff.finishSuspending { ready.append($0) }
                }
            }
        }
    }
}

extension NormalizedRecords: Sendable where Chunks: Sendable {}

extension Normalizer {
    /// The records of an input that arrives as an `AsyncSequence` of byte chunks (an S3 object's
    /// body, a socket, a queue of Kinesis payloads), in input order; see ``NormalizedRecords``.
    ///
    /// ```swift
    /// let chunks = AsyncStream<[UInt8]> { continuation in … }
    /// for try await record in normalizer.records(in: chunks, source: "socket") { … }
    /// ```
    ///
    /// - Parameters:
    ///   - chunks: The input's bytes in chunks of any size (compressed for a gzip input).
    ///   - source: The name used in the records' origins.
    /// - Returns: The records, read as they are asked for.
    public func records<Chunks: AsyncSequence>(in chunks: Chunks, source: String) -> NormalizedRecords<Chunks>
    where Chunks.Element == [UInt8] {
        NormalizedRecords(chunks: chunks, normalizer: self, source: source)
    }
}
