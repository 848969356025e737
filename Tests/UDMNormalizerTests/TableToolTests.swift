import Foundation
import Testing

@testable import UDMNormalizer

/// The table author's tools: explain, lint, print (and the committed docs), test, diff, and
/// extension tables that override, add and remove rules.
@Suite struct TableToolTests {
    static func temporaryDirectory() throws -> URL { try PackagePaths.temporaryDirectory() }

    static let login = try! PackagePaths.read(
        PackagePaths.samples.appendingPathComponent("cloudtrail/console-login-success.json"))

    // MARK: Extensions

    static let extensionTable = """
        @log_type AWS_CLOUDTRAIL
        @extends cloudtrail.map
        eventName -> security_result.summary                          # replaces the built-in top-level rule: every event now
        "site-a" -> additional["site"]                                # a new rule
        @when eventName in (ConsoleLogin, ChangePassword, SwitchRole, ExitRole, RenewRole)
        @remove target.user.user_display_name
        @end
        @when eventName == "ConsoleLogin"
        "Console sign-in" -> security_result.summary                  # overrides the built-in success summary
        @end
        @lookup cloudtrail-event-types default empty
        AssumeRole = USER_CHANGE_PERMISSIONS
        @end
        """

    static func extended() throws -> MappingSet {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try extensionTable.write(to: directory.appendingPathComponent("site.map"), atomically: true, encoding: .utf8)
        return try MappingSet.load(directory: directory.path)
    }

    @Test func extensionOverridesAddsAndRemovesRules() throws {
        let mappings = try Self.extended()
        let explanation = try #require(
            Normalizer(mappings: mappings).explain(input: Array(Self.login.utf8), source: "login").first)
        let fields = Dictionary(explanation.fields.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(fields["security_result.summary"]?.value == "\"Console sign-in\"")
        #expect(
            fields["security_result.summary"]?.rule == .rule(RuleID(file: "site.map", line: 9)),
            "explain names the table the field came from")
        #expect(fields["additional.site"]?.rule == .rule(RuleID(file: "site.map", line: 4)))
        #expect(fields["target.user.user_display_name"] == nil, "removed")
        #expect(fields["target.user.userid"] != nil, "other rules of the scope stay")
        let builtin = try #require(Normalizer().explain(input: Array(Self.login.utf8), source: "login").first)
        #expect(builtin.fields.contains { $0.path == "target.user.user_display_name" })
        // The overriding top-level rule keeps its place and now fires for every event.
        let describe = try PackagePaths.read(
            PackagePaths.samples.appendingPathComponent("cloudtrail/describe-instances.json"))
        let other = try #require(Normalizer(mappings: mappings).explain(input: Array(describe.utf8), source: "d").first)
        #expect(other.fields.first { $0.path == "security_result.summary" }?.value == "\"DescribeInstances\"")
        // A lookup row added to the built-in classification table.
        let assume = try PackagePaths.read(PackagePaths.samples.appendingPathComponent("cloudtrail/assume-role.json"))
        guard case .normalized(let event) = Normalizer(mappings: mappings).normalize(record: Array(assume.utf8)) else {
            Issue.record("not normalized")
            return
        }
        #expect(event.eventType == .userChangePermissions || event.downgrade != nil)
        #expect(event.classification?.row == RuleID(file: "site.map", line: 12))
    }

    @Test func extensionMistakesNameFileAndLine() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "@log_type AWS_CLOUDTRAIL\n@remove principal.user.nothing_here\n".write(
            to: directory.appendingPathComponent("bad.map"), atomically: true, encoding: .utf8)
        #expect(
            throws: MappingError(
                file: "bad.map", line: 2, column: 1,
                message: "'@remove' matches no built-in rule for principal.user.nothing_here")
        ) {
            try MappingSet.load(directory: directory.path)
        }
        try "@log_type NOPE\n\"x\" -> principal.hostname\n".write(
            to: directory.appendingPathComponent("bad.map"), atomically: true, encoding: .utf8)
        #expect(throws: MappingError.self) { try MappingSet.load(directory: directory.path) }
    }

    // MARK: explain

    @Test func explainShowsRulesSourcesUnreadFieldsAndClassification() throws {
        let explanation = try #require(Normalizer().explain(input: Array(Self.login.utf8), source: "login").first)
        #expect(explanation.isNormalized)
        #expect(explanation.classification?.hasPrefix("USER_LOGIN from lookup row cloudtrail-event-types.map:") == true)
        let userid = try #require(explanation.fields.first { $0.path == "principal.user.userid" })
        #expect(userid.source == "userIdentity.arn")
        #expect(userid.rule.description.hasPrefix("cloudtrail.map:"))
        #expect(explanation.excluded.contains { $0.declaration == "@ignore managementEvent" })
        let unread = Normalizer().explain(
            input: Array(#"{"eventTime":"2024-01-01T00:00:00Z","eventName":"X","mystery":{"a":1}}"#.utf8), source: "m")
        #expect(unread.first?.unread.map(\.path) == ["mystery.a"])
        let downgraded = Normalizer().explain(
            input: Array(#"{"eventTime":"2024-01-01T00:00:00Z","eventName":"CreateUser"}"#.utf8), source: "d")
        #expect(
            downgraded.first?.classification?.hasPrefix(
                "GENERIC_EVENT: the validator's fallback, because USER_CREATION requires") == true)
        let cli = try CommandLineTests.run([
            "explain", "--record", "1", "Samples/cloudtrail/console-login-success.json",
        ])
        #expect(cli.status == 0)
        #expect(cli.stdout.contains("principal.user.userid = \"arn:aws:iam::111122223333:user/alice\""))
        #expect(cli.stdout.contains("← userIdentity.arn  (cloudtrail.map:"))
    }

    // MARK: lint

    @Test func builtinTablesLintClean() {
        #expect(MappingLinter.lint(.builtin) == [])
    }

    @Test func lintFindsShadowedRulesUnreachableRowsAndMissingDefaults() throws {
        let table = """
            @log_type T
            @match exists id
            "2024-01-01T00:00:00Z" -> metadata.event_timestamp
            kind -> metadata.event_type | lookup first
            kind -> metadata.event_type | lookup second
            "HOST" -> principal.hostname
            name -> principal.hostname
            score -> security_result.severity | lookup bands
            @lookup first default empty
            login = USER_LOGIN
            @end
            @lookup second default empty
            login = USER_CREATION
            create = USER_CREATION
            @end
            @lookup bands range default LOW
            [0, 5) = LOW
            [5, 10] = HIGH
            [6, 7) = MEDIUM
            @end
            """
        let findings = MappingLinter.lint(try MappingSet(files: [("t.map", table)]))
        let text = findings.map(\.description)
        #expect(
            text.contains(
                "t.map:5:1: warning: lookup 'second' has no default and no later rule writes metadata.event_type: a miss leaves it empty"
            ))
        #expect(
            text.contains(
                "t.map:7:1: warning: never writes: t.map:6 always sets principal.hostname first (first non-empty value wins)"
            ))
        #expect(
            text.contains(
                "t.map:13:1: warning: key 'login' is unreachable: lookup 'first' (t.map:10) maps it first for metadata.event_type"
            ))
        #expect(
            text.contains("t.map:19:1: warning: range row of lookup 'bands' is never reached: earlier rows cover it"))
        #expect(findings.count == 4, "\(text)")
    }

    @Test func mappingsCheckCommandExitsOneOnErrors() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let clean = try CommandLineTests.run(["mappings", "check"])
        #expect(clean.status == 0)
        #expect(clean.stderr.contains("0 errors, 0 warnings"))
        try "@log_type AWS_CLOUDTRAIL\n\"NOT_A_TYPE\" -> metadata.event_type\n".write(
            to: directory.appendingPathComponent("x.map"), atomically: true, encoding: .utf8)
        let broken = try CommandLineTests.run(["mappings", "check", directory.path])
        #expect(broken.status == 1)
        #expect(
            broken.stderr.contains(
                "\(directory.path)/x.map:2:1: error: 'NOT_A_TYPE' is not a value of Metadata.EventType"))
    }

    // MARK: print and the committed docs

    /// (profile, log type, file): the reference tables, and the google-secops profile's effective CloudTrail tables.
    static let docs = [
        ("reference", "AWS_CLOUDTRAIL", "Mappings/docs/cloudtrail-mappings.md"),
        ("reference", "GUARDDUTY", "Mappings/docs/guardduty-mappings.md"),
        ("google-secops", "AWS_CLOUDTRAIL", "Mappings/docs/google-secops-cloudtrail-mappings.md"),
    ]

    @Test(arguments: docs) func committedDocsAreCurrent(_ profile: String, _ logType: String, _ path: String) throws {
        let expected = MappingDocumentation.markdown(
            try MappingSet.builtin(profile: profile), logType: LogType(rawValue: logType))
        let file = PackagePaths.root.appendingPathComponent(path)
        if PackagePaths.regenerate {
            try expected.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        #expect(
            try PackagePaths.read(file) == expected,
            "\(path) is stale: run UDM_REGENERATE=1 swift test --filter TableToolTests")
    }

    @Test func printListsEveryRuleWithItsFileAndLine() throws {
        let markdown = MappingDocumentation.markdown(.builtin, logType: .awsCloudTrail)
        #expect(markdown.contains("| log field | UDM field | logic | rule |"))
        #expect(markdown.contains("| userIdentity.arn | principal.user.userid | [ref] [sample] | cloudtrail.map:"))
        #expect(markdown.contains("## Lookup `cloudtrail-event-types`"))
        let rules = MappingSet.builtin.files.filter { $0.logType == "AWS_CLOUDTRAIL" }.reduce(0) { $0 + $1.rules.count }
        let rows = markdown.split(separator: "\n").filter {
            $0.hasPrefix("| ") && !$0.hasPrefix("| log field") && !$0.hasPrefix("| key")
        }.count
        #expect(rows >= rules)
        let cli = try CommandLineTests.run(["mappings", "print", "--log-type", "GUARDDUTY"])
        #expect(cli.status == 0 && cli.stdout.hasPrefix("# Field mappings: GUARDDUTY"))
    }

    // MARK: test and diff

    @Test func testCommandShowsAFieldLevelDiff() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sample = PackagePaths.samples.appendingPathComponent("cloudtrail")
        for name in ["console-login-success", "create-user"] {
            try FileManager.default.copyItem(
                at: sample.appendingPathComponent("\(name).json"), to: directory.appendingPathComponent("\(name).json"))
            try FileManager.default.copyItem(
                at: sample.appendingPathComponent("\(name).udm.ndjson"),
                to: directory.appendingPathComponent("\(name).udm.ndjson"))
        }
        let pass = try CommandLineTests.run(["test", directory.path])
        #expect(pass.status == 0, "\(pass.stdout)")
        #expect(pass.stdout.contains("2 passed, 0 failed"))
        let extensionDirectory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: extensionDirectory) }
        try Self.extensionTable.write(
            to: extensionDirectory.appendingPathComponent("site.map"), atomically: true, encoding: .utf8)
        let fail = try CommandLineTests.run(["test", "--mappings", extensionDirectory.path, directory.path])
        #expect(fail.status == 1)
        #expect(fail.stdout.contains("FAIL console-login-success.json"))
        #expect(fail.stdout.contains("  - security_result.summary = \"Login to AWS Console succeeded.\""))
        #expect(fail.stdout.contains("  + security_result.summary = \"Console sign-in\"   (site.map:9)"))
        #expect(fail.stdout.contains("  - target.user.user_display_name = \"alice\""))
    }

    @Test func diffReportsChangedEventsFieldsPerRuleAndFigures() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.extensionTable.write(
            to: directory.appendingPathComponent("site.map"), atomically: true, encoding: .utf8)
        let logs = [
            "Samples/cloudtrail/console-login-success.json", "Samples/cloudtrail/assume-role.json",
            "Samples/cloudtrail/describe-instances.json",
        ]
        let diff = try TableDiff.run(
            old: Normalizer(), new: Normalizer(mappings: try Self.extended()),
            paths: logs.map { PackagePaths.root.appendingPathComponent($0).path })
        #expect(diff.records == 3)
        #expect(diff.changedEvents.count == 3)
        let byRule = diff.changesByRule
        #expect(
            byRule.contains {
                $0.kind == "added" && $0.path == "additional.site" && $0.rule == "site.map:4" && $0.count == 3
            })
        #expect(
            byRule.contains {
                $0.kind == "changed" && $0.path == "security_result.summary" && $0.rule == "site.map:9" && $0.count == 1
            })
        #expect(byRule.contains { $0.kind == "removed" && $0.path == "target.user.user_display_name" && $0.count == 1 })
        let cli = try CommandLineTests.run(["diff", "--mappings", "builtin", "--mappings", directory.path] + logs)
        #expect(cli.status == 1, "diff exits 1 when the output changed")
        #expect(cli.stdout.contains("records compared: 3; events whose output changed: 3"))
        #expect(cli.stdout.contains("classification rate"))
    }
}
