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
