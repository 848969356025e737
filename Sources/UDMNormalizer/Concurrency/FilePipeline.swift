import Dispatch
import Synchronization

/// Normalizes several inputs at once, each read whole by one worker — opened, read, decompressed
/// when gzip, cut and normalized on that worker's thread — and hands back their items in input
/// order on the calling thread.
///
/// Each input has a channel of at most `window` batches: a worker ahead of the consumer waits when
/// its channel is full, so memory is bounded by `jobs × window` batches whatever the inputs' sizes.
/// Workers take the inputs in order, so the input the consumer waits for always has a worker, and
/// the output is the one a single thread would give.
struct FilePipeline {
    /// The batches of one input, from its worker to the consumer.
    private final class Channel: Sendable {
        private let batches = Mutex<[[BatchNormalizer.Item]]>([])
        /// Free places; a worker waits on it when the consumer is behind.
        private let space: DispatchSemaphore
        /// Batches put (and one for the end of the input).
        private let filled = DispatchSemaphore(value: 0)

        init(window: Int) {
            space = DispatchSemaphore(value: window)
        }

        func put(_ batch: [BatchNormalizer.Item]) {
            space.wait()
            batches.withLock { $0.append(batch) }
            filled.signal()
        }

        func close() {
            filled.signal()
        }

        /// The next batch, waiting for it; nil once the input is done.
        func take() -> [BatchNormalizer.Item]? {
            filled.wait()
            let batch = batches.withLock { $0.isEmpty ? nil : $0.removeFirst() }
            if batch != nil { space.signal() }
            return batch
        }
    }

    /// Hands out the inputs' indexes in order, one to each worker that asks.
    private final class InputCounter: Sendable {
        private let next = Atomic<Int>(0)
        func take() -> Int { next.wrappingAdd(1, ordering: .relaxed).oldValue }
    }

    let batch: BatchNormalizer
    let window = 4

    /// Reads `paths` on `batch.jobs` worker threads and calls `consume` with every item in input order.
    func run(paths: [String], progress: (Int) -> Void, consume: (BatchNormalizer.Item) -> Void) {
        let channels = paths.map { _ in Channel(window: window) }
        let inputs = InputCounter()
        let queue = DispatchQueue(label: "udm-normalize.inputs", attributes: .concurrent)
        let group = DispatchGroup()
        let batch = self.batch
        for _ in 0..<min(batch.jobs, paths.count) {
            queue.async(group: group) {
                while true {
                    let index = inputs.take()
                    guard index < paths.count else { return }
                    Self.read(paths[index], with: batch, into: channels[index])
                }
            }
        }
        var bytesBefore = 0
        for channel in channels {
            while let items = channel.take() {
                for item in items {
                    if case .inputFinished(_, let bytesRead, _) = item {
                        bytesBefore += bytesRead
                        progress(bytesBefore)
                    }
                    consume(item)
                }
            }
        }
        group.wait()
    }

    /// Reads one input whole on the calling worker, putting its items into `channel` in order.
    private static func read(_ path: String, with batch: BatchNormalizer, into channel: Channel) {
        defer { channel.close() }
        let stream: InputByteStream
        do {
            stream = try InputByteStream(path: path)
        } catch {
            channel.put([.inputUnreadable(InputError(path: path, reason: error.description))])
            return
        }
        channel.put([.inputStarted(path: path)])
        let reader = RecordReader(stream: stream, source: path, limits: batch.normalizer.recordLimits)
        var records: [RawRecord] = []
        var bytes = 0
        var rawRecords = 0
        while let record = reader.next() {
            rawRecords += 1
            records.append(record)
            bytes += record.bytes.count
            if records.count >= batch.batchSize || bytes >= batch.batchByteLimit {
                channel.put(batch.process(records))
                records.removeAll(keepingCapacity: true)
                bytes = 0
            }
        }
        var last = records.isEmpty ? [] : batch.process(records)
        last.append(.inputFinished(path: path, bytesRead: reader.bytesRead, rawRecords: rawRecords))
        channel.put(last)
    }
}
