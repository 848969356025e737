import Foundation
import Testing

/// `udm-normalize bench` runs the normalizers it is compared with in the same rounds and prints
/// their times and ratios (speed itself is never asserted: the machine is shared and noisy).
@Suite struct BenchCommandTests {
    @Test func comparedCommandsRunOnTheSameInputsAndGetARatio() throws {
        let directory = try PackagePaths.temporaryDirectory("bench")
        defer { try? FileManager.default.removeItem(at: directory) }
        let marker = directory.appendingPathComponent("compared-ran")
        // The compared command copies its input, so the test sees that it got the generated corpus.
        let run = try CommandLineTests.run([
            "bench", "--events", "40", "--rounds", "1", "--keep", directory.path,
            "--compare-command", "cat {} > '\(marker.path)'",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("compared: cat {} > "))
        #expect(run.stdout.contains("normalize --jobs 1 takes"))
        let copied = try String(contentsOf: marker, encoding: .utf8)
        let corpus = try String(contentsOf: directory.appendingPathComponent("cloudtrail-40.ndjson"), encoding: .utf8)
        #expect(copied == corpus)
    }

    /// A debug build's figures say nothing about the product's speed: `bench` says so first, and a
    /// release build does not. (The tests run the binary built with the same configuration as they are.)
    @Test func aDebugBuildIsNamedAsSuch() throws {
        let run = try CommandLineTests.run(["bench", "--events", "10", "--rounds", "1"])
        #expect(run.status == 0, "\(run.stderr)")
        let warning = "warning: this is a debug build (`swift run` or `swift build` without `-c release`)"
        #if DEBUG
            #expect(run.stderr.hasPrefix("udm-normalize bench: \(warning)"), "\(run.stderr)")
            #expect(run.stderr.contains("swift build -c release --static-swift-stdlib"))
        #else
            #expect(!run.stderr.contains(warning), "\(run.stderr)")
        #endif
    }

    /// The summary names the log types of the records measured, not the corpus a run would have
    /// generated: GuardDuty files given on the command line are GUARDDUTY, a mix names both.
    @Test func theSummaryNamesTheLogTypesMeasured() throws {
        let directory = try PackagePaths.temporaryDirectory("bench-log-types")
        defer { try? FileManager.default.removeItem(at: directory) }
        let generated = try CommandLineTests.run([
            "bench", "--log-type", "guardduty", "--events", "20", "--rounds", "1", "--keep", directory.path,
        ])
        #expect(generated.status == 0, "\(generated.stderr)")
        #expect(Self.summary(generated.stdout)?.hasPrefix("summary: GUARDDUTY ") == true, "\(generated.stdout)")
        let findings = directory.appendingPathComponent("guardduty-20.ndjson").path

        let given = try CommandLineTests.run(["bench", "--rounds", "1", findings])
        #expect(given.status == 0, "\(given.stderr)")
        #expect(Self.summary(given.stdout)?.hasPrefix("summary: GUARDDUTY ") == true, "\(given.stdout)")

        let events = try CommandLineTests.run([
            "bench", "--events", "20", "--rounds", "1", "--keep", directory.path,
        ])
        #expect(Self.summary(events.stdout)?.hasPrefix("summary: AWS_CLOUDTRAIL ") == true, "\(events.stdout)")
        let mixed = try CommandLineTests.run([
            "bench", "--rounds", "1", directory.appendingPathComponent("cloudtrail-20.ndjson").path, findings,
        ])
        #expect(mixed.status == 0, "\(mixed.stderr)")
        #expect(
            Self.summary(mixed.stdout)?.hasPrefix("summary: AWS_CLOUDTRAIL+GUARDDUTY ") == true, "\(mixed.stdout)")
    }

    /// Start-up is measured on an empty input and on one record of each log type, with the
    /// profile given, and the summary carries all three figures.
    @Test func startUpIsMeasuredOnAnEmptyInputAndOnOneRecordOfEachLogType() throws {
        let run = try CommandLineTests.run([
            "bench", "--events", "10", "--rounds", "1", "--profile", "google-secops",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let line = run.stdout.split(separator: "\n").first { $0.hasPrefix("start-up ") }.map(String.init) ?? ""
        #expect(line.hasPrefix("start-up (whole process, profile google-secops, best of 10): empty input "), "\(line)")
        let figures = line.split(separator: ": ", maxSplits: 1).last?.split(separator: ", ") ?? []
        #expect(figures.count == 3, "\(line)")
        for (figure, input) in zip(figures, ["empty input ", "one CloudTrail record ", "one GuardDuty finding "]) {
            #expect(figure.hasPrefix(input) && figure.hasSuffix(" ms"), "\(figure)")
            let milliseconds = Double(figure.dropFirst(input.count).dropLast(3)) ?? 0
            #expect(milliseconds > 0, "\(figure)")
        }
        let summary = Self.summary(run.stdout) ?? ""
        #expect(
            summary.range(of: #"start-up \d+/\d+/\d+ ms \(empty/CloudTrail/GuardDuty\)$"#, options: .regularExpression)
                != nil, "\(summary)")
    }

    static func summary(_ output: String) -> String? {
        output.split(separator: "\n").last { $0.hasPrefix("summary: ") }.map(String.init)
    }

    @Test func aComparedCommandWithoutInputsIsAUsageError() throws {
        let run = try CommandLineTests.run(["bench", "--events", "10", "--compare-command", "true"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("needs '{}'"))
    }

    @Test func aFailingComparedCommandIsReported() throws {
        let run = try CommandLineTests.run([
            "bench", "--events", "10", "--rounds", "1", "--compare-command", "false {}",
        ])
        #expect(run.status != 0)
        #expect(run.stderr.contains("exited with 1"))
    }
}
