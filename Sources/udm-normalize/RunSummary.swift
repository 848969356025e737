import Foundation
import UDMNormalizer

/// The counts of a run; read = normalized + failed + skipped by construction.
struct RunSummary {
    private(set) var normalized = 0
    private(set) var failed = 0
    /// Skips by reason, in first-seen order.
    private(set) var skipReasons: [(reason: String, count: Int)] = []
    var files = 0
    var bytes = 0
    var notes = 0
    var unreadablePaths = 0
    var hiddenSkipped = 0
    var excluded = 0
    var expectationFiles = 0
    var seconds = 0.0
    var read: Int { normalized + failed + skipped }
    var skipped: Int { skipReasons.reduce(0) { $0 + $1.count } }

    mutating func countNormalized() { normalized += 1 }
    mutating func countFailed() { failed += 1 }
    mutating func countSkipped(_ reason: String) {
        if let index = skipReasons.firstIndex(where: { $0.reason == reason }) {
            skipReasons[index].count += 1
        } else {
            skipReasons.append((reason, 1))
        }
    }

    /// `records: …` then `files: …`, the closing lines of a run.
    var text: String {
        var records = "records: \(read) read, \(normalized) normalized, \(failed) failed, \(skipped) skipped"
        if !skipReasons.isEmpty {
            records += " (" + skipReasons.map { "\($0.count) \($0.reason)" }.joined(separator: "; ") + ")"
        }
        var inputs =
            "files: \(files) read, \(Self.byteText(bytes)), \(String(format: "%.2f", seconds)) s, \(TableLoader.count(notes, "note"))"
        var left: [String] = []
        if unreadablePaths > 0 { left.append("\(unreadablePaths) unreadable") }
        if hiddenSkipped > 0 { left.append("\(hiddenSkipped) hidden skipped") }
        if excluded > 0 { left.append("\(excluded) excluded") }
        if expectationFiles > 0 { left.append("\(expectationFiles) excluded (expectation files)") }
        if !left.isEmpty { inputs += " (" + left.joined(separator: ", ") + ")" }
        return records + "\n" + inputs
    }

    /// The summary as one JSON object, for pipelines (`--summary-json`).
    var json: String {
        let skips = skipReasons.map { "{\"reason\":\(JSONText.quoted($0.reason)),\"count\":\($0.count)}" }.joined(
            separator: ",")
        return
            "{\"schema\":\"udm-normalize/summary/v1\",\"records\":{\"read\":\(read),\"normalized\":\(normalized),\"failed\":\(failed),\"skipped\":\(skipped),"
            + "\"skipped_by_reason\":[\(skips)]},\"files\":{\"read\":\(files),\"unreadable\":\(unreadablePaths),\"hidden_skipped\":\(hiddenSkipped),\"excluded\":\(excluded),\"excluded_expectation_files\":\(expectationFiles)},"
            + "\"bytes\":\(bytes),\"seconds\":\(String(format: "%.3f", seconds)),\"notes\":\(notes)}\n"
    }

    static func byteText(_ bytes: Int) -> String {
        bytes < 1_000_000 ? "\(bytes) bytes" : String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }
}
