import Foundation
import Testing

/// What a new user runs first, through the built binary: the exit codes the README's table gives
/// for `report` and `explain`, the samples folder read without its expected outputs, the notes
/// count, a glob that matches nothing, the table linter's suggestions, and a copied cases folder.
@Suite struct NewUserCommandLineTests {
    typealias CLI = CommandLineTests

    static let failingRecord = "Samples/cloudtrail/event-without-time.json"

    @Test func reportExitsOneOnlyWhenAGateFails() throws {
        let measured = try CLI.run(["report", Self.failingRecord])
        #expect(measured.status == 0, "failed records are figures of the report, not its status: \(measured.stderr)")
        #expect(measured.stdout.contains("1 failed"))
        let gated = try CLI.run(["report", "--min-rate", "90", Self.failingRecord])
        #expect(gated.status == 1)
        #expect(gated.stderr.contains("gate failed: --min-rate 90"))
        let held = try CLI.run(["report", "--min-rate", "90", "Samples/cloudtrail/decrypt.json"])
        #expect(held.status == 0)
    }

    @Test func explainOfAFailedRecordExitsOne() throws {
        let failed = try CLI.run(["explain", Self.failingRecord])
        #expect(failed.status == 1, "\(failed.stderr)")
        #expect(failed.stdout.contains("no event time"))
        #expect(try CLI.run(["explain", "Samples/cloudtrail/decrypt.json"]).status == 0)
        #expect(try CLI.run(["explain", "--json", Self.failingRecord]).status == 1)
    }

    @Test func theHelpAndTheReadmeSayWhenReportExitsOne() throws {
        let help = try CLI.run(["help", "report"]).stdout
        #expect(help.contains("a gate failed (report exits 1 only then"))
        let readme = try PackagePaths.read(PackagePaths.root.appendingPathComponent("README.md"))
        #expect(readme.contains("`report` is a measurement: it exits 1 only when a gate fails"))
        #expect(readme.contains("`explain` of a failed record"))
    }

    /// Every file of a samples folder that is neither an input nor an expectation file.
    static func otherFiles(_ folder: String) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: PackagePaths.root.appendingPathComponent(folder).path)
            .filter {
                !$0.hasSuffix(".json") && !$0.hasSuffix(".udm.ndjson") && !$0.hasSuffix(".notes.txt")
                    && !$0.hasSuffix(".expect.kv") && !$0.hasSuffix("README.md")
                    && !FileManager.default.isDirectory(PackagePaths.root.appendingPathComponent("\(folder)/\($0)"))
            }
    }

    @Test func foldersAreReadWithoutTheirExpectationFiles() throws {
        let folder = "Samples/cloudtrail"
        let paths = try FileManager.default.subpathsOfDirectory(
            atPath: PackagePaths.root.appendingPathComponent(folder).path)
        let inputs = paths.filter { $0.hasSuffix(".json") }.count
        let expectations = paths.filter {
            $0.hasSuffix(".udm.ndjson") || $0.hasSuffix(".notes.txt") || $0.hasSuffix(".expect.kv")
                || ($0 as NSString).lastPathComponent == "README.md"
        }.count
        let others = try Self.otherFiles(folder).count
        #expect(expectations > 50)

        let normalized = try CLI.run(["normalize", "-q", "-o", "/dev/null", folder])
        #expect(
            normalized.stderr.contains("files: \(inputs + others) read, "),
            "only the logs are read: \(normalized.stderr)")
        #expect(normalized.stderr.contains("\(expectations) excluded (expectation files)"))
        #expect(!normalized.stderr.contains(".udm.ndjson"), "no expected output is read as a log")
        #expect(!normalized.stderr.contains("README.md"))

        let report = try CLI.run(["report", folder])
        #expect(!report.stdout.contains(".udm.ndjson") && !report.stdout.contains("README.md"), "\(report.stdout)")
        #expect(report.stderr.contains("files: \(expectations) excluded (expectation files)"))
        #expect(report.status == 0)

        let diff = try CLI.run(["diff", "--profile", "reference", "--profile", "reference", folder])
        #expect(diff.status == 0, "\(diff.stdout)\(diff.stderr)")
        #expect(diff.stderr.contains("files: \(expectations) excluded (expectation files)"))

        // Named on the command line, an expectation file is read like any file.
        let named = try CLI.run(["normalize", "-q", "-o", "/dev/null", "Samples/cloudtrail/decrypt.udm.ndjson"])
        #expect(named.stderr.contains("files: 1 read, "))
        #expect(!named.stderr.contains("expectation files"))

        let summaryDirectory = try PackagePaths.temporaryDirectory("summary")
        defer { try? FileManager.default.removeItem(at: summaryDirectory) }
        let summary = summaryDirectory.appendingPathComponent("s.json")
        _ = try CLI.run(["normalize", "-q", "-o", "/dev/null", "--summary-json", summary.path, folder])
        #expect(try PackagePaths.read(summary).contains("\"excluded_expectation_files\":\(expectations)"))
    }

    @Test func theEmptyFileNoteIsCounted() throws {
        let directory = try PackagePaths.temporaryDirectory("empty-note")
        defer { try? FileManager.default.removeItem(at: directory) }
        let empty = directory.appendingPathComponent("empty.json")
        try Data().write(to: empty)
        let run = try CLI.run(["normalize", empty.path])
        #expect(run.stderr.contains("\(empty.path): note: no records (the input is empty)"))
        #expect(run.stderr.contains(" s, 1 note"), "\(run.stderr)")
        let quiet = try CLI.run(["normalize", "-q", empty.path])
        #expect(!quiet.stderr.contains(": note: "))
        #expect(quiet.stderr.contains(" s, 1 note"), "a silenced note is still counted")
    }

    @Test func anIncludeThatMatchesNothingShowsThePathsItWasMatchedOn() throws {
        let run = try CLI.run(["normalize", "Samples", "--include", "*/CloudTrail/*.json"])
        #expect(run.status == 3)
        #expect(run.stderr.contains("Samples: error: cannot read: the folder has no files to read"))
        #expect(run.stderr.contains("left out by --include '*/CloudTrail/*.json'"), "\(run.stderr)")
        #expect(run.stderr.contains("which match the path below the folder (or the file name), such as 'cloudtrail/"))
        #expect(run.stderr.contains("excluded (expectation files)"))
    }

    @Test func mappingsCheckSuggestsDirectivesAndListsEveryStage() throws {
        let directory = try PackagePaths.temporaryDirectory("check")
        defer { try? FileManager.default.removeItem(at: directory) }
        let directive = directory.appendingPathComponent("directive.map")
        try "@log_type AWS_CLOUDTRAIL\n@whn eventName == \"X\"\n".write(
            to: directive, atomically: true, encoding: .utf8)
        let misspelt = try CLI.run(["mappings", "check", directive.path])
        #expect(misspelt.status == 1)
        #expect(misspelt.stderr.contains("unknown directive '@whn'; did you mean '@when'?"), "\(misspelt.stderr)")

        let stage = directory.appendingPathComponent("stage.map")
        try "@log_type AWS_CLOUDTRAIL\neventName -> target.resource.name | resourse\n".write(
            to: stage, atomically: true, encoding: .utf8)
        let unknownStage = try CLI.run(["mappings", "check", stage.path])
        #expect(unknownStage.status == 1)
        #expect(
            unknownStage.stderr.contains("unknown stage 'resourse'; did you mean 'resource'?"), "\(unknownStage.stderr)"
        )
        #expect(
            unknownStage.stderr.contains(
                ", flatten, entries, json_text, call_outcome, call_noun, resource, target_key, when)"))
    }

    @Test func aRenamedCasesFolderStillPasses() throws {
        let directory = try PackagePaths.temporaryDirectory("renamed")
        defer { try? FileManager.default.removeItem(at: directory) }
        let renamed = directory.appendingPathComponent("my-cases")
        try FileManager.default.createDirectory(at: renamed, withIntermediateDirectories: true)
        let samples = PackagePaths.samples.appendingPathComponent("cloudtrail")
        for name in ["event-without-time.json", "event-without-time.notes.txt", "decrypt.json", "decrypt.udm.ndjson"] {
            try FileManager.default.copyItem(
                at: samples.appendingPathComponent(name), to: renamed.appendingPathComponent(name))
        }
        let run = try CLI.run(["test", renamed.path])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("2 passed, 0 failed"), "\(run.stdout)")
    }
}

extension FileManager {
    /// Whether `url` names a folder.
    fileprivate func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
