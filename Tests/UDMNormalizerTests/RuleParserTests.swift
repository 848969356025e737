import Foundation
import Testing

@testable import UDMNormalizer

/// The YARA-L 2.0 parser: every vendored Google rule parses, and every construct it does not run is
/// a parse error naming the construct at FILE:LINE:COLUMN.
@Suite struct RuleParserTests {
    typealias S = RuleTestSupport

    @Test func allFiftyFiveVendoredRulesParse() throws {
        let loaded = DetectionRuleSet.load(paths: [S.rulesDirectory.path])
        #expect(loaded.errors.isEmpty, "\(loaded.errors.map(\.description).joined(separator: "\n"))")
        #expect(loaded.unreadable.isEmpty)
        #expect(loaded.rules.count == 55)
        let windowed = loaded.rules.filter { $0.window != nil }
        #expect(windowed.count == 31, "the rules with a match: section")
        let login = try #require(
            loaded.rules.first { $0.name == "aws_successful_login_after_multiple_failed_attempts" })
        #expect(login.eventVariables == ["fail", "success"])
        #expect(login.matchVariables == ["user"])
        #expect(login.window == 900)
        let tor = try #require(loaded.rules.first { $0.name == "aws_successful_api_from_tor_exit_node" })
        #expect(tor.entityVariables == ["gcti_feed"])
        let outside = try #require(loaded.rules.first { $0.name == "aws_api_call_outside_of_organization" })
        #expect(outside.lists == ["aws_accounts"])
    }

    @Test func theVendoredRulesAreGooglesUnchanged() throws {
        guard PackagePaths.hasShared else { return }
        let reference = PackagePaths.reference.appendingPathComponent("chronicle-rules")
        for folder in ["cloudtrail", "guardduty"] {
            let names = try FileManager.default.contentsOfDirectory(
                atPath: reference.appendingPathComponent(folder).path)
            for name in names where name.hasSuffix(".yaral") {
                let vendored = try Data(contentsOf: S.rulesDirectory.appendingPathComponent("\(folder)/\(name)"))
                let original = try Data(contentsOf: reference.appendingPathComponent("\(folder)/\(name)"))
                #expect(vendored == original, "\(folder)/\(name) differs from the reference copy")
            }
        }
    }

    /// Each unsupported construct: (rule text, the construct the message names, line, column).
    @Test(arguments: [
        (S.ruleText(events: "$e.metadata.id = \"x\"", match: "$u over 5m before"), "'before' windows", 7, 16),
        (S.ruleText(events: "$e.metadata.id = \"x\"") + "", "", 0, 0),
        (S.ruleText(events: "$e.principal.ip = /(?=a)b/"), "look-ahead", 5, 23),
        (S.ruleText(events: "$e.principal.ip = /(a)\\1/"), "back-reference", 5, 23),
        (S.ruleText(events: "$e.principal.ip = /(?<!a)b/"), "look-behind", 5, 23),
        (S.ruleText(events: "re.regex($e.principal.ip, \"(?!x)\")"), "negative look-ahead", 5, 31),
        (S.ruleText(events: "math.log($e.target.port) > 1"), "function 'math.log' is not supported", 5, 5),
        (S.ruleText(events: "$e.metadata.id = \"x\"", condition: "!$e"), "non-existence", 7, 5),
        (S.ruleText(events: "$e.metadata.id = \"x\"", condition: "#e > 3"), "counts in condition: need a match", 1, 1),
        (S.ruleText(events: "$e.a = \"x\"\n$f.b = \"y\"", condition: "$e and $f"), "needs a match", 1, 1),
        (S.ruleText(events: "$e.principal.ip = $ip or $e.target.ip = \"1\""), "bound inside", 5, 5),
        (S.ruleText(events: "$e.target.port > $port"), "can only be bound with '='", 5, 5),
        (
            S.ruleText(events: "$e.metadata.id = \"x\"", outcome: "$x = median($e.target.port)"),
            "'median' is not supported", 7, 10
        ),
        (
            S.ruleText(events: "$e.metadata.id = \"x\"", match: "$nope over 5m"), "match variable $nope is not bound",
            6, 3
        ),
        (
            "rule r {\n  meta:\n  events:\n    $e.a = \"x\"\n  options:\n    allow_zero_values = true\n  condition:\n    $e\n}\n",
            "'options:' section", 5, 3
        ),
    ])
    func unsupportedConstructIsAParseErrorNamingIt(_ text: String, _ construct: String, _ line: Int, _ column: Int) {
        guard !construct.isEmpty else {
            #expect(S.parseError(text) == nil, "the plain rule parses")
            return
        }
        guard let error = S.parseError(text) else {
            Issue.record("parsed: \(text)")
            return
        }
        #expect(error.message.contains(construct), "\(error)")
        #expect(error.description.hasPrefix("test.yaral:\(line):\(column): error: "), "\(error)")
    }

    @Test func syntaxErrorsNameFileLineAndColumn() {
        let error = S.parseError("rule broken {\n  events:\n    $e.metadata.id = \n  condition:\n    $e\n}\n")
        #expect(
            error?.description.hasPrefix("test.yaral:4:3: error: expected a value") == true,
            "\(String(describing: error))")
        let unterminated = S.parseError("rule r {\n  events:\n    $e.a = \"open\n}\n")
        #expect(unterminated?.description.hasPrefix("test.yaral:3:12: error: unterminated string") == true)
    }

    @Test func commentsDivisionAndRegexLiteralsAreToldApart() throws {
        let text = S.ruleText(
            events: "$e.principal.user.userid = /\\/i-.*$/ //regex to be improved\n/* block */ $e.target.port > 1",
            outcome: "$ratio = max($e.target.port / 2)")
        let rules = try DetectionRuleSet.parse(text, file: "test.yaral")
        #expect(rules.first?.events.count == 2)
        #expect(rules.first?.outcomes.count == 1)
    }
}
