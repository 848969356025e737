import Foundation
import Testing

@testable import UDMNormalizer

/// The `google-secops` profile over the third-party CloudTrail corpus: it types at least 90% of
/// the events beyond GENERIC_EVENT (the reference profile: about 15%), and every event it writes
/// is valid UDM by the independent oracle, its type's required fields included.
@Suite(.enabled(if: PackagePaths.hasCorpus, "../shared/corpus is not beside the package: corpus tests skipped"))
struct GoogleSecOpsCorpusTests {
    /// Event types of the corpus's normalized events under `profile`, and the oracle's findings.
    private func run(profile: String) throws -> (types: [String], problems: [String]) {
        let oracle = try UDMOracle()
        let normalizer = Normalizer(mappings: try MappingSet.builtin(profile: profile))
        var types: [String] = []
        var problems: [String] = []
        for file in CloudTrailCorpusTests.files {
            normalizer.normalize(input: Array(try Data(contentsOf: file)), source: file.lastPathComponent) { record in
                guard case .normalized(let event) = record.outcome else { return }
                types.append(event.values(at: "metadata.event_type").first ?? "")
                problems += oracle.problems(inEventJSON: event.json).map { "\(record.origin): \($0)" }
                problems += oracle.unmetRequirements(inEventJSON: event.json).map { "\(record.origin): requires \($0)" }
            }
        }
        return (types, problems)
    }

    @Test func typesNinetyPercentBeyondGenericEvent() throws {
        let (types, problems) = try run(profile: "google-secops")
        let typed = types.filter { $0 != "GENERIC_EVENT" }.count
        let share = Double(typed) / Double(max(types.count, 1))
        #expect(types.count >= 440, "the corpus's CloudTrail events with a time")
        #expect(
            share >= 0.90,
            "google-secops types \(typed) of \(types.count) events beyond GENERIC_EVENT (\(String(format: "%.1f", share * 100))%)"
        )
        #expect(problems.isEmpty, "\(problems.prefix(10).joined(separator: "\n"))")
    }

    @Test func referenceProfileTypesOnlyItsTable() throws {
        let (types, _) = try run(profile: MappingSet.referenceProfile)
        let typed = types.filter { $0 != "GENERIC_EVENT" }.count
        #expect(
            Double(typed) / Double(max(types.count, 1)) < 0.25,
            "the reference types only the names of its table and Google's exact rows")
    }
}
