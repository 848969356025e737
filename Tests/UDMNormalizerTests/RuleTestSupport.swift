import Foundation

@testable import UDMNormalizer

/// The vendored Google rules and helpers to run rules over records in tests.
enum RuleTestSupport {
    static let rulesDirectory = PackagePaths.root.appendingPathComponent("Tests/Rules/chronicle")

    /// Every vendored rule, parsed once.
    static func vendoredRules() throws -> [DetectionRule] {
        if let error = loaded.errors.first { throw error }
        return loaded.rules
    }

    private static let loaded = DetectionRuleSet.load(paths: [rulesDirectory.path])

    /// One vendored rule by name.
    static func rule(_ name: String) throws -> DetectionRule {
        guard let rule = try vendoredRules().first(where: { $0.name == name }) else {
            throw InputError(path: name, reason: "no vendored rule of that name")
        }
        return rule
    }

    /// The first parse error of `text`, or nil when it parses.
    static func parseError(_ text: String) -> RuleParseError? {
        do {
            _ = try DetectionRuleSet.parse(text, file: "test.yaral")
            return nil
        } catch {
            return error
        }
    }

    /// A rule with the given sections' text.
    static func ruleText(
        name: String = "test_rule", events: String, match: String? = nil, outcome: String? = nil,
        condition: String = "$e"
    ) -> String {
        var text = "rule \(name) {\n  meta:\n    author = \"test\"\n  events:\n"
        text += events.split(separator: "\n").map { "    \($0)\n" }.joined()
        if let match { text += "  match:\n    \(match)\n" }
        if let outcome { text += "  outcome:\n" + outcome.split(separator: "\n").map { "    \($0)\n" }.joined() }
        return text + "  condition:\n    \(condition)\n}\n"
    }
}
