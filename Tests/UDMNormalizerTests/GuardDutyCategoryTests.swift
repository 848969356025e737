import Foundation
import Testing

@testable import UDMNormalizer

/// One category per GuardDuty finding, the same for every finding of a threat family (the name
/// after "/", without the detection mechanism after "." and the artifact after "!").
@Suite struct GuardDutyCategoryTests {
    typealias T = GuardDutyTableTests

    static func family(of type: String) -> String {
        String(type.drop { $0 != "/" }.dropFirst().prefix { $0 != "." && $0 != "!" })
    }

    @Test func theFamilyIsTheThreatFamilyName() {
        #expect(Self.family(of: "PrivilegeEscalation:IAMUser/AnomalousBehavior") == "AnomalousBehavior")
        #expect(Self.family(of: "Impact:S3/AnomalousBehavior.Delete") == "AnomalousBehavior")
        #expect(Self.family(of: "CryptoCurrency:EC2/BitcoinTool.B!DNS") == "BitcoinTool")
        #expect(Self.family(of: "Backdoor:EC2/C&CActivity.B") == "C&CActivity")
    }

    /// Anomalous behaviour of valid credentials is one kind of bad whatever GuardDuty's purpose for it
    /// (it gave EXPLOIT to PrivilegeEscalation:IAMUser/AnomalousBehavior and AUTH_VIOLATION to its siblings).
    @Test func anomalousBehaviourFindingsShareACategory() throws {
        var categories: Set<String> = []
        for type in [
            "PrivilegeEscalation:IAMUser/AnomalousBehavior", "Persistence:IAMUser/AnomalousBehavior",
            "Discovery:IAMUser/AnomalousBehavior", "Impact:S3/AnomalousBehavior.Delete",
        ] {
            let udm = try #require(T.event(T.finding { $0["type"] = type })).udm
            categories.formUnion(T.value(udm, "security_result.0.category") as? [String] ?? [])
        }
        #expect(categories == ["AUTH_VIOLATION"])
        // Near miss: another family of the same purpose keeps its own category.
        let privileged = try #require(
            T.event(T.finding { $0["type"] = "PrivilegeEscalation:Kubernetes/PrivilegedContainer" })
        ).udm
        #expect(T.value(privileged, "security_result.0.category") as? [String] == ["EXPLOIT"])
    }

    /// Every type of guardduty-finding-types.tsv: exactly one category, not UNKNOWN_CATEGORY, and the
    /// same one for every type of a family. Skipped, visibly, without ../shared.
    @Test(.enabled(if: PackagePaths.hasShared, "../shared/reference is not beside the package"))
    func everyCatalogueTypeHasOneCategoryTheSameWithinItsFamily() throws {
        var byFamily: [String: [String: [String]]] = [:]
        var problems: [String] = []
        for entry in try T.catalogue() {
            guard let udm = T.event(T.finding(for: entry).finding)?.udm else { continue }
            let categories = T.value(udm, "security_result.0.category") as? [String] ?? []
            if categories.count != 1 || categories.first == "UNKNOWN_CATEGORY" {
                problems.append("\(entry.type): \(categories)")
            }
            byFamily[Self.family(of: entry.type), default: [:]][categories.first ?? "none", default: []].append(
                entry.type)
        }
        for (family, categories) in byFamily.sorted(by: { $0.key < $1.key }) where categories.count > 1 {
            problems.append("\(family): \(categories.sorted { $0.key < $1.key })")
        }
        #expect(byFamily.count >= 60)
        #expect(problems.isEmpty, "\(problems.count) problems:\n\(problems.joined(separator: "\n"))")
    }
}
