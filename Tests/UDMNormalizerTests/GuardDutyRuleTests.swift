import Foundation
import Testing

@testable import UDMNormalizer

/// Google's published GuardDuty detection rules (`../shared/reference/chronicle-rules/guardduty/`),
/// one test case per rule: a real (non-sample) finding of every catalogue type the rule targets
/// satisfies the rule's `events:` predicate, the same finding marked as a GuardDuty sample does not,
/// and a finding of a type the rule does not target does not.
///
/// The predicates are read from the rule files and evaluated here (no Python): a line
/// `$e.PATH = "text"`, `$e.PATH = /regex/` or `$e.PATH != "text"`, with `labels["key"]` selecting
/// labels by key, repeated fields unnested and an absent field reading as "" — the semantics of
/// YARA-L 2.0 that `../shared/tools/yaral.py` documents. A line of any other form fails the test,
/// so a changed rule is noticed.
@Suite(.enabled(if: PackagePaths.hasShared, "../shared/reference is not beside the package"))
struct GuardDutyRuleTests {
    typealias T = GuardDutyTableTests

    static let rules = [
        "aws_guardduty_black_hole_traffic_detected", "aws_guardduty_brute_force_activity_detected",
        "aws_guardduty_command_and_control_activity_detected", "aws_guardduty_crypto_currency_activity_detected",
        "aws_guardduty_denial_of_service_activity_detected", "aws_guardduty_dga_domain_activity_detected",
        "aws_guardduty_malicious_or_suspicious_file_executed", "aws_guardduty_penetration_testing_activity_detected",
        "aws_guardduty_tor_network_activity_detected",
    ]

    static var directory: URL { PackagePaths.reference.appendingPathComponent("chronicle-rules/guardduty") }

    /// One comparison of an `events:` section.
    struct Clause: CustomStringConvertible {
        enum Expected {
            case text(String)
            case pattern(NSRegularExpression)
        }
        var path: [String]
        var negated: Bool
        var expected: Expected
        var line: String
        var description: String { line }
        var readsProductName: Bool { path == ["metadata", "product_name"] }

        /// Whether any unnested value of the path satisfies the comparison (absent reads as "").
        func holds(in udm: [String: Any]) -> Bool {
            var values = GuardDutyRuleTests.values(udm, path)
            if values.isEmpty { values = [""] }
            return values.contains { value in
                let matches: Bool
                switch expected {
                case .text(let text): matches = value == text
                case .pattern(let regex):
                    matches = regex.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) != nil
                }
                return negated ? !matches : matches
            }
        }
    }

    /// Every value at `path`, arrays unnested; a `labels["key"]` segment reads the values of the
    /// labels with that key.
    static func values(_ node: Any, _ path: [String]) -> [String] {
        guard let first = path.first else {
            switch node {
            case let text as String: return [text]
            case let number as NSNumber: return [number.stringValue]
            default: return []
            }
        }
        if let array = node as? [Any] { return array.flatMap { values($0, path) } }
        guard let object = node as? [String: Any] else { return [] }
        if let open = first.firstIndex(of: "["), first.hasSuffix("\"]") {
            let name = String(first[..<open])
            let key = String(first[first.index(open, offsetBy: 2)..<first.index(first.endIndex, offsetBy: -2)])
            let labels = (object[name] as? [[String: Any]]) ?? []
            return labels.filter { $0["key"] as? String == key }.flatMap {
                values($0["value"] as Any, Array(path.dropFirst()))
            }
        }
        guard let child = object[first] else { return [] }
        return values(child, Array(path.dropFirst()))
    }

    /// The comparisons of a rule's `events:` section.
    static func clauses(ofRule name: String) throws -> [Clause] {
        let text = try PackagePaths.read(directory.appendingPathComponent(name + ".yaral"))
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let start = try #require(lines.firstIndex(of: "events:"), "\(name) has no events: section")
        var clauses: [Clause] = []
        for line in lines[(start + 1)...] {
            if line.hasSuffix(":") && !line.contains(" ") { break }  // the next section (match:, outcome:, condition:)
            if line.isEmpty || line.hasPrefix("//") { continue }
            let pattern = #/^\$[a-z_]+\.(\S+)\s*(!=|=)\s*(?:"([^"]*)"|/(.*)/)$/#
            let match = try #require(
                line.wholeMatch(of: pattern), "\(name): a predicate line this test does not read: \(line)")
            let expected: Clause.Expected
            if let text = match.3 {
                expected = .text(String(text))
            } else {
                expected = .pattern(try NSRegularExpression(pattern: String(try #require(match.4))))
            }
            let path = match.1.split(separator: ".").map(String.init)
            clauses.append(Clause(path: path, negated: match.2 == "!=", expected: expected, line: line))
        }
        return clauses
    }

    /// The pattern a rule matches `metadata.product_event_type` with.
    static func typePattern(_ clauses: [Clause]) throws -> NSRegularExpression {
        let clause = try #require(clauses.first { $0.path == ["metadata", "product_event_type"] })
        guard case .pattern(let regex) = clause.expected else { throw Failure.notAPattern }
        return regex
    }

    enum Failure: Error { case notAPattern }

    static func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    @Test func theNineRulesAreThere() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
            .filter { $0.hasSuffix(".yaral") }.map { String($0.dropLast(".yaral".count)) }
        #expect(names.sorted() == Self.rules.sorted())
    }

    @Test(arguments: rules)
    func ruleSelectsRealFindingsOfItsTypesOnly(_ rule: String) throws {
        let clauses = try Self.clauses(ofRule: rule)
        #expect(clauses.count == 4, "vendor, product, finding type and the Sample filter")
        let regex = try Self.typePattern(clauses)
        let targeted = try T.catalogue().filter { Self.matches(regex, $0.type) }
        #expect(!targeted.isEmpty, "\(rule): no catalogue type matches \(regex.pattern)")
        for entry in targeted {
            var finding = T.finding(for: entry).finding
            let udm = try #require(T.event(finding)).udm
            // The fields the rule reads, one by one.
            #expect(T.value(udm, "metadata.vendor_name") as? String == "AMAZON")
            #expect(T.value(udm, "metadata.product_event_type") as? String == entry.type)
            #expect(
                T.labels(udm, "security_result.0.about.labels").filter { $0.0 == "Sample" }.isEmpty,
                "\(entry.type) is no sample")
            for clause in clauses where !clause.readsProductName {
                #expect(clause.holds(in: udm), "\(rule) on \(entry.type): \(clause) does not hold")
            }
            // metadata.product_name: what the base tables write today. Output profiles may set the
            // product name; this is the one clause that depends on it.
            for clause in clauses where clause.readsProductName {
                #expect(clause.holds(in: udm), "\(rule) on \(entry.type): \(clause) (the product name) does not hold")
            }

            T.setPath(&finding, ["service", "additionalInfo"], ["sample": true])
            let sample = try #require(T.event(finding)).udm
            #expect(!clauses.allSatisfy { $0.holds(in: sample) }, "\(rule) selects the sample finding of \(entry.type)")
            #expect(
                clauses.filter { !$0.path.contains(#"labels["Sample"]"#) }.allSatisfy { $0.holds(in: sample) },
                "only the Sample filter turns the sample away")
        }
        // A type the rule does not target.
        let other = try #require(
            try T.catalogue().first { !Self.matches(regex, $0.type) && $0.type.hasPrefix("Policy:") })
        let otherUDM = try #require(T.event(T.finding(for: other).finding)).udm
        #expect(!clauses.allSatisfy { $0.holds(in: otherUDM) }, "\(rule) selects \(other.type)")
    }

    /// The corpus findings of each targeted type (real third-party logs) are selected too, unless
    /// they are samples.
    @Test(.enabled(if: PackagePaths.hasCorpus, "../shared/corpus is not beside the package"))
    func corpusFindingsAreSelectedByTheirRule() throws {
        var selected: [String: Int] = [:]
        var samplesTurnedAway = 0
        var wrong: [String] = []
        let directory = PackagePaths.corpus.appendingPathComponent("guardduty")
        let ruleClauses = try Self.rules.map { ($0, try Self.clauses(ofRule: $0)) }
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        where name.hasSuffix(".ndjson") {
            let bytes = Array(try Data(contentsOf: directory.appendingPathComponent(name)))
            Normalizer().normalize(input: bytes, source: name) { record in
                guard case .normalized(let event) = record.outcome,
                    let udm = try? JSONSerialization.jsonObject(with: Data(event.json.utf8)) as? [String: Any]
                else { return }
                let type = T.value(udm, "metadata.product_event_type") as? String ?? ""
                let isSample = T.labels(udm, "security_result.0.about.labels").contains { $0 == ("Sample", "true") }
                for (rule, clauses) in ruleClauses {
                    guard let regex = try? Self.typePattern(clauses) else { continue }
                    let holds = clauses.allSatisfy { $0.holds(in: udm) }
                    if holds { selected[rule, default: 0] += 1 }
                    if isSample && Self.matches(regex, type) && !holds { samplesTurnedAway += 1 }
                    if holds != (Self.matches(regex, type) && !isSample) {
                        wrong.append("\(record.origin) \(type): \(rule) \(holds ? "selects" : "misses") it")
                    }
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
        // The corpus's real findings of targeted types are its SSH and RDP brute forces; its other
        // findings of those types are GuardDuty samples.
        #expect(selected == ["aws_guardduty_brute_force_activity_detected": 3], "\(selected)")
        #expect(samplesTurnedAway == 11, "\(samplesTurnedAway)")
    }
}
