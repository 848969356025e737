import Foundation
import Testing

@testable import UDMNormalizer

/// The CLI as a daily tool, through the built binary: actionable messages, one exit-code table,
/// conventional options, input selection, summaries, and the table tools' options.
@Suite struct DailyUseCommandLineTests {
    static func run(_ arguments: [String], stdin: String? = nil) throws -> CommandLineTests.Run {
        try CommandLineTests.run(arguments, stdin: stdin)
    }

    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("udm-daily-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// A CloudTrail record that normalizes with three notes (two rules meet a string, the validator downgrades).
    static func notedRecord() throws -> String {
        let data = try Data(contentsOf: PackagePaths.samples.appendingPathComponent("cloudtrail/create-user.json"))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["requestParameters"] = "HIDDEN_DUE_TO_SECURITY_REASONS"
        object["responseElements"] = "x"
        return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self) + "\n"
    }

    // MARK: errors and exit codes

    @Test func pathErrorsNameThePathTheReasonAndWhatToDoAndExitThree() throws {
        let missingTables = try Self.run(["normalize", "--mappings", "nosuchdir", "Samples/cloudtrail/decrypt.json"])
        #expect(missingTables.status == 3)
        #expect(
            missingTables.stderr.contains(
                "--mappings nosuchdir: no such file or folder (check the spelling, or the folder you run from)"))
        let output = try Self.run(["normalize", "-o", "/nonexistent/dir/x", "Samples/cloudtrail/decrypt.json"])
        #expect(output.status == 3)
        #expect(
            output.stderr.contains(
                "cannot write --output /nonexistent/dir/x: the folder '/nonexistent/dir' does not exist (create it first)"
            ))
        let deadLetter = try Self.run(["normalize", "--dead-letter", "Samples", "Samples/cloudtrail/decrypt.json"])
        #expect(deadLetter.status == 3)
        #expect(deadLetter.stderr.contains("--dead-letter Samples: is a folder (give a file name)"))
        let explainFolder = try Self.run(["explain", "Samples"])
        #expect(explainFolder.status == 3)
        #expect(
            explainFolder.stderr.contains(
                "Samples: error: cannot read: is a folder, not a file (give one file inside it)"))
        let html = try Self.run(["report", "--html", "/nonexistent/dir/r.html", "Samples/cloudtrail/decrypt.json"])
        #expect(html.status == 3)
        #expect(
            html.stderr.contains(
                "cannot write --html /nonexistent/dir/r.html: the folder '/nonexistent/dir' does not exist"))
        #expect(html.stdout.isEmpty, "the --html path is checked before the work")
        let checkMissing = try Self.run(["mappings", "check", "nosuchdir"])
        #expect(checkMissing.status == 3, "mappings check agrees with normalize on an unreadable path")
        let empty = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: empty) }
        try FileManager.default.createSymbolicLink(
            atPath: empty.appendingPathComponent("gone.json").path, withDestinationPath: "/nonexistent/gone.json")
        try PackagePaths.read(PackagePaths.samples.appendingPathComponent("cloudtrail/decrypt.json")).write(
            to: empty.appendingPathComponent("ok.json"), atomically: true, encoding: .utf8)
        let brokenLink = try Self.run(["normalize", empty.path])
        #expect(brokenLink.status == 3, "a file listed in a folder that cannot be read is reported, not dropped")
        #expect(
            brokenLink.stderr.contains(
                "\(empty.path)/gone.json: error: cannot read: a symbolic link to nothing (its target was moved or deleted)"
            ))
        #expect(brokenLink.stderr.contains("records: 1 read, 1 normalized"), "the other files are still read")
        try FileManager.default.removeItem(at: empty.appendingPathComponent("gone.json"))
        try FileManager.default.removeItem(at: empty.appendingPathComponent("ok.json"))
        let emptyFolder = try Self.run(["normalize", empty.path])
        #expect(emptyFolder.status == 3)
        #expect(emptyFolder.stderr.contains("\(empty.path): error: cannot read: the folder has no files to read"))
    }

    @Test func mappingsTakesASingleMapFile() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("site.map")
        try TableToolTests.extensionTable.write(to: file, atomically: true, encoding: .utf8)
        let run = try Self.run(["normalize", "--mappings", file.path, "Samples/cloudtrail/console-login-success.json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\"site\""), "the extension's rule wrote additional.site")
        try "@log_type AWS_CLOUDTRAIL\nuserIdentity.arn -> principal.hostnme\n".write(
            to: file, atomically: true, encoding: .utf8)
        let broken = try Self.run([
            "normalize", "--mappings", file.path, "Samples/cloudtrail/console-login-success.json",
        ])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("\(file.path):2:"), "the error names the file as given")
        #expect(broken.stderr.contains("have 1 error;"), "one error, not '1 errors'")
    }

    @Test func helpListsTheSameExitCodeTableForEveryCommand() throws {
        let main = try Self.run(["--help"])
        #expect(main.stdout.contains("GuardDuty"))
        #expect(main.stdout.contains("3  a path could not be read or written"))
        for command in ["normalize", "report", "explain", "mappings", "test", "diff", "rules", "bench"] {
            let help = try Self.run(["help", command])
            #expect(help.status == 0)
            #expect(help.stdout.contains("\nOPTIONS\n") && help.stdout.contains("EXIT CODES"), "\(command)")
            #expect(help.stdout.contains("1  the run worked and found something"), "\(command)")
            #expect(try Self.run([command, "--help"]).stdout == help.stdout, "\(command)")
        }
    }

    // MARK: options

    @Test func versionShortOptionsAndSuggestions() throws {
        let version = try Self.run(["--version"])
        #expect(version.status == 0)
        // `--version` reads the identity from the table texts; it must name the compiled tables.
        let tables = MappingSet.builtin
        #expect(
            version.stdout.hasPrefix(
                "udm-normalize \(Normalizer.version) (built-in tables \(tables.fingerprint): \(tables.fileNames.joined(separator: ", ")))"
            ))
        #expect(MappingSet.builtin.fingerprint.count == 16)
        let sample = "Samples/cloudtrail/records-file.json"
        let long = try Self.run(["normalize", "--jobs", "1", "--format", "kv", sample])
        for arguments in [["-j1", "-fkv"], ["-j", "1", "-f", "kv"], ["--jobs=1", "--format=kv"]] {
            let short = try Self.run(["normalize"] + arguments + [sample])
            #expect(short.status == 0 && short.stdout == long.stdout, "\(arguments)")
        }
        let near = try Self.run(["normalize", "--job", "2", sample])
        #expect(near.status == 2)
        #expect(near.stderr.contains("unknown option '--job'; did you mean '--jobs'?"))
        let flagValue = try Self.run(["normalize", "-qx", sample])
        #expect(flagValue.status == 2 && flagValue.stderr.contains("--quiet takes no value"))
        let command = try Self.run(["normalise", sample])
        #expect(command.status == 2 && command.stderr.contains("did you mean 'normalize'?"))
        let subcommand = try Self.run(["mappings", "chek"])
        #expect(subcommand.status == 2 && subcommand.stderr.contains("did you mean 'check'?"))
    }

    @Test func logTypeAcceptsTheSameSpellingsEverywhere() throws {
        for spelling in ["AWS_CLOUDTRAIL", "cloudtrail", "CloudTrail"] {
            let run = try Self.run(["normalize", "--log-type", spelling, "Samples/cloudtrail/decrypt.json"])
            #expect(run.status == 0, "\(spelling): \(run.stderr)")
        }
        for spelling in ["GUARDDUTY", "guardduty"] {
            let run = try Self.run(["report", "--log-type", spelling, "Samples/guardduty/dns-request-dga.json"])
            #expect(run.status == 0, "\(spelling): \(run.stderr)")
            #expect(run.stdout.contains("== GUARDDUTY =="))
        }
        let print = try Self.run(["mappings", "print", "--log-type", "guardduty"])
        #expect(print.status == 0 && print.stdout.hasPrefix("# Field mappings: GUARDDUTY"))
        #expect(try Self.run(["explain", "--log-type", "cloudtrail", "Samples/cloudtrail/decrypt.json"]).status == 0)
    }

    @Test func includeAndExcludeChooseFilesInsideFoldersAndHiddenOnesAreCounted() throws {
        let logsOnly = try Self.run([
            "normalize", "-q", "Samples", "--exclude", "*.md", "--exclude", "*.udm.ndjson", "--exclude", "*.notes.txt",
            "--exclude", "*.reference-parse.txt",
        ])
        let inputs = try FileManager.default.subpathsOfDirectory(atPath: PackagePaths.samples.path).filter {
            $0.hasSuffix(".json")
        }.count
        #expect(logsOnly.stderr.contains("files: \(inputs) read, "), "\(logsOnly.stderr)")
        #expect(!logsOnly.stderr.contains(".udm.ndjson"), "expected outputs were not read as logs")
        let included = try Self.run(["normalize", "Samples", "--include", "guardduty/dns-*.json"])
        #expect(included.status == 0)
        #expect(included.stderr.contains("files: 1 read, "))

        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let record = try PackagePaths.read(PackagePaths.samples.appendingPathComponent("cloudtrail/decrypt.json"))
        try record.write(to: directory.appendingPathComponent("a.json"), atomically: true, encoding: .utf8)
        try record.write(to: directory.appendingPathComponent(".hidden.json"), atomically: true, encoding: .utf8)
        let folder = try Self.run(["normalize", directory.path])
        #expect(folder.stderr.contains("records: 1 read"))
        #expect(folder.stderr.contains("(1 hidden skipped)"))
        let named = try Self.run(["normalize", directory.appendingPathComponent(".hidden.json").path, "--exclude", "*"])
        #expect(named.stderr.contains("records: 1 read"), "a file named on the command line is always read")
    }

    // MARK: notes, failures, summaries

    @Test func notesAreSummarisedFailuresNeverHidden() throws {
        let noted = try Self.notedRecord()
        let bad = "{\"eventName\": \n"
        let input = String(repeating: noted, count: 5) + bad
        let run = try Self.run(["normalize", "-", "-o", "/dev/null"], stdin: input)
        #expect(run.status == 1)
        #expect(run.stderr.components(separatedBy: ": note: ").count - 1 == 10, "the first 10 notes are shown")
        #expect(run.stderr.contains("5 more notes not shown (raise --max-diagnostics to see them), by rule:"))
        #expect(run.stderr.contains("-:6: error: truncated JSON"))
        #expect(run.stderr.contains(" 15 notes"))
        let quiet = try Self.run(["normalize", "-q", "-", "-o", "/dev/null"], stdin: input)
        #expect(!quiet.stderr.contains(": note: ") && !quiet.stderr.contains("not shown"), "-q silences notes")
        #expect(quiet.stderr.contains("-:6: error: truncated JSON"), "-q never hides a failure")
    }

    @Test func summaryJSONForPipelines() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("summary.json")
        let run = try Self.run([
            "normalize", "--summary-json", file.path, "-o", "/dev/null", "Samples/cloudtrail/records-file.json",
            "Samples/cloudtrail/event-without-time.json",
        ])
        #expect(run.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
        let records = object?["records"] as? [String: Any]
        #expect(records?["read"] as? Int == 4)
        #expect(records?["failed"] as? Int == 1)
        #expect((object?["files"] as? [String: Any])?["read"] as? Int == 2)
        #expect((object?["bytes"] as? Int ?? 0) > 1000)
        #expect(object?["seconds"] is Double)
        let unwritable = try Self.run([
            "normalize", "--summary-json", "/nonexistent/s.json", "Samples/cloudtrail/decrypt.json",
        ])
        #expect(unwritable.status == 3)
    }

    // MARK: reports

    @Test func gateThresholdsAcceptPercentPercentSignAndFraction() throws {
        var understood: [String] = []
        for threshold in ["90", "90%", "0.9"] {
            let run = try Self.run(["report", "--min-coverage", threshold, "Samples/cloudtrail/decrypt.json"])
            #expect(
                run.stdout.contains("gate --min-coverage \(threshold) (understood as 90%): field coverage"),
                "\(run.stdout)")
            understood.append("\(run.status)")
        }
        #expect(Set(understood).count == 1, "the three spellings give the same verdict")
        let failing = try Self.run([
            "report", "--min-rate", "0.99", "Samples/cloudtrail/event-without-time.json",
            "Samples/cloudtrail/decrypt.json",
        ])
        #expect(failing.status == 1)
        #expect(
            failing.stderr.contains(
                "gate failed: --min-rate 0.99 (understood as 99%): normalization rate 50.0% is below it"))
        #expect(try Self.run(["report", "--min-rate", "150"]).status == 2)
        let json = try Self.run(["report", "--json", "--min-rate", "0.9", "Samples/cloudtrail/decrypt.json"])
        #expect(json.status == 0)
        #expect(
            json.stderr.contains("gate --min-rate 0.9 (understood as 90%): normalization rate 100.0% holds"),
            "with --json the threshold understood is on standard error")
        #expect((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8))) is [String: Any])
        let text = try Self.run(["report", "Samples/cloudtrail/decrypt.json"])
        #expect(text.stdout.contains("rules (fired / failed, by table and line):"))
        #expect(text.stdout.contains(" cloudtrail.map:"))
    }

    @Test func htmlPageHasTotalsAndGatesFirstRunInformationAndNoExternalResource() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("r.html")
        let run = try Self.run([
            "report", "--html", page.path, "--min-rate", "90", "--min-classified", "99", "--include", "*.json",
            "Samples/cloudtrail",
        ])
        #expect(run.status == 1)
        let html = try PackagePaths.read(page)
        let summary = try #require(html.range(of: "id=\"summary\""))
        let information = try #require(html.range(of: "id=\"run\""))
        let firstLogType = try #require(html.range(of: "class=\"log-type\""))
        #expect(summary.lowerBound < information.lowerBound && information.lowerBound < firstLogType.lowerBound)
        #expect(html.contains("data-gate=\"pass\">PASS --min-rate 90"))
        #expect(html.contains("data-gate=\"fail\">FAIL --min-classified 99"))
        #expect(
            html.contains(MappingSet.builtin.fingerprint)
                && html.contains("udm-normalize \(Normalizer.version)"))
        #expect(html.contains("Most CloudTrail events are <code>GENERIC_EVENT</code> by design"))
        #expect(
            html.components(separatedBy: "<svg class=\"chart\" id=\"coverage-").count - 1 == html.components(
                separatedBy: "class=\"log-type\""
            ).count - 1,
            "one stacked coverage bar per section")
        for external in ["<script", "<link", "src=", "url(", "@import", "href=\"http"] {
            #expect(!html.contains(external), "no external resource: \(external)")
        }
        #expect(html.contains("<td><code>userIdentity.arn -&gt; principal.user.userid"), "rules with their source line")
    }

    // MARK: table tools

    @Test func mappingsCheckReportsEveryErrorSortedWithSuggestions() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try """
        @log_type AWS_CLOUDTRAIL
        eventName -> metadata.product_event_type
        "NOT_A_TYPE" -> metadata.event_type
        eventSource -> target.applicaton
        userAgent -> network.http.user_agent | lowr
        """.write(to: directory.appendingPathComponent("b.map"), atomically: true, encoding: .utf8)
        try "@log_type AWS_CLOUDTRAIL\nawsRegion -> principal.locaton.name\n".write(
            to: directory.appendingPathComponent("a.map"), atomically: true, encoding: .utf8)
        let run = try Self.run(["mappings", "check", directory.path])
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("loaded: cloudtrail-digest.map (built-in),") == true)
        #expect(lines.first?.contains("\(directory.path)/a.map, \(directory.path)/b.map") == true)
        let errors = lines.filter { $0.contains(": error: ") }
        #expect(errors.count == 4, "\(run.stderr)")
        #expect(
            errors.map { $0.components(separatedBy: ": error: ")[0] }
                == errors.map { $0.components(separatedBy: ": error: ")[0] }.sorted { a, b in
                    a.compare(b, options: .numeric) == .orderedAscending
                }, "sorted by file and line")
        #expect(run.stderr.contains("\(directory.path)/a.map:2:"))
        #expect(run.stderr.contains("did you mean 'location'?"))
        #expect(
            run.stderr.contains("\(directory.path)/b.map:3:1: error: 'NOT_A_TYPE' is not a value of Metadata.EventType")
        )
        #expect(run.stderr.contains("valid values: EVENTTYPE_UNSPECIFIED, "))
        #expect(run.stderr.contains("did you mean 'application'?"))
        #expect(run.stderr.contains("unknown stage 'lowr'; did you mean 'lower'?"))
        #expect(run.stderr.contains("checked: 4 errors, 0 warnings"))
        #expect(
            try Self.run(["mappings", "check"]).stderr.contains(
                "6 tables checked: 0 errors, 0 warnings (profiles: reference, google-secops)"))
        try
            "@log_type AWS_CLOUDTRAIL\n@match exists siteOnlyField\n\"x\" -> principal.hostname\n\"y\" -> principal.hostname\n"
            .write(to: directory.appendingPathComponent("b.map"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: directory.appendingPathComponent("a.map"))
        let warning = try Self.run(["mappings", "check", directory.path])
        #expect(warning.status == 0, "warnings alone do not fail the check")
        #expect(warning.stderr.contains("\(directory.path)/b.map:4:1: warning: never writes"))
        #expect(warning.stderr.contains("checked: 0 errors, 1 warning ("), "\(warning.stderr)")
    }

    @Test func mappingsDumpWritesTheBuiltInTablesWhichPrintCites() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try Self.run(["mappings", "dump", directory.path])
        #expect(run.status == 0)
        for file in MappingSet.builtin.tableTexts {
            #expect(try PackagePaths.read(directory.appendingPathComponent(file.name)) == file.text)
        }
        let print = try Self.run(["mappings", "print"])
        let cited = try #require(print.stdout.firstMatch(of: #/\| (cloudtrail\.map):(\d+) \|/#))
        let line = Int(cited.2)!
        let dumped = try PackagePaths.read(directory.appendingPathComponent("cloudtrail.map")).split(
            separator: "\n", omittingEmptySubsequences: false)
        #expect(dumped[line - 1].contains("->"), "print's file:line points at the rule in the dumped table")
        let check = try Self.run(["mappings", "check", directory.path])
        #expect(check.status == 0, "a dumped copy is a clean starting point")
    }

    @Test func explainAcceptsPrintedOriginsAndJSON() throws {
        let byOrigin = try Self.run(["explain", "Samples/cloudtrail/records-file.json:1:Records[1]"])
        #expect(byOrigin.status == 0, "\(byOrigin.stderr)")
        #expect(byOrigin.stdout.hasPrefix("record: Samples/cloudtrail/records-file.json:1:Records[1]\n"))
        #expect(byOrigin.stdout.contains("CreateBucket"))
        let byLine = try Self.run(["explain", "Samples/cloudtrail/decrypt.json:1"])
        #expect(byLine.status == 0 && byLine.stdout.hasPrefix("record: Samples/cloudtrail/decrypt.json:1\n"))
        let missing = try Self.run(["explain", "Samples/cloudtrail/records-file.json:1:Records[9]"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("has 3 records: Samples/cloudtrail/records-file.json:1:Records[0]"))
        let json = try Self.run(["explain", "--json", "Samples/cloudtrail/records-file.json:1:Records[2]"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["origin"] as? String == "Samples/cloudtrail/records-file.json:1:Records[2]")
        let fields = object?["fields"] as? [[String: Any]] ?? []
        #expect(
            fields.contains {
                $0["path"] as? String == "metadata.product_event_type" && $0["value"] as? String == "GetCallerIdentity"
            })
    }

    @Test func testCommandPassesOnTheSamplesAndUnderstandsNotesUpdateAndExpectKV() throws {
        for folder in ["Samples/cloudtrail", "Samples/guardduty", "Samples/guardduty/./"] {
            let run = try Self.run(["test", folder])
            #expect(run.status == 0, "\(run.stdout)")
            #expect(run.stdout.contains(" passed, 0 failed"))
        }
        let directory = try Self.temporaryDirectory().appendingPathComponent("cases")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let samples = PackagePaths.samples.appendingPathComponent("cloudtrail")
        try FileManager.default.copyItem(
            at: samples.appendingPathComponent("event-without-time.json"),
            to: directory.appendingPathComponent("no-time.json"))
        try "no-time.json:1: error: something else\n".write(
            to: directory.appendingPathComponent("no-time.notes.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(
            at: samples.appendingPathComponent("decrypt.json"), to: directory.appendingPathComponent("decrypt.json"))
        try
            "# the fields this case cares about\nmetadata.product_event_type = \"Decrypt\"\nmetadata.vendor_name = \"NOT AMAZON\"\n"
            .write(to: directory.appendingPathComponent("decrypt.expect.kv"), atomically: true, encoding: .utf8)
        let failing = try Self.run(["test", directory.path])
        #expect(failing.status == 1)
        #expect(
            failing.stdout.contains(
                "  - no-time.json:1: error: something else\n  + no-time.json:1: error: no event time: eventTime is missing"
            ))
        #expect(
            failing.stdout.contains("decrypt.expect.kv: not in any event:\n  - metadata.vendor_name = \"NOT AMAZON\"\n")
        )
        #expect(!failing.stdout.contains("product_event_type = \"Decrypt\"\n  -"), "present lines pass")
        let updated = try Self.run(["test", "--update", directory.path])
        #expect(updated.stdout.contains("updated no-time.notes.txt"))
        #expect(
            try PackagePaths.read(directory.appendingPathComponent("no-time.notes.txt"))
                == "no-time.json:1: error: no event time: eventTime is missing\n")
        #expect(
            try PackagePaths.read(directory.appendingPathComponent("decrypt.expect.kv")).contains("NOT AMAZON"),
            "expect.kv is never rewritten")
        #expect(updated.status == 1, "the expect.kv case still fails")
    }

    @Test func readmeCommandTableAndOptionsMatchTheHelp() throws {
        let readme = try PackagePaths.read(PackagePaths.root.appendingPathComponent("README.md"))
        let start = try #require(readme.range(of: "## Commands"))
        let end = try #require(readme.range(of: "### Bad input: the policy"))
        let section = String(readme[start.lowerBound..<end.lowerBound])
        var documented: Set<String> = ["--help", "--version"]
        for command in ["normalize", "report", "explain", "mappings", "test", "diff", "rules", "bench"] {
            let help = try Self.run(["help", command]).stdout
            let usage = help.components(separatedBy: "USAGE\n")[1].components(separatedBy: "\n\n")[0]
            for line in usage.split(separator: "\n") {
                let text = line.trimmingCharacters(in: .whitespaces).replacingOccurrences(
                    of: "udm-normalize ", with: "")
                #expect(section.contains(text), "README's command table shows '\(text)' as the help does")
            }
            let summary = try #require(help.split(separator: "\n").first?.components(separatedBy: " — ").last)
            #expect(section.contains(summary), "README says what \(command) does as the help does: \(summary)")
            for match in help.matches(of: #/--[a-z][a-z-]+/#) { documented.insert(String(match.output)) }
        }
        for match in section.matches(of: #/--[a-z][a-z-]+/#) {
            #expect(
                documented.contains(String(match.output)),
                "README names \(match.output), which no command's help documents")
        }
        let exitCodes = try Self.run(["--help"]).stdout
        for line in [
            "0  all good", "1  the run worked and found something", "2  usage error",
            "3  a path could not be read or written",
        ] {
            #expect(exitCodes.contains(line))
            #expect(section.contains("| \(line.prefix(1)) | \(line.dropFirst(3))"), "README's exit-code table: \(line)")
        }
    }

    @Test func documentationNamesNoPathOfTheMachineItWasWrittenOn() throws {
        let files = ["README.md", "Mappings/README.md", "Samples/cloudtrail/README.md", "Samples/guardduty/README.md"]
        for file in files {
            let text = try PackagePaths.read(PackagePaths.root.appendingPathComponent(file))
            // The folder the repository sits in (wherever it was cloned), and the usual home roots.
            let parent = PackagePaths.root.deletingLastPathComponent().path
            for prefix in (parent == "/" ? [] : [parent + "/"]) + ["/home/", "/Users/", "/root/"] {
                #expect(
                    !text.contains(prefix),
                    "\(file) names a machine path starting \(prefix); name ../shared/... relative to the repository")
            }
        }
        #expect(
            try PackagePaths.read(PackagePaths.samples.appendingPathComponent("guardduty/README.md")).contains(
                "`../shared/corpus`"))
    }

    @Test func diffLimitsJSONAndExitsOneOnlyOnChange() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try TableToolTests.extensionTable.write(
            to: directory.appendingPathComponent("site.map"), atomically: true, encoding: .utf8)
        let logs = [
            "Samples/cloudtrail/console-login-success.json", "Samples/cloudtrail/assume-role.json",
            "Samples/cloudtrail/describe-instances.json",
        ]
        let limited = try Self.run(
            ["diff", "--mappings", "builtin", "--mappings", directory.path, "--limit", "1"] + logs)
        #expect(limited.status == 1)
        #expect(limited.stdout.contains("… and 2 more changed events (raise --limit to see them)"))
        let json = try Self.run(
            ["diff", "--mappings", "builtin", "--mappings", directory.path, "--json", "-n0"] + logs)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["changed_events"] as? Int == 3)
        #expect(object?["more_changed_events"] as? Int == 3)
        let same = try Self.run(["diff", "--mappings", "builtin", "--mappings", "builtin"] + logs)
        #expect(same.status == 0)
    }
}

/// The progress line on a real terminal (a pseudo-terminal made by `script(1)`, skipped where it is missing).
@Suite struct ProgressLineTerminalTests {
    static let script = "/usr/bin/script"

    static func onTerminal(_ command: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        process.arguments = ["-qfec", command, "/dev/null"]
        process.currentDirectoryURL = PackagePaths.root
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: script) && CommandLineTests.binary != nil))
    func showsDuringSlowInputAndIsClearedBeforeEvents() throws {
        let binary = try #require(CommandLineTests.binary).path
        let shown = try Self.onTerminal("(sleep 1.2; cat Samples/cloudtrail/decrypt.json) | '\(binary)' normalize")
        #expect(shown.contains("0 records, 0.0 MB"), "the line shows while the input is silent")
        #expect(shown.contains("\r\u{1B}[K{\"metadata\""), "the line is cleared before the event")
        #expect(!shown.contains("s{\"metadata\""), "no event glued to the line")
        let quiet = try Self.onTerminal("(sleep 1.2; cat Samples/cloudtrail/decrypt.json) | '\(binary)' normalize -q")
        #expect(!quiet.contains(" records, ") && quiet.contains("{\"metadata\""))
    }

    /// On a live input the line counts what was read so far, not only what filled a batch.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: script) && CommandLineTests.binary != nil))
    func countsTheRecordsOfALiveInput() throws {
        let binary = try #require(CommandLineTests.binary).path
        let sample = "Samples/cloudtrail/decrypt.json"
        let shown = try Self.onTerminal(
            "(cat \(sample) \(sample); sleep 1.5; cat \(sample)) | '\(binary)' normalize -o /dev/null")
        #expect(shown.contains("\r\u{1B}[K2 records, "), "two records read before the pause: \(shown)")
        #expect(!shown.contains("\r\u{1B}[K0 records, 0.0 MB, 0.0 MB/s, 1."), "\(shown)")
        #expect(shown.contains("records: 3 read"))
    }
}
