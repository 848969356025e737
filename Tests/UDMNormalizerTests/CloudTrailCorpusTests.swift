import Foundation
import Testing

@testable import UDMNormalizer

/// Every CloudTrail event of the third-party corpus (`../shared/corpus/cloudtrail`) normalizes,
/// except those without an event time, which fail with that reason; and every event written is
/// valid UDM by an independent check (paths, arrays, enums, required fields).
@Suite(.enabled(if: PackagePaths.hasCorpus, "../shared/corpus is not beside the package: corpus tests skipped"))
struct CloudTrailCorpusTests {
    static let files: [URL] = {
        let directory = PackagePaths.corpus.appendingPathComponent("cloudtrail")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".ndjson") }.sorted().map { directory.appendingPathComponent($0) }
    }()

    @Test func everyEventNormalizesOrLacksATime() throws {
        let oracle = try UDMOracle()
        var read = 0
        var normalized = 0
        var failed = 0
        var problems: [String] = []
        for file in Self.files {
            let bytes = Array(try Data(contentsOf: file))
            Normalizer().normalize(input: bytes, source: file.lastPathComponent) { record in
                read += 1
                switch record.outcome {
                case .normalized(let event):
                    normalized += 1
                    let json = event.json
                    problems += oracle.problems(inEventJSON: json).map { "\(record.origin): \($0)" }
                    problems += oracle.unmetRequirements(inEventJSON: json).map { "\(record.origin): requires \($0)" }
                    #expect(event.logType == .awsCloudTrail)
                case .failed(let reason):
                    failed += 1
                    if reason.kind != .noEventTime { problems.append("\(record.origin): failed: \(reason)") }
                case .skipped(let reason):
                    problems.append("\(record.origin): skipped: \(reason)")
                }
            }
        }
        #expect(read >= 460, "the corpus holds 463 CloudTrail events")
        #expect(read == normalized + failed)
        #expect(failed <= 15, "only events without a usable eventTime may fail")
        #expect(problems.isEmpty, "\(problems.count) problems:\n\(problems.prefix(30).joined(separator: "\n"))")
    }

    /// The corpus's events without an event time are exactly the ones that fail.
    @Test func failuresAreExactlyTheEventsWithoutTime() throws {
        for file in Self.files {
            let text = try PackagePaths.read(file)
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where !line.isEmpty {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                let time = object?["eventTime"] as? String
                let hasTime = time.map { Timestamp(text: $0) != nil } ?? false
                let outcome = Normalizer().normalize(record: Array(line.utf8))
                switch outcome {
                case .normalized: #expect(hasTime, "\(file.lastPathComponent):\(index + 1) normalized without a time")
                case .failed(let reason):
                    #expect(
                        !hasTime && reason.kind == .noEventTime,
                        "\(file.lastPathComponent):\(index + 1): \(reason)")
                case .skipped: Issue.record("\(file.lastPathComponent):\(index + 1) skipped")
                }
            }
        }
    }

    /// The EventBridge-wrapped CloudTrail events of the corpus's envelope folder are unwrapped and normalized.
    @Test func eventBridgeEnvelopesNormalize() throws {
        let directory = PackagePaths.corpus.appendingPathComponent("envelopes")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
            $0.contains("via_CloudTrail")
        }
        #expect(names.count == 2)
        for name in names {
            var outcomes: [String] = []
            try Normalizer().normalize(path: directory.appendingPathComponent(name).path) { record in
                if case .normalized(let event) = record.outcome {
                    outcomes.append(event.logType.rawValue)
                } else {
                    outcomes.append("\(record.outcome)")
                }
            }
            #expect(outcomes == ["AWS_CLOUDTRAIL"], "\(name)")
        }
    }
}
