import Foundation
import Testing

@testable import UDMNormalizer

/// `udm-normalize rules` as a user runs it: detections over raw logs and over UDM NDJSON, the
/// gates and their exit codes, rule parse errors, reference lists, JSON output and help.
@Suite struct RulesCommandLineTests {
    static func run(_ arguments: [String], stdin: String? = nil) throws -> CommandLineTests.Run {
        try CommandLineTests.run(arguments, stdin: stdin)
    }

    static let rules = "Tests/Rules/chronicle"
    static let logins = [
        "Samples/cloudtrail/console-login-success.json", "Samples/cloudtrail/console-login-root.json",
        "Samples/cloudtrail/console-login-mfa.json",
    ]

    @Test func detectionsOverRawLogsWithTheirOriginsAndOutcomes() throws {
        let run = try Self.run(
            ["rules", "--rules", Self.rules + "/cloudtrail", "--profile", "google-secops", "-q"] + Self.logins)
        #expect(run.status == 0, "detections do not change the exit code: \(run.stderr)")
        #expect(run.stdout.contains("aws_console_login_without_mfa: 2 detections"))
        #expect(run.stdout.contains("events: Samples/cloudtrail/console-login-root.json:1"))
        #expect(run.stdout.contains("$risk_score=85"), "35 + 50 for the root user")
        #expect(
            run.stdout.contains(
                "aws_api_call_outside_of_organization: 0 detections (needs reference list %aws_accounts"))
        #expect(
            run.stdout.contains("records: 3 read, 3 events, 0 failed, 0 skipped; at most 14 events held for windows"))
    }

    @Test func gatesSetTheExitCode() throws {
        let base = ["rules", "--rules", Self.rules + "/cloudtrail", "--profile", "google-secops", "-q"]
        let held = try Self.run(base + ["--expect", "aws_console_login_without_mfa=2"] + Self.logins)
        #expect(held.status == 0)
        #expect(held.stdout.contains("gate --expect aws_console_login_without_mfa=2: 2 detections"))
        let failed = try Self.run(base + ["--expect", "aws_console_login_without_mfa=3"] + Self.logins)
        #expect(failed.status == 1)
        #expect(
            failed.stderr.contains("gate failed: --expect aws_console_login_without_mfa=3: 2 detections, fewer than 3"))
        let never = try Self.run(base + ["--expect", "aws_backup_plan_deleted"] + Self.logins)
        #expect(never.status == 1)
        let unknown = try Self.run(base + ["--expect", "aws_console_login_without_mfaa"] + Self.logins)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean 'aws_console_login_without_mfa'?"))
        let ready = try Self.run(base + ["--min-ready", "100"] + Self.logins)
        #expect(ready.status == 1, "login events do not fill what every rule reads")
        #expect(ready.stderr.contains("gate failed: --min-ready 100"))
        let low = try Self.run(base + ["--min-ready", "1%"] + Self.logins)
        #expect(low.status == 0)
    }

    @Test func aRuleThatDoesNotParseIsExitOneWithItsPlace() throws {
        let folder = try PackagePaths.temporaryDirectory("rules")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.yaral")
        try "rule bad {\n  events:\n    $e.principal.ip = /(a)\\1/\n  condition:\n    $e\n}\n".write(
            to: file, atomically: true, encoding: .utf8)
        let run = try Self.run(["rules", "--rules", folder.path, "Samples/cloudtrail/console-login-success.json"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(file.path):3:23: error: regular expression /(a)\\1/ uses back-reference"))
        let missing = try Self.run(["rules", "--rules", folder.path + "/none", "-"], stdin: "")
        #expect(missing.status == 3)
        let noRules = try Self.run(["rules", "Samples/cloudtrail/console-login-success.json"])
        #expect(noRules.status == 2)
    }

    @Test func udmInputInBothSpellingsAndImportBodies() throws {
        let normalized = try Self.run(["normalize", "--profile", "google-secops"] + Self.logins)
        let camel = normalized.stdout.replacingOccurrences(of: "\"vendor_name\"", with: "\"vendorName\"")
            .replacingOccurrences(of: "\"product_event_type\"", with: "\"productEventType\"")
        for input in [normalized.stdout, camel] {
            let run = try Self.run(
                ["rules", "--rules", Self.rules + "/cloudtrail/aws_console_login_without_mfa.yaral", "--udm", "-"],
                stdin: input)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("aws_console_login_without_mfa: 2 detections"))
            #expect(run.stdout.contains("events: -:2"))
        }
        let bodies = try Self.run(["normalize", "--profile", "google-secops", "--format", "import"] + Self.logins)
        let run = try Self.run(
            ["rules", "--rules", Self.rules + "/cloudtrail/aws_console_login_without_mfa.yaral", "--udm", "-"],
            stdin: bodies.stdout)
        #expect(run.stdout.contains("aws_console_login_without_mfa: 2 detections"))
        #expect(run.stdout.contains("-:1:events[1]"))
        let broken = try Self.run(
            ["rules", "--rules", Self.rules + "/cloudtrail", "--udm", "-"], stdin: "{not json\n")
        #expect(broken.status == 1, "an unreadable line is a failed record")
        #expect(broken.stderr.contains("-:1: error: not JSON"))
    }

    @Test func referenceListsAndJSON() throws {
        let folder = try PackagePaths.temporaryDirectory("rules")
        defer { try? FileManager.default.removeItem(at: folder) }
        let list = folder.appendingPathComponent("accounts.txt")
        try "// the organization\n444455556666\n".write(to: list, atomically: true, encoding: .utf8)
        let run = try Self.run([
            "rules", "--rules", Self.rules + "/cloudtrail/aws_api_call_outside_of_organization.yaral", "--profile",
            "google-secops", "--list", "aws_accounts=\(list.path)", "--json", "-q",
            "Samples/cloudtrail/console-login-success.json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "udm-normalize/rules/v1")
        #expect(run.stdout.hasPrefix(#"{"fields":["#), "keys are sorted, so the text of a run is stable")
        #expect((object["ready"] as? [String: Any])?["rate"] as? Double == 1, "a rate is a number")
        let rules = try #require(object["rules"] as? [[String: Any]])
        #expect(rules.first?["detection_count"] as? Int == 1, "the account is not in the organization's list")
        let detection = try #require((rules.first?["detections"] as? [[String: Any]])?.first)
        #expect(detection["origins"] as? [String] == ["Samples/cloudtrail/console-login-success.json:1"])
        #expect((detection["match"] as? [String: String])?["accountId"] == "111122223333")
        let missingList = try Self.run(
            [
                "rules", "--rules", Self.rules, "--list", "aws_accounts=\(folder.path)/nope.txt", "-",
            ], stdin: "")
        #expect(missingList.status == 3)
    }

    @Test func readinessNamesWhatNoTableWrites() throws {
        let folder = try PackagePaths.temporaryDirectory("rules")
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
        rule needs_a_missing_field {
          events:
            $e.metadata.vendor_name = "AMAZON"
            $e.target.user.group_identifiers = "123"
            $e.principal.ip_geo_artifact.location.country_or_region != "Cuba"
          condition:
            $e
        }
        """.write(to: folder.appendingPathComponent("r.yaral"), atomically: true, encoding: .utf8)
        let run = try Self.run(["rules", "--rules", folder.path, "-q", "Samples/cloudtrail/console-login-success.json"])
        #expect(run.stdout.contains("cannot fire: no table rule writes target.user.group_identifiers; nearest: "))
        #expect(!run.stdout.contains("cannot fire: no table rule writes principal.ip_geo_artifact"))
        #expect(run.stdout.contains("principal.ip_geo_artifact.location.country_or_region"))
        #expect(run.stdout.contains("0 of 1 ready"))
    }

    @Test func reportAddsDetectionsAndReadiness() throws {
        let base = ["report", "--profile", "google-secops", "--rules", Self.rules + "/cloudtrail", "-q"]
        let text = try Self.run(base + Self.logins)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("DETECTION RULES\n"))
        #expect(text.stdout.contains("aws_console_login_without_mfa: 2 detections"))
        let json = try Self.run(base + ["--json"] + Self.logins)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "udm-normalize/report/v1")
        #expect((object["rules"] as? [String: Any])?["schema"] as? String == "udm-normalize/rules/v1")
        let folder = try PackagePaths.temporaryDirectory("rules")
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        _ = try Self.run(base + ["--html", page.path] + Self.logins)
        let html = try PackagePaths.read(page)
        #expect(html.contains("<section id=\"rules\"><h2>Detection rules</h2>"))
        #expect(html.contains("aws_console_login_without_mfa: 2 detections"))
    }

    @Test func diffShowsRulesGainingDetections() throws {
        let run = try Self.run(
            [
                "diff", "--profile", "reference", "--profile", "google-secops", "--rules", Self.rules + "/cloudtrail",
                "--limit", "0",
            ] + Self.logins)
        #expect(run.status == 1)
        #expect(run.stdout.contains("rules: 1 gain detections, 0 lose detections (of 46)"))
        #expect(run.stdout.contains("+ aws_console_login_without_mfa: 0 → 2 detections"))
        let same = try Self.run(
            [
                "diff", "--mappings", "builtin", "--mappings", "builtin", "--rules", Self.rules + "/cloudtrail",
            ] + Self.logins)
        #expect(same.status == 0)
        #expect(same.stdout.contains("rules: no rule of 46 gains or loses detections"))
    }

    @Test func helpListsTheCommand() throws {
        let help = try Self.run(["help", "rules"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--expect RULE[=N]"))
        #expect(help.stdout.contains("hop windows"))
        #expect(try Self.run(["--help"]).stdout.contains("rules "))
    }
}
