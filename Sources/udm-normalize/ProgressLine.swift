import Foundation
import Synchronization

/// A one-line progress report on standard error (records, MB, MB/s, elapsed), only when standard
/// error is a terminal. A thread of its own redraws it twice a second, so it shows (and its clock
/// runs) while a slow input delivers nothing; anything else written to that terminal goes through
/// `message` or `clearing`, which clear the line first under the same lock, so nothing is ever
/// glued to it.
final class ProgressLine: Sendable {
    private struct State {
        var records = 0
        var bytes = 0
        var drawn = false
        var finished = false
    }

    private let state = Mutex(State())
    private let enabled: Bool
    private let start = Date()

    init(quiet: Bool) {
        enabled = !quiet && isatty(STDERR_FILENO) == 1
        guard enabled else { return }
        Thread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 0.5)
                let running = state.withLock { state -> Bool in
                    guard !state.finished else { return false }
                    draw(&state)
                    return true
                }
                if !running { return }
            }
        }.start()
    }

    /// Records the latest figures; the next redraw shows them.
    func update(records: Int, bytes: Int) {
        guard enabled else { return }
        state.withLock {
            $0.records = records
            $0.bytes = bytes
        }
    }

    /// Writes a line to standard error with the progress line cleared first.
    func message(_ line: String) {
        clearing { StandardStreams.error(line) }
    }

    /// Runs `write` (which writes to the terminal) with the progress line cleared and not redrawn meanwhile.
    func clearing(_ write: () -> Void) {
        guard enabled else { return write() }
        state.withLock { state in
            Self.erase(&state)
            write()
        }
    }

    /// Stops redrawing and clears the line, before the closing summary.
    func finish() {
        guard enabled else { return }
        state.withLock { state in
            state.finished = true
            Self.erase(&state)
        }
    }

    private func draw(_ state: inout State) {
        let elapsed = max(Date().timeIntervalSince(start), 0.001)
        let megabytes = Double(state.bytes) / 1_000_000
        let text = String(
            format: "\r\u{1B}[K%d records, %.1f MB, %.1f MB/s, %.1fs", state.records, megabytes, megabytes / elapsed,
            elapsed)
        FileHandle.standardError.write(Data(text.utf8))
        state.drawn = true
    }

    private static func erase(_ state: inout State) {
        guard state.drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        state.drawn = false
    }
}
