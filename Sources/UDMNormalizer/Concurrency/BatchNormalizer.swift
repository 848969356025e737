import Dispatch
import Foundation

/// Normalizes whole inputs on several threads and hands back every record in input order, with
/// its output already rendered — the engine of `udm-normalize normalize`.
///
/// With one input (or standard input among them), reading and cutting records happens on the
/// calling thread — NDJSON handed over in blocks of whole lines, a read's worth at a time — and
/// batches are normalized and rendered on `jobs` worker threads. With several inputs, each is read
/// whole by one worker (opened, decompressed when gzip, cut, normalized and rendered there). Either
/// way results are consumed in order on the calling thread, and at most `jobs × 4` batches (of at
/// most ``batchSize`` records and half a megabyte of input) are in flight, so memory is bounded by
/// that window, never by the size of the inputs. The output does not depend on `jobs`:
/// `--jobs 1` and `--jobs 8` give the same bytes.
public struct BatchNormalizer: Sendable {
    /// How each event is rendered by the workers.
    public enum Rendering: Sendable {
        /// One line of compact JSON (no newline).
        case json
        /// `path = value` lines.
        case keyValue
        /// No output: for reports.
        case none
    }

    /// One record's result, ready to write.
    public struct Record: Sendable {
        /// What became of the record.
        public enum Kind: Sendable {
            /// The record became a UDM event: ``BatchNormalizer/Record/rendered`` holds it.
            case normalized
            /// The record could not become a UDM event (damaged JSON, no table matched, no event
            /// time, …): ``BatchNormalizer/Record/failure`` says why and ``BatchNormalizer/Record/raw``
            /// holds its bytes, for a dead-letter file.
            case failed
            /// The record was deliberately not normalized (an EventBridge detail-type no table
            /// handles, a CloudWatch Logs control message, …): ``BatchNormalizer/Record/reason`` says which.
            case skipped
        }
        /// Where the record came from: `file:line[:column]`, with `:Records[i]`-style suffixes
        /// (counted from 0) inside envelopes — the form `udm-normalize explain` takes. Formatted
        /// when read, so records nobody asks about cost no string.
        public var origin: String { location.description }
        let location: RecordOrigin
        /// Whether the record was normalized, failed or skipped.
        public let kind: Kind
        /// The failure or skip reason, in words; nil when the record was normalized.
        public let reason: String?
        /// Why the record failed, typed (its kind, detail and origin); nil unless it failed.
        public let failure: NormalizationFailure?
        /// The rendered event as UTF-8 bytes, in the run's ``BatchNormalizer/Rendering`` (no
        /// trailing newline for `.json`); empty unless normalized, and always empty with `.none`.
        public let rendered: [UInt8]
        /// The event's `metadata.event_type` (`.userLogin`, `.genericEvent`, …); nil unless normalized.
        public let eventType: EventType?
        /// The log type of the table that took the record (`.awsCloudTrail`, `.guardDuty`); for a
        /// failed record, the table's log type when one took it before it failed, else nil; nil
        /// for a skipped record.
        public let logType: LogType?
        /// Notes about a normalized event that did not stop it (a value a rule could not convert,
        /// an event-type fallback, a cut value); empty for failed and skipped records.
        public let diagnostics: [Diagnostic]
        /// The input bytes of a failed record (empty otherwise).
        public let raw: [UInt8]
        /// What identifies the record for de-duplication, as the table's `@dedupe_key` declares it
        /// (`eventID` for CloudTrail, say); nil when the table declares none, the record has no value
        /// for it, or the record was not normalized. Compare keys within one ``BatchNormalizer/Record/logType``.
        public let dedupeKey: String?
        /// What the record adds to a report, when the run collects one.
        let reportEntry: ReportBuilder.Entry?
    }

    /// What the consumer receives, in input order.
    public enum Item: Sendable {
        /// An input was opened and its records follow; `path` as given (`-` for standard input).
        case inputStarted(path: String)
        /// One record's result, in the order the records stand in the input.
        case record(Record)
        /// An input ended; `bytesRead` counts its bytes as stored (compressed for .gz), `rawRecords`
        /// the pieces the reader cut from it — records, or blocks of NDJSON lines — (0 for an
        /// empty input).
        case inputFinished(path: String, bytesRead: Int, rawRecords: Int)
        /// An input could not be opened (missing, a folder, no permission, …); the run goes on with
        /// the next path. No `inputStarted` or `inputFinished` comes for it.
        case inputUnreadable(InputError)
    }

    /// The normalizer every record goes through.
    public let normalizer: Normalizer
    /// Worker threads normalizing and rendering batches; at least 1 (smaller values are raised to 1).
    /// With 1, batches are processed on the calling thread.
    public let jobs: Int
    /// How each normalized event is rendered into ``BatchNormalizer/Record/rendered``.
    public let rendering: Rendering
    /// Prepare each record's contribution to a ``ReportBuilder`` on the worker threads.
    public let collectsReport: Bool
    /// Records per batch handed to a worker.
    public var batchSize = 512
    /// Input bytes per batch handed to a worker, at most (a batch has at least one record).
    var batchByteLimit = 512 << 10
    /// Seconds a pipe or terminal may stay silent before the records read so far are delivered
    /// (and `inputPaused` is called), so that a live feed (`tail -f … |`) is not held back until a
    /// batch fills. Files never pause.
    public var inputPauseDelay = 0.1

    /// A batch normalizer; nothing is read until ``run(paths:progress:inputPaused:consume:)``.
    ///
    /// ```swift
    /// let batch = BatchNormalizer(normalizer: Normalizer(), jobs: 4, rendering: .json)
    /// batch.run(paths: ["trail-1.json.gz", "trail-2.json.gz"]) { item in
    ///     if case .record(let record) = item, record.kind == .normalized {
    ///         FileHandle.standardOutput.write(Data(record.rendered + [0x0A]))
    ///     }
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - normalizer: The normalizer (tables and options) every record goes through.
    ///   - jobs: Worker threads; values below 1 count as 1. The output is the same for any value.
    ///   - rendering: How normalized events are rendered.
    ///   - collectsReport: Prepare each record's contribution to a ``ReportBuilder`` on the worker
    ///     threads, so that a ``ReportBuilder`` can count it. Off by default.
    public init(normalizer: Normalizer, jobs: Int, rendering: Rendering, collectsReport: Bool = false) {
        self.normalizer = normalizer
        self.jobs = max(1, jobs)
        self.rendering = rendering
        self.collectsReport = collectsReport
    }

    /// Reads `paths` in order and calls `consume` for every item, in input order, on the calling
    /// thread; returns when every input was read and every item consumed.
    ///
    /// Folders are not expanded here: give files (plain or gzip) or `-`. A path that cannot be
    /// opened yields ``Item/inputUnreadable(_:)`` and the run goes on.
    ///
    /// - Parameters:
    ///   - paths: The inputs, in the order to read them; `-` is standard input.
    ///   - progress: Called on the calling thread after each batch is read (each input, when
    ///     several are read at once), with the bytes read so far over all inputs (as stored:
    ///     compressed bytes for a `.gz` file).
    ///   - inputPaused: Called when a live input (pipe or terminal) stayed silent for
    ///     ``inputPauseDelay`` seconds and every record read before the pause was consumed: the
    ///     time to flush output.
    ///   - consume: Receives every ``Item``, in order.
    public func run(
        paths: [String], progress: (Int) -> Void = { _ in }, inputPaused: () -> Void = {}, consume: (Item) -> Void
    ) {
        // Several inputs: one per worker, each read, decompressed and cut on its worker's thread.
        // Standard input stays with the calling thread, which flushes a live feed when it pauses.
        if jobs > 1, paths.count > 1, !paths.contains("-") {
            FilePipeline(batch: self).run(paths: paths, progress: progress, consume: consume)
            return
        }
        withoutActuallyEscaping(consume) { consume in
            withoutActuallyEscaping(inputPaused) { inputPaused in
                withoutActuallyEscaping(progress) { progress in
                    run(paths: paths, progress: progress, inputPaused: inputPaused, escapingConsume: consume)
                }
            }
        }
    }

    /// `run` with closures the reader's pause handler may hold while the run lasts.
    private func run(
        paths: [String], progress: @escaping (Int) -> Void, inputPaused: @escaping () -> Void,
        escapingConsume consume: @escaping (Item) -> Void
    ) {
        var pipeline = OrderedPipeline(jobs: jobs)
        var bytesBefore = 0
        for path in paths {
            let stream: InputByteStream
            do {
                stream = try InputByteStream(path: path)
            } catch {
                pipeline.submitReady([.inputUnreadable(InputError(path: path, reason: error.description))], consume)
                continue
            }
            pipeline.submitReady([.inputStarted(path: path)], consume)
            let reader = RecordReader(stream: stream, source: path, limits: normalizer.recordLimits)
            var batch: [RawRecord] = []
            batch.reserveCapacity(batchSize)
            // NDJSON comes in blocks of whole lines (a read's worth): a batch is bounded by bytes too.
            var batchBytes = 0
            var rawRecords = 0
            reader.pauseDelay = inputPauseDelay
            reader.onInputPause = {
                if !batch.isEmpty {
                    pipeline.submit(batch, work: process, consume)
                    batch.removeAll(keepingCapacity: true)
                    batchBytes = 0
                }
                pipeline.finish(consume)
                // A live input (stdin, a FIFO) rarely fills a batch: its figures are due now.
                progress(bytesBefore + reader.bytesRead)
                inputPaused()
            }
            defer { reader.onInputPause = nil }
            while let record = reader.next() {
                rawRecords += 1
                batch.append(record)
                batchBytes += record.bytes.count
                if batch.count >= batchSize || batchBytes >= batchByteLimit {
                    pipeline.submit(batch, work: process, consume)
                    batch.removeAll(keepingCapacity: true)
                    batchBytes = 0
                    progress(bytesBefore + reader.bytesRead)
                }
            }
            if !batch.isEmpty { pipeline.submit(batch, work: process, consume) }
            bytesBefore += reader.bytesRead
            progress(bytesBefore)
            pipeline.submitReady(
                [.inputFinished(path: path, bytesRead: reader.bytesRead, rawRecords: rawRecords)], consume)
        }
        pipeline.finish(consume)
    }

    /// Normalizes and renders one batch (runs on a worker thread).
    @Sendable func process(_ batch: [RawRecord]) -> [Item] {
        let expander = normalizer.expander
        var items: [Item] = []
        items.reserveCapacity(batch.count)
        for raw in batch {
            normalizer.normalize(raw, expander: expander) { result in
                items.append(.record(render(result)))
            }
        }
        return items
    }

    private func render(_ result: NormalizedRecord) -> Record {
        let entry = collectsReport ? ReportBuilder.Entry(result) : nil
        switch result.outcome {
        case .normalized(let event):
            var bytes: [UInt8] = []
            switch rendering {
            case .json: bytes = event.jsonBytes
            case .keyValue: bytes = Array(event.keyValueText.utf8)
            case .none: break
            }
            return Record(
                location: result.location, kind: .normalized, reason: nil, failure: nil, rendered: bytes,
                eventType: event.eventType,
                logType: event.logType, diagnostics: event.diagnostics, raw: [], dedupeKey: event.dedupeKey,
                reportEntry: entry)
        case .failed(let failure):
            return Record(
                location: result.location, kind: .failed, reason: failure.detail, failure: failure, rendered: [],
                eventType: nil,
                logType: result.logType,
                diagnostics: [], raw: result.rawBytes, dedupeKey: nil, reportEntry: entry)
        case .skipped(let reason):
            return Record(
                location: result.location, kind: .skipped, reason: reason.detail, failure: nil, rendered: [],
                eventType: nil,
                logType: nil,
                diagnostics: [], raw: [], dedupeKey: nil, reportEntry: entry)
        }
    }
}

/// Runs work on worker threads and delivers results strictly in submission order, keeping a
/// bounded number of batches in flight.
struct OrderedPipeline {
    /// One submitted unit; the worker fills `result` before signalling `done`, and the consumer
    /// reads it only after waiting on `done`, so the semaphore orders the accesses.
    private final class Slot: @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        var result: [BatchNormalizer.Item] = []
    }

    typealias Consumer = (BatchNormalizer.Item) -> Void

    private let jobs: Int
    private let window: Int
    private var slots: [Slot] = []
    private var head = 0
    private let queue = DispatchQueue(label: "udm-normalize.workers", attributes: .concurrent)
    private let workers: DispatchSemaphore

    init(jobs: Int) {
        self.jobs = jobs
        self.window = jobs * 4
        self.workers = DispatchSemaphore(value: jobs)
    }

    /// Queues a batch; with one job it runs inline, which keeps the single-threaded path simple.
    mutating func submit(
        _ batch: [RawRecord], work: @escaping @Sendable ([RawRecord]) -> [BatchNormalizer.Item], _ consume: Consumer
    ) {
        if jobs == 1 {
            drain(consume)
            for item in work(batch) { consume(item) }
            return
        }
        while slots.count - head >= window { consumeHead(consume) }
        // Deliver what is finished before (perhaps) blocking for a free worker, so that writing
        // output overlaps the workers' normalizing instead of waiting for a full window.
        deliverFinished(consume)
        let slot = Slot()
        slots.append(slot)
        workers.wait()
        let workers = self.workers
        queue.async {
            slot.result = work(batch)
            workers.signal()
            slot.done.signal()
        }
        compactIfNeeded()
    }

    /// Queues items that need no work (markers), keeping their place in the order.
    mutating func submitReady(_ items: [BatchNormalizer.Item], _ consume: Consumer) {
        if jobs == 1 && head == slots.count {
            for item in items { consume(item) }
            return
        }
        let slot = Slot()
        slot.result = items
        slot.done.signal()
        slots.append(slot)
        // Deliver whatever is already finished, so markers and messages appear promptly.
        deliverFinished(consume)
    }

    private mutating func deliverFinished(_ consume: Consumer) {
        while head < slots.count, slots[head].done.wait(timeout: .now()) == .success {
            slots[head].done.signal()
            consumeHead(consume)
        }
    }

    /// Waits for and delivers everything submitted.
    mutating func finish(_ consume: Consumer) {
        drain(consume)
    }

    private mutating func drain(_ consume: Consumer) {
        while head < slots.count { consumeHead(consume) }
    }

    private mutating func consumeHead(_ consume: Consumer) {
        let slot = slots[head]
        slot.done.wait()
        head += 1
        for item in slot.result { consume(item) }
        slot.result = []
    }

    private mutating func compactIfNeeded() {
        if head > 1024 {
            slots.removeFirst(head)
            head = 0
        }
    }
}
