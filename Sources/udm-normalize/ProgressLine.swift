import Foundation

/// A one-line progress report on standard error (records, MB, MB/s, elapsed), redrawn at most
/// twice a second, and only when standard error is a terminal. Anything else written to that
/// terminal (messages, or events when standard output is the same terminal) clears it first.
struct ProgressLine {
    private let enabled: Bool
    private let start = Date()
    private var lastDraw = Date.distantPast
    private(set) var drawn = false

    init(quiet: Bool) {
        enabled = !quiet && isatty(STDERR_FILENO) == 1
    }

    mutating func update(records: Int, bytes: Int, force: Bool = false) {
        guard enabled else { return }
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) >= 0.5 else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let megabytes = Double(bytes) / 1_000_000
        let text = String(format: "\r\u{1B}[K%d records, %.1f MB, %.1f MB/s, %.1fs", records, megabytes, megabytes / elapsed, elapsed)
        FileHandle.standardError.write(Data(text.utf8))
        drawn = true
    }

    /// Clears the line so the next message starts clean.
    mutating func clear() {
        guard enabled, drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drawn = false
    }
}
