import Foundation
import Testing

@testable import UDMNormalizer

/// The third-party GuardDuty corpus (`../shared/corpus`): every finding normalizes into valid UDM
/// (independent check: paths, arrays, enums, required fields), the envelope files normalize or skip
/// as their shape says, and the partial fragments fail or degrade with a reason, never crash.
@Suite(
    .enabled(if: PackagePaths.hasCorpus, "../shared/corpus is not beside the package: GuardDuty corpus tests skipped"))
struct GuardDutyCorpusTests {
    static func files(_ folder: String, suffix: String? = ".ndjson") -> [URL] {
        let directory = PackagePaths.corpus.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { suffix.map($0.hasSuffix) ?? true }.sorted().map { directory.appendingPathComponent($0) }
    }

    /// Outcomes of every record of a file, with the oracle's findings about each event.
    struct Tally {
        var read = 0, normalized = 0, failed = 0, skipped = 0
        var logTypes: [String: Int] = [:]
        var eventTypes: [String: Int] = [:]
        var events: [String] = []
        var failures: [String] = []
        var skips: [String] = []
        var problems: [String] = []
        var diagnostics: [String] = []
    }

    static func tally(_ file: URL, oracle: UDMOracle) throws -> Tally {
        var tally = Tally()
        let bytes = Array(try Data(contentsOf: file))
        Normalizer().normalize(input: bytes, source: file.lastPathComponent) { record in
            tally.read += 1
            switch record.outcome {
            case .normalized(let event):
                tally.normalized += 1
                tally.logTypes[event.logType.rawValue, default: 0] += 1
                tally.eventTypes[event.eventType.rawValue, default: 0] += 1
                let json = event.json
                tally.events.append(json)
                tally.problems += oracle.problems(inEventJSON: json).map { "\(record.origin): \($0)" }
                tally.problems += oracle.unmetRequirements(inEventJSON: json).map { "\(record.origin): requires \($0)" }
                tally.diagnostics += event.diagnostics.map { "\(record.origin): \($0)" }
            case .failed(let reason):
                tally.failed += 1
                tally.failures.append("\(record.origin): \(reason)")
            case .skipped(let reason):
                tally.skipped += 1
                tally.skips.append("\(record.origin): \(reason)")
            }
        }
        return tally
    }

    static func object(_ json: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] ?? [:]
    }

    // MARK: Findings

    @Test func everyFindingNormalizesIntoValidUDM() throws {
        let oracle = try UDMOracle()
        let files = Self.files("guardduty")
        #expect(!files.isEmpty)
        var read = 0
        var normalized = 0
        var problems: [String] = []
        var eventTypes: [String: Int] = [:]
        for file in files {
            let tally = try Self.tally(file, oracle: oracle)
            read += tally.read
            normalized += tally.normalized
            problems += tally.failures.map { "failed: \($0)" } + tally.skips.map { "skipped: \($0)" } + tally.problems
            problems += tally.logTypes.filter { $0.key != "GUARDDUTY" }.map {
                "\(file.lastPathComponent): \($0.value) events of log type \($0.key)"
            }
            for (type, count) in tally.eventTypes { eventTypes[type, default: 0] += count }
        }
        #expect(read >= 39, "the corpus holds 39 GuardDuty findings")
        #expect(normalized == read, "every finding normalizes")
        #expect(problems.isEmpty, "\(problems.count) problems:\n\(problems.prefix(30).joined(separator: "\n"))")
        // The corpus has network, API-call, Kubernetes, DNS, port-probe and runtime findings: they keep
        // their specific types (only findings lacking the required nouns fall back).
        for type in ["NETWORK_CONNECTION", "USER_RESOURCE_ACCESS", "NETWORK_DNS", "SCAN_NETWORK", "PROCESS_LAUNCH"] {
            #expect((eventTypes[type] ?? 0) > 0, "no \(type) event in the corpus: \(eventTypes)")
        }
        let generic = eventTypes["GENERIC_EVENT"] ?? 0
        #expect(generic <= 10, "at most the attack sequences and the findings without a user fall back: \(eventTypes)")
    }

    /// Each finding keeps its identity: vendor, product, type, id, time, severity and category.
    @Test func findingsKeepTheirIdentity() throws {
        for file in Self.files("guardduty") {
            let text = try PackagePaths.read(file)
            for (index, line) in text.split(separator: "\n").enumerated() {
                let finding = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                func field(_ name: String) -> Any? {
                    finding[name] ?? finding[name.prefix(1).uppercased() + name.dropFirst()]
                }
                guard case .normalized(let event) = Normalizer().normalize(record: Array(line.utf8)) else {
                    Issue.record("\(file.lastPathComponent):\(index + 1) did not normalize")
                    continue
                }
                let udm = Self.object(event.json)
                let metadata = udm["metadata"] as? [String: Any] ?? [:]
                let result = (udm["security_result"] as? [[String: Any]])?.first ?? [:]
                let place = "\(file.lastPathComponent):\(index + 1)"
                #expect(metadata["vendor_name"] as? String == "AMAZON", "\(place)")
                #expect(metadata["product_name"] as? String == "AWS GuardDuty", "\(place)")
                #expect(metadata["product_event_type"] as? String == field("type") as? String, "\(place)")
                #expect(metadata["product_log_id"] as? String == field("id") as? String, "\(place)")
                #expect(result["rule_name"] as? String == field("type") as? String, "\(place)")
                #expect(result["summary"] as? String == field("title") as? String, "\(place)")
                #expect(metadata["event_timestamp"] != nil, "\(place)")
                #expect(
                    ["INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL"].contains(
                        result["severity"] as? String ?? ""), "\(place): \(result["severity"] ?? "none")")
                #expect(!((result["category"] as? [String]) ?? []).isEmpty, "\(place): no category")
                #expect(event.dedupeKey == "\(field("id") ?? "")|\(field("updatedAt") ?? "")", "\(place)")
            }
        }
    }

    // MARK: Envelopes

    /// What each envelope file holds: log type -> events, and how many records are skipped.
    static let expectedEnvelopes: [String: (logTypes: [String: Int], skipped: Int)] = [
        // A pretty-printed bare finding.
        "aws-samples_automated-response_guardduty_iam_event.pretty.json": (["GUARDDUTY": 1], 0),
        // {region, detail}: no detail-type, the detail is unwrapped.
        "aws-samples_waf-acl_gd2acl_test_event.eventbridge.json": (["GUARDDUTY": 1], 0),
        "awsdocs_eventbridge_01_AWS_Console_Sign_In_via_CloudTrail.json": (["AWS_CLOUDTRAIL": 1], 0),
        "awsdocs_eventbridge_02_AWS_API_Call_via_CloudTrail.json": (["AWS_CLOUDTRAIL": 1], 0),
        "awsdocs_guardduty_GetFindings_response_body.json": (["GUARDDUTY": 1], 0),  // {"findings":[…]}
        // A bare finding and six EventBridge events.
        "oluolus_sentinel_guardduty_findings.mixed.ndjson": (["GUARDDUTY": 7], 0),
        // Detail-type "GuardDuty Finding".
        "oluolus_sentinel_network-eventbridge.eventbridge.json": (["GUARDDUTY": 1], 0),
        "security_monkey_fork_gd_post_test_data.eventbridge.json": (["GUARDDUTY": 1], 0),
        // A boto3 {"ResponseMetadata", "Findings":[…]}, PascalCase.
        "stix-shifter_aws_guardduty_results_response.boto3.json": (["GUARDDUTY": 1], 0),
    ]

    @Test func envelopesNormalizeOrSkipAsExpected() throws {
        let oracle = try UDMOracle()
        let files = Self.files("envelopes", suffix: nil)
        #expect(
            Set(files.map(\.lastPathComponent)) == Set(Self.expectedEnvelopes.keys),
            "the envelope folder changed: update expectedEnvelopes")
        for file in files {
            guard let expected = Self.expectedEnvelopes[file.lastPathComponent] else { continue }
            let tally = try Self.tally(file, oracle: oracle)
            #expect(tally.failed == 0, "\(file.lastPathComponent): \(tally.failures)")
            #expect(tally.logTypes == expected.logTypes, "\(file.lastPathComponent): \(tally.logTypes)")
            #expect(tally.skipped == expected.skipped, "\(file.lastPathComponent): \(tally.skips)")
            #expect(tally.problems.isEmpty, "\(file.lastPathComponent): \(tally.problems.prefix(10))")
        }
    }

    /// A finding gives the same event whatever it arrived in: the API response body holds the user
    /// guide's finding, the mixed NDJSON the same findings as the unwrapped sample-data file.
    @Test func envelopesGiveTheSameEventsAsTheBareFindings() throws {
        let oracle = try UDMOracle()
        let pairs = [
            (
                "envelopes/awsdocs_guardduty_GetFindings_response_body.json",
                "guardduty/awsdocs_guardduty_user_guide.ndjson"
            ),
            (
                "envelopes/oluolus_sentinel_guardduty_findings.mixed.ndjson",
                "guardduty/oluolus_sentinel_sample_data.ndjson"
            ),
            (
                "envelopes/security_monkey_fork_gd_post_test_data.eventbridge.json",
                "guardduty/security_monkey_fork_guardduty_view_test.ndjson"
            ),
            (
                "envelopes/aws-samples_waf-acl_gd2acl_test_event.eventbridge.json",
                "guardduty/aws_samples_guardduty_waf_acl_detail.ndjson"
            ),
        ]
        for (envelope, bare) in pairs {
            let wrapped = try Self.tally(PackagePaths.corpus.appendingPathComponent(envelope), oracle: oracle)
            let unwrapped = try Self.tally(PackagePaths.corpus.appendingPathComponent(bare), oracle: oracle)
            #expect(wrapped.events.count == unwrapped.events.count, "\(envelope)")
            #expect(
                wrapped.events.map(Self.object).map(NSDictionary.init)
                    == unwrapped.events.map(Self.object).map(NSDictionary.init), "\(envelope) vs \(bare)")
        }
    }

    @Test func otherGuardDutyDetailTypesAreSkipped() {
        let event =
            #"{"version":"0","id":"1","detail-type":"GuardDuty Runtime Protection Unhealthy","source":"aws.guardduty","account":"111122223333","time":"2026-03-02T09:00:00Z","region":"us-east-1","resources":[],"detail":{"schemaVersion":"1.0","resourceType":"EC2","ec2InstanceId":"i-0123"}}"#
        var outcomes: [NormalizationOutcome] = []
        Normalizer().normalize(input: Array(event.utf8), source: "test") { outcomes.append($0.outcome) }
        #expect(outcomes.count == 1)
        guard case .skipped(let reason)? = outcomes.first else {
            Issue.record("expected a skip, got \(outcomes)")
            return
        }
        #expect(reason.kind == .unhandledDetailType)
        #expect(reason.detail.contains("GuardDuty Runtime Protection Unhealthy"))
    }

    // MARK: Fragments

    /// The fragments of test code (no id, no type, mostly no timestamps) fail with a reason that says
    /// what is missing, or normalize with a diagnostic saying why the event type fell back; none is
    /// silently accepted as a complete finding and none crashes.
    @Test func partialFragmentsFailOrDegradeWithReasons() throws {
        let oracle = try UDMOracle()
        let files = Self.files("partial")
        #expect(!files.isEmpty)
        var read = 0
        var failed = 0
        var degraded = 0
        var problems: [String] = []
        for file in files {
            let tally = try Self.tally(file, oracle: oracle)
            read += tally.read
            failed += tally.failed
            for failure in tally.failures
            where !(failure.contains("no event time: updatedAt is missing") || failure.contains("unrecognized record"))
            {
                problems.append("unclear failure: \(failure)")
            }
            problems += tally.skips.map { "skipped: \($0)" } + tally.problems
            degraded += tally.diagnostics.filter { $0.contains("event type set to GENERIC_EVENT") }.count
            if tally.normalized > 0 && tally.diagnostics.isEmpty {
                problems.append("\(file.lastPathComponent): a fragment normalized without any diagnostic")
            }
        }
        #expect(read >= 10, "the partial corpus holds 10 fragments")
        #expect(
            failed + degraded == read,
            "every fragment fails or degrades: \(failed) failed, \(degraded) degraded of \(read)")
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    // MARK: Separation from CloudTrail

    /// guardduty.map's @match never holds for a CloudTrail record, and cloudtrail.map's never for a
    /// finding, whichever order the files were tried in: each table set alone leaves the other's
    /// records unrecognized.
    @Test func cloudTrailAndGuardDutyTablesDoNotOverlap() throws {
        func tables(_ names: [String]) throws -> MappingSet {
            try MappingSet(
                files: names.map { ($0, try PackagePaths.read(PackagePaths.mappings.appendingPathComponent($0))) })
        }
        let guardDutyOnly = Normalizer(mappings: try tables(["guardduty-classification.map", "guardduty.map"]))
        let cloudTrailOnly = Normalizer(mappings: try tables(["cloudtrail-event-types.map", "cloudtrail.map"]))
        func records(_ folder: String) throws -> [String] {
            try Self.files(folder).flatMap { try PackagePaths.read($0).split(separator: "\n").map(String.init) }
        }
        for line in try records("cloudtrail") {
            guard case .failed(let reason) = guardDutyOnly.normalize(record: Array(line.utf8)),
                reason.kind == .unrecognized
            else {
                Issue.record("guardduty.map matches a CloudTrail record: \(line.prefix(120))")
                continue
            }
        }
        for line in try records("guardduty") + records("partial") {
            guard case .failed(let reason) = cloudTrailOnly.normalize(record: Array(line.utf8)),
                reason.kind == .unrecognized
            else {
                Issue.record("cloudtrail.map matches a finding: \(line.prefix(120))")
                continue
            }
        }
    }
}
