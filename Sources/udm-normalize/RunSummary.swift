/// The counts of a run; read = normalized + failed + skipped by construction.
struct RunSummary {
    private(set) var normalized = 0
    private(set) var failed = 0
    /// Skips by reason, in first-seen order.
    private(set) var skipReasons: [(reason: String, count: Int)] = []
    var read: Int { normalized + failed + skipped }
    var skipped: Int { skipReasons.reduce(0) { $0 + $1.count } }

    mutating func countNormalized() { normalized += 1 }
    mutating func countFailed() { failed += 1 }
    mutating func countSkipped(_ reason: String) {
        if let index = skipReasons.firstIndex(where: { $0.reason == reason }) { skipReasons[index].count += 1 } else { skipReasons.append((reason, 1)) }
    }

    var line: String {
        var text = "records: \(read) read, \(normalized) normalized, \(failed) failed, \(skipped) skipped"
        if !skipReasons.isEmpty {
            text += " (" + skipReasons.map { "\($0.count) \($0.reason)" }.joined(separator: "; ") + ")"
        }
        return text
    }
}
