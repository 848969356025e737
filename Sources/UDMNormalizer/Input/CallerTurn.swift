import Dispatch
import Synchronization

/// The reader thread's "your turn" to the caller of a ``ReaderHandoff``: the caller waits for it
/// by blocking its thread (synchronous callers) or by suspending its task (async callers, which
/// must not hold a cooperative thread while the reader works). One caller waits at a time.
final class CallerTurn: Sendable {
    private struct State {
        /// Signals not waited for yet (suspending callers).
        var pending = 0
        /// The suspended caller, when it waits.
        var suspended: CheckedContinuation<Void, Never>?
    }

    private let suspending: Bool
    private let state = Mutex(State())
    private let semaphore = DispatchSemaphore(value: 0)

    /// A turn waited for by suspending (`suspending`) or by blocking.
    init(suspending: Bool) {
        self.suspending = suspending
    }

    /// Gives the caller its turn: wakes it, or lets its next wait return at once.
    func signal() {
        guard suspending else {
            semaphore.signal()
            return
        }
        let waiting = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if let continuation = state.suspended {
                state.suspended = nil
                return continuation
            }
            state.pending += 1
            return nil
        }
        waiting?.resume()
    }

    /// Blocks the calling thread until the turn is given (a blocking caller's handoff).
    func wait() {
        precondition(!suspending, "a suspending caller's turn is awaited, not waited for")
        semaphore.wait()
    }

    /// Suspends the calling task until the turn is given (a suspending caller's handoff).
    func suspendUntilSignalled() async {
        precondition(suspending, "a blocking caller's turn is waited for, not awaited")
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state in
                guard state.pending == 0 else {
                    state.pending -= 1
                    return true
                }
                state.suspended = continuation
                return false
            }
            if ready { continuation.resume() }
        }
    }
}
