import Foundation
import Testing

/// Every command of the CLI, in both profiles and every format, on records full of secrets: no
/// output holds any 12-byte piece of any of them (the dead-letter file, which keeps raw input by
/// design, is the one exception and is not written here).
@Suite struct RedactionCommandLineTests {
    @Test(arguments: ["reference", "google-secops"])
    func noCommandWritesASecret(profile: String) throws {
        let directory = try PackagePaths.temporaryDirectory("redaction")
        defer { try? FileManager.default.removeItem(at: directory) }
        let cloudTrail = try RedactionTests.cloudTrailEvent()
        let guardDuty = try RedactionTests.guardDutyFinding()
        let secrets = cloudTrail.secrets + guardDuty.secrets
        let trail = directory.appendingPathComponent("trail.json")
        let finding = directory.appendingPathComponent("finding.json")
        try Data(cloudTrail.record).write(to: trail)
        try Data(guardDuty.record).write(to: finding)
        // A cases folder whose expectations are wrong, so `test` prints the values it found.
        let cases = directory.appendingPathComponent("cases")
        try FileManager.default.createDirectory(at: cases, withIntermediateDirectories: true)
        try Data(cloudTrail.record).write(to: cases.appendingPathComponent("trail.json"))
        let profileCases = cases.appendingPathComponent("google-secops")
        try FileManager.default.createDirectory(at: profileCases, withIntermediateDirectories: true)
        for folder in [cases, profileCases] {
            try #"{"metadata":{"event_type":"USER_LOGIN"}}"#.write(
                to: folder.appendingPathComponent("trail.udm.ndjson"), atomically: true, encoding: .utf8)
        }
        try "additional.fields.x = \"y\"\n".write(
            to: cases.appendingPathComponent("trail.expect.kv"), atomically: true, encoding: .utf8)
        let summary = directory.appendingPathComponent("summary.json")
        let html = directory.appendingPathComponent("report.html")
        let inputs = [trail.path, finding.path]
        let other = profile == "reference" ? "google-secops" : "reference"
        let runs: [[String]] = [
            ["normalize", "--profile", profile, "--summary-json", summary.path] + inputs,
            ["normalize", "--profile", profile, "--format", "kv"] + inputs,
            ["normalize", "--profile", profile, "--format", "import"] + inputs,
            ["report", "--profile", profile, "--html", html.path] + inputs,
            ["report", "--profile", profile, "--json"] + inputs,
            ["explain", "--profile", profile, trail.path],
            ["explain", "--profile", profile, finding.path, "--json"],
            ["diff", "--profile", profile, "--profile", other] + inputs,
            ["diff", "--profile", profile, "--profile", other, "--json"] + inputs,
            ["test", "--profile", profile, cases.path],
        ]
        var seen: [String] = []
        for arguments in runs {
            let run = try CommandLineTests.run(arguments)
            #expect(run.status <= 1, "\(arguments): \(run.stderr)")
            seen += [run.stdout, run.stderr]
        }
        seen.append(try PackagePaths.read(summary))
        seen.append(try PackagePaths.read(html))
        let output = seen.joined(separator: "\n")
        #expect(output.contains("[redacted:"), "the commands did write the redacted events")
        let leaked = RedactionTests.leaks(of: secrets, in: output)
        #expect(leaked.isEmpty, "leaked: \(leaked)")
    }

    @Test func mappingsCheckListsTheEffectiveSetAndWarnsForEachRemovedEntry() throws {
        let directory = try PackagePaths.temporaryDirectory("unredact")
        defer { try? FileManager.default.removeItem(at: directory) }
        let table = directory.appendingPathComponent("mine.map")
        try "@unredact sessionToken   # our SIEM masks it itself\n".write(
            to: table, atomically: true, encoding: .utf8)
        let run = try CommandLineTests.run(["mappings", "check", table.path])
        #expect(run.status == 0, "a warning does not fail the check")
        #expect(
            run.stderr.contains(
                "\(table.path):1:11: warning: '@unredact sessionToken': values under sessionToken are no longer redacted"
            ))
        #expect(run.stderr.contains("redacted: 33 entries (securityToken, "))
        let builtin = try CommandLineTests.run(["mappings", "check"])
        #expect(builtin.stderr.contains("redacted: 34 entries (sessionToken, "))
    }
}
