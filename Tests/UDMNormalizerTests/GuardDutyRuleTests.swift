import Foundation
import Testing

@testable import UDMNormalizer

/// Google's published GuardDuty detection rules (vendored in `Tests/Rules/chronicle/guardduty/`),
/// run by the library's rule evaluator, one test case per rule: a real (non-sample) finding of every
/// catalogue type the rule targets fires the rule, the same finding marked as a GuardDuty sample
/// does not (`labels["Sample"] != "true"`, which an absent label meets), and a finding of a type the
/// rule does not target does not.
@Suite(
    .enabled(if: PackagePaths.hasShared, "../shared/reference (the finding type catalogue) is not beside the package"))
struct GuardDutyRuleTests {
    typealias T = GuardDutyTableTests

    static let rules = [
        "aws_guardduty_black_hole_traffic_detected", "aws_guardduty_brute_force_activity_detected",
        "aws_guardduty_command_and_control_activity_detected", "aws_guardduty_crypto_currency_activity_detected",
        "aws_guardduty_denial_of_service_activity_detected", "aws_guardduty_dga_domain_activity_detected",
        "aws_guardduty_malicious_or_suspicious_file_executed", "aws_guardduty_penetration_testing_activity_detected",
        "aws_guardduty_tor_network_activity_detected",
    ]

    static var directory: URL { RuleTestSupport.rulesDirectory.appendingPathComponent("guardduty") }

    /// The pattern a rule matches `metadata.product_event_type` with, read from the parsed rule.
    static func typePattern(_ rule: DetectionRule) throws -> RE2Pattern {
        for statement in rule.events {
            if case .compare(.field(_, let path, _), .equal, .regex(let pattern), _, _) = statement,
                path.description == "metadata.product_event_type"
            {
                return pattern
            }
        }
        throw InputError(path: rule.name, reason: "no product_event_type pattern")
    }

    @Test func theNineRulesAreThere() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
            .filter { $0.hasSuffix(".yaral") }.map { String($0.dropLast(".yaral".count)) }
        #expect(names.sorted() == Self.rules.sorted())
    }

    @Test(arguments: rules)
    func ruleSelectsRealFindingsOfItsTypesOnly(_ name: String) throws {
        let rule = try RulePredicate(name)
        #expect(rule.firesOnOneEvent)
        let pattern = try Self.typePattern(rule.rule)
        let targeted = try T.catalogue().filter { pattern.matches($0.type) }
        #expect(!targeted.isEmpty, "\(name): no catalogue type matches \(pattern.pattern)")
        for entry in targeted {
            var finding = T.finding(for: entry).finding
            let event = try RuleTestEvent(try #require(T.event(finding)).event)
            #expect(event.values("metadata.product_event_type") == [entry.type])
            #expect(event.values("security_result.about.labels[\"Sample\"]").isEmpty, "\(entry.type) is no sample")
            #expect(rule.fires(event), "\(name) does not fire on \(entry.type)")

            T.setPath(&finding, ["service", "additionalInfo"], ["sample": true])
            let sample = try RuleTestEvent(try #require(T.event(finding)).event)
            #expect(!rule.fires(sample), "\(name) fires on the sample finding of \(entry.type)")
        }
        // A type the rule does not target.
        let other = try #require(try T.catalogue().first { !pattern.matches($0.type) && $0.type.hasPrefix("Policy:") })
        let otherEvent = try RuleTestEvent(try #require(T.event(T.finding(for: other).finding)).event)
        #expect(!rule.fires(otherEvent), "\(name) fires on \(other.type)")
    }

    /// The corpus findings of each targeted type (real third-party logs) fire their rule, unless
    /// they are samples.
    @Test(.enabled(if: PackagePaths.hasCorpus, "../shared/corpus is not beside the package"))
    func corpusFindingsAreSelectedByTheirRule() throws {
        let rules = try Self.rules.map { try RulePredicate($0) }
        var fired: [String: Int] = [:]
        var samplesTurnedAway = 0
        var wrong: [String] = []
        let directory = PackagePaths.corpus.appendingPathComponent("guardduty")
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        where file.hasSuffix(".ndjson") {
            let bytes = Array(try Data(contentsOf: directory.appendingPathComponent(file)))
            var events: [(origin: String, event: RuleTestEvent)] = []
            Normalizer().normalize(input: bytes, source: file) { record in
                guard case .normalized(let event) = record.outcome, let view = try? RuleTestEvent(event) else { return }
                events.append((record.origin, view))
            }
            for (origin, event) in events {
                let type = event.values("metadata.product_event_type").first ?? ""
                let isSample = event.values("security_result.about.labels[\"Sample\"]").contains("true")
                for rule in rules {
                    let targets = try Self.typePattern(rule.rule).matches(type)
                    let fires = rule.fires(event)
                    if fires { fired[rule.rule.name, default: 0] += 1 }
                    if isSample && targets && !fires { samplesTurnedAway += 1 }
                    if fires != (targets && !isSample) {
                        wrong.append("\(origin) \(type): \(rule.rule.name) \(fires ? "fires on" : "misses") it")
                    }
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
        // The corpus's real findings of targeted types are its SSH and RDP brute forces; its other
        // findings of those types are GuardDuty samples.
        #expect(fired == ["aws_guardduty_brute_force_activity_detected": 3], "\(fired)")
        #expect(samplesTurnedAway == 11, "\(samplesTurnedAway)")
    }
}
