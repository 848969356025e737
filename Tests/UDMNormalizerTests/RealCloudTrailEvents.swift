import Foundation

@testable import UDMNormalizer

/// Real CloudTrail events to build damaged inputs from: Panther's rule-test logs, vendored in
/// `Tests/Corpus/cloudtrail` (Apache-2.0, the same file as `../shared/corpus/cloudtrail`), so the
/// damage tests see the same events on a bare clone as beside the shared corpus.
/// Only events that normalize are kept, each as compact one-line JSON, so a test can tell the
/// damage from an event that fails for its own reasons.
enum RealCloudTrailEvents {
    static let file = PackagePaths.vendoredCorpus.appendingPathComponent(
        "cloudtrail/panther_analysis_rule_tests.ndjson")

    static let all: [String] = {
        let lines = ((try? PackagePaths.read(file)) ?? "").split(separator: "\n").map(String.init)
        let normalizer = Normalizer()
        return lines.filter { line in
            guard line.hasPrefix("{"), case .normalized = normalizer.normalize(record: Array(line.utf8)) else {
                return false
            }
            return true
        }
    }()

    /// `count` events, cycling through the real ones.
    static func events(_ count: Int) -> [String] {
        (0..<count).map { all[$0 % all.count] }
    }

    /// A CloudTrail S3 log file, `{"Records":[…]}` on one line, and where each element ends.
    static func recordsFile(_ events: [String]) -> (bytes: [UInt8], elementStarts: [Int], elementEnds: [Int]) {
        var bytes = Array("{\"Records\":[".utf8)
        var starts: [Int] = []
        var ends: [Int] = []
        for (index, event) in events.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            starts.append(bytes.count)
            bytes.append(contentsOf: event.utf8)
            ends.append(bytes.count)
        }
        bytes.append(contentsOf: "]}".utf8)
        return (bytes, starts, ends)
    }
}

/// What became of every record of an input, and the accounting the README promises.
struct InputOutcome {
    var normalized: [String] = []
    var failed: [(origin: String, reason: String)] = []
    var skipped = 0

    var read: Int { normalized.count + failed.count + skipped }

    static func of(_ bytes: [UInt8], maxRecordBytes: Int = 16 << 20, chunk: Int = Int.max) -> InputOutcome {
        var outcome = InputOutcome()
        Normalizer(options: .init(maxRecordBytes: maxRecordBytes)).normalize(input: bytes, source: "f", chunk: chunk) {
            record in
            switch record.outcome {
            case .normalized: outcome.normalized.append(record.origin)
            case .failed(let failure): outcome.failed.append((record.origin, failure.detail))
            case .skipped: outcome.skipped += 1
            }
        }
        return outcome
    }
}
