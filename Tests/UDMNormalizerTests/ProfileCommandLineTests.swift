import Foundation
import Testing

/// `--profile` on the commands, as a user runs them.
@Suite struct ProfileCommandLineTests {
    typealias CLI = CommandLineTests

    @Test func normalizeWritesTheProfilesGolden() throws {
        let run = try CLI.run(["normalize", "--profile", "google-secops", "Samples/cloudtrail/attach-role-policy.json"])
        #expect(run.status == 0)
        let golden = try PackagePaths.read(
            PackagePaths.samples.appendingPathComponent("cloudtrail/google-secops/attach-role-policy.udm.ndjson"))
        #expect(run.stdout == golden)
        let reference = try CLI.run([
            "normalize", "--profile", "reference", "Samples/cloudtrail/attach-role-policy.json",
        ])
        #expect(
            reference.stdout
                == (try PackagePaths.read(
                    PackagePaths.samples.appendingPathComponent("cloudtrail/attach-role-policy.udm.ndjson"))))
    }

    @Test func anUnknownProfileIsRefusedWithTheKnownOnes() throws {
        let run = try CLI.run([
            "normalize", "--profile", "no-such-profile", "Samples/cloudtrail/attach-role-policy.json",
        ])
        #expect(run.status == 3)
        #expect(run.stderr.contains("reference, google-secops"))
        #expect(run.stdout.isEmpty)
    }

    @Test func aProfileFolderIsLoadedAndTheUsersMappingsGoOverIt() throws {
        let profile = try PackagePaths.temporaryDirectory("my-profile")
        defer { try? FileManager.default.removeItem(at: profile) }
        try "@log_type AWS_CLOUDTRAIL\n\"Site CloudTrail\" -> metadata.product_name\n".write(
            to: profile.appendingPathComponent("names.map"), atomically: true, encoding: .utf8)
        let run = try CLI.run(["normalize", "--profile", profile.path, "Samples/cloudtrail/create-user.json"])
        #expect(run.status == 0)
        #expect(run.stdout.contains(#""product_name":"Site CloudTrail""#))
        let user = try PackagePaths.temporaryDirectory("site")
        defer { try? FileManager.default.removeItem(at: user) }
        try "@log_type AWS_CLOUDTRAIL\n\"User CloudTrail\" -> metadata.product_name\n".write(
            to: user.appendingPathComponent("site.map"), atomically: true, encoding: .utf8)
        let layered = try CLI.run([
            "normalize", "--profile", profile.path, "--mappings", user.path, "Samples/cloudtrail/create-user.json",
        ])
        #expect(layered.stdout.contains(#""product_name":"User CloudTrail""#), "the user's tables win")
        let explained = try CLI.run(["explain", "--profile", profile.path, "Samples/cloudtrail/create-user.json"])
        #expect(explained.stdout.contains("(\(profile.lastPathComponent)/names.map:2)"))
    }

    @Test func testRunsTheProfilesGoldens() throws {
        // Every case passes, the one without an event time on its expected notes.
        let run = try CLI.run(["test", "--profile", "google-secops", "Samples/cloudtrail"])
        let failures = run.stdout.split(separator: "\n").filter { $0.hasPrefix("FAIL") }
        #expect(failures.isEmpty, "\(run.stdout.suffix(2000))")
        #expect(run.status == 0)
        #expect(run.stdout.contains("PASS event-without-time.json"))
        let noGoldens = try CLI.run(["test", "--profile", "google-secops", "Samples/guardduty"])
        #expect(noGoldens.status == 3)
        #expect(noGoldens.stderr.contains("no expected outputs for profile 'google-secops'"))
    }

    @Test func diffComparesTwoProfilesOnTheSameLogs() throws {
        let run = try CLI.run([
            "diff", "--profile", "reference", "--profile", "google-secops", "Samples/cloudtrail/create-access-key.json",
        ])
        #expect(run.status == 1, "the profiles differ, so diff exits 1 as diff(1) does")
        #expect(run.stdout.contains("metadata.product_name"))
        #expect(run.stdout.contains("profiles/google-secops/"))
        let usage = try CLI.run(["diff", "--profile", "google-secops", "Samples/cloudtrail/create-access-key.json"])
        #expect(usage.status == 2)
    }

    @Test func reportAndMappingsStateTheProfile() throws {
        let report = try CLI.run([
            "report", "--json", "--profile", "google-secops", "Samples/cloudtrail/create-user.json",
        ])
        #expect(report.stdout.contains(#""profile": "google-secops""#))
        let printed = try CLI.run(["mappings", "print", "--profile", "google-secops", "--log-type", "AWS_CLOUDTRAIL"])
        #expect(printed.status == 0)
        #expect(printed.stdout.contains("google-secops-event-families"))
        #expect(printed.stdout.contains("Keys are prefixes"))
        let check = try CLI.run(["mappings", "check"])
        #expect(check.status == 0)
        #expect(check.stderr.contains("0 errors, 0 warnings (profiles: reference, google-secops)"))
        let checkFolder = try CLI.run(["mappings", "check", "Mappings"])
        #expect(checkFolder.status == 0, "\(checkFolder.stderr)")
        #expect(
            checkFolder.stderr.contains("(profiles: reference, google-secops)"),
            "the folder's profiles are linted over its tables")
    }

    @Test func helpDocumentsTheOption() throws {
        for command in ["normalize", "report", "explain", "test", "diff", "bench", "mappings"] {
            let run = try CLI.run(["help", command])
            #expect(run.stdout.contains("--profile"), "help \(command)")
        }
    }
}
