import Dispatch
import Foundation
import Synchronization

/// Runs the record reader of a pushed input (``NormalizationStream``, ``NormalizedRecords``) on a
/// thread of its own, taking turns with the caller that feeds the bytes.
///
/// The reader is the one the command line uses (`RecordReader`, envelope expansion, gzip detection
/// by content, record limits, the bad-input policy). It pulls its input, so when it needs bytes the
/// caller has not given yet it must wait where it stands, in the middle of a record: that is what
/// its own thread is for. Exactly one side runs at a time — the caller hands over a chunk and waits
/// until the reader has cut and normalized everything that chunk completes and asks for the next
/// one — so records come out in input order, the same records whatever the chunking, and no more
/// than one chunk plus one record (and a bounded batch of results) is held.
///
/// The caller waits for its turn by blocking (``NormalizationStream``, synchronous code) or, made
/// with `suspendingCaller`, by suspending (``NormalizedRecords``), so an async caller never holds a
/// cooperative thread of Swift concurrency while the reader works through a chunk.
final class ReaderHandoff: Sendable {
    private struct State {
        /// The chunk given to the reader and not taken yet.
        var chunk: [UInt8]?
        var inputEnded = false
        var cancelled = false
        var started = false
        /// Whether the reader waits for input (rather than for its results to be taken).
        var readerWantsInput = false
        var readerFinished = false
        /// Whether a caller is in ``feed(_:_:)`` or ``finish(_:)``.
        var callerBusy = false
        /// Results not handed to the caller yet.
        var records: [NormalizedRecord] = []
    }

    /// Results held before the reader lets the caller take them, so that a large chunk does not
    /// turn into an unbounded list of events.
    static let batchSize = 256

    private let state = Mutex(State())
    private let readerTurn = DispatchSemaphore(value: 0)
    private let callerTurn: CallerTurn
    private let normalizer: Normalizer
    private let source: String

    /// A handoff for a caller that blocks while the reader runs, or, with `suspendingCaller`, for
    /// async code that suspends (and must then use `feedSuspending(_:_:)` and `finishSuspending(_:)`).
    init(normalizer: Normalizer, source: String, suspendingCaller: Bool = false) {
        self.normalizer = normalizer
        self.source = source
        self.callerTurn = CallerTurn(suspending: suspendingCaller)
    }

    // MARK: The caller's side

    /// Gives the reader `chunk` and hands `body` every record the bytes so far complete.
    func feed(_ chunk: [UInt8], _ body: (NormalizedRecord) -> Void) {
        if accept(chunk) { runReader(body) }
    }

    /// The same for a suspending caller: the task suspends, never blocks, while the reader runs.
    func feedSuspending(_ chunk: [UInt8], _ body: (NormalizedRecord) -> Void) async {
        if accept(chunk) { await runReaderSuspending(body) }
    }

    /// Ends the input and hands `body` the remaining records (a value the input ends inside is one
    /// failed record). Feeding after this is ignored.
    func finish(_ body: (NormalizedRecord) -> Void) {
        if acceptEnd() { runReader(body) }
    }

    /// The same for a suspending caller.
    func finishSuspending(_ body: (NormalizedRecord) -> Void) async {
        if acceptEnd() { await runReaderSuspending(body) }
    }

    /// Takes `chunk` for the reader; false when there is nothing to read (empty, ended, cancelled).
    private func accept(_ chunk: [UInt8]) -> Bool {
        guard !chunk.isEmpty else { return false }
        return state.withLock { state in
            guard !state.inputEnded, !state.cancelled else { return false }
            precondition(!state.callerBusy, "a stream is fed from one caller at a time")
            state.chunk = chunk
            return true
        }
    }

    /// Marks the end of the input; false when it was already ended or cancelled.
    private func acceptEnd() -> Bool {
        state.withLock { state in
            guard !state.inputEnded, !state.cancelled else { return false }
            state.inputEnded = true
            return true
        }
    }

    /// Stops the reader without delivering anything more: the caller went away.
    func cancel() {
        let wakeReader = state.withLock { state in
            guard !state.cancelled, !state.readerFinished else { return false }
            state.cancelled = true
            state.records = []
            return state.started
        }
        if wakeReader { readerTurn.signal() }
    }

    /// Lets the reader run until it needs more input or ends, handing over its results on the way.
    private func runReader(_ body: (NormalizedRecord) -> Void) {
        giveReaderTheTurn()
        repeat { callerTurn.wait() } while !handOver(body)
        state.withLock { $0.callerBusy = false }
    }

    /// The same, suspending the calling task between the reader's batches.
    private func runReaderSuspending(_ body: (NormalizedRecord) -> Void) async {
        giveReaderTheTurn()
        repeat { await callerTurn.suspendUntilSignalled() } while !handOver(body)
        state.withLock { $0.callerBusy = false }
    }

    /// Starts the reader thread on the first turn, wakes it on the next ones.
    private func giveReaderTheTurn() {
        let start = state.withLock { state in
            state.callerBusy = true
            defer { state.started = true }
            return !state.started
        }
        if start { startReaderThread() } else { readerTurn.signal() }
    }

    /// Hands the reader's results to `body`; true when the reader waits for input or has ended,
    /// else lets it go on.
    private func handOver(_ body: (NormalizedRecord) -> Void) -> Bool {
        let (records, done) = state.withLock { state in
            defer { state.records.removeAll(keepingCapacity: true) }
            return (state.records, state.readerWantsInput || state.readerFinished)
        }
        for record in records { body(record) }
        if !done { readerTurn.signal() }
        return done
    }

    private func startReaderThread() {
        let thread = Thread { [self] in
            let reader = RecordReader(
                stream: InputByteStream(handoff: self), source: source, limits: normalizer.recordLimits)
            normalizer.normalize(reader: reader) { record in deliver(record) }
            let wakeCaller = state.withLock { state in
                state.readerFinished = true
                return !state.cancelled
            }
            if wakeCaller { callerTurn.signal() }
        }
        // As deep as the main thread's: JSON nesting is bounded by the parser, not by the stack.
        thread.stackSize = 8 << 20
        thread.name = "udm-normalize stream reader"
        thread.start()
    }

    // MARK: The reader's side

    /// The next chunk of input, waiting for the caller to give one; empty at the end of the input.
    func nextChunk() -> [UInt8] {
        while true {
            let taken: [UInt8]? = state.withLock { state in
                state.readerWantsInput = false
                if state.cancelled { return [] }
                if let chunk = state.chunk {
                    state.chunk = nil
                    return chunk
                }
                if state.inputEnded { return [] }
                state.readerWantsInput = true
                return nil
            }
            if let taken { return taken }
            callerTurn.signal()
            readerTurn.wait()
        }
    }

    /// Keeps a result for the caller, letting the caller take a full batch before going on.
    private func deliver(_ record: NormalizedRecord) {
        let batchFull = state.withLock { state in
            guard !state.cancelled else { return false }
            state.records.append(record)
            return state.records.count >= Self.batchSize
        }
        guard batchFull else { return }
        callerTurn.signal()
        readerTurn.wait()
    }
}
