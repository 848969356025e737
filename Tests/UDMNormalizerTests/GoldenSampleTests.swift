import Foundation
import Testing

@testable import UDMNormalizer

/// Golden tests: every input in `Samples/<log type>/` has its expected UDM output beside it,
/// compared byte for byte (`<case>.udm.ndjson`), and the expected failures and diagnostics
/// (`<case>.notes.txt`, present only when there are any); those of the `google-secops` profile are
/// in the `google-secops/` subfolder, beside the same inputs. `UDM_REGENERATE=1` rewrites them;
/// review the diff before committing.
@Suite struct GoldenSampleTests {
    /// One input under one profile.
    struct GoldenCase: Sendable, CustomTestStringConvertible {
        var input: URL
        var profile: String
        var testDescription: String {
            "\(profile): \(input.deletingLastPathComponent().lastPathComponent)/\(input.lastPathComponent)"
        }
        /// Where the expected outputs are: beside the input (reference) or in the profile's subfolder.
        var expectedBase: URL {
            let folder = input.deletingLastPathComponent()
            let name = input.deletingPathExtension().lastPathComponent
            return profile == MappingSet.referenceProfile
                ? folder.appendingPathComponent(name)
                : folder.appendingPathComponent(profile).appendingPathComponent(name)
        }
    }

    /// Log-type folders and the profiles whose goldens each has (GuardDuty has no google-secops
    /// goldens: that profile changes no GuardDuty table).
    static let folders: [(folder: String, profiles: [String])] = [
        ("cloudtrail", [MappingSet.referenceProfile, "google-secops"]),
        ("guardduty", [MappingSet.referenceProfile]),
    ]

    static var inputs: [URL] {
        folders.flatMap { folder -> [URL] in
            let directory = PackagePaths.samples.appendingPathComponent(folder.folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return names.filter { $0.hasSuffix(".json") }.sorted().map { directory.appendingPathComponent($0) }
        }
    }

    static var cases: [GoldenCase] {
        folders.flatMap { folder -> [GoldenCase] in
            let directory = PackagePaths.samples.appendingPathComponent(folder.folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            let inputs = names.filter { $0.hasSuffix(".json") }.sorted().map { directory.appendingPathComponent($0) }
            return folder.profiles.flatMap { profile in inputs.map { GoldenCase(input: $0, profile: profile) } }
        }
    }

    /// Normalizes a sample under a profile and renders both streams of the result as `udm-normalize test` compares them.
    static func render(_ input: URL, profile: String = MappingSet.referenceProfile) throws -> (
        events: String, notes: String
    ) {
        let source = input.lastPathComponent
        let normalizer = Normalizer(mappings: try MappingSet.builtin(profile: profile))
        let output = SampleTestRunner.output(
            of: Array(try Data(contentsOf: input)), source: source, normalizer: normalizer)
        return (output.events, output.notes)
    }

    @Test func thereAreEnoughSamples() {
        #expect(Self.inputs.count >= 25, "the golden set covers at least 25 event kinds")
    }

    @Test(arguments: cases) func sampleMatchesExpectedOutput(_ golden: GoldenCase) throws {
        let input = golden.input
        let (events, notes) = try Self.render(input, profile: golden.profile)
        let base = golden.expectedBase
        let eventsFile = base.appendingPathExtension("udm.ndjson")
        let notesFile = base.appendingPathExtension("notes.txt")
        if PackagePaths.regenerate {
            try FileManager.default.createDirectory(
                at: base.deletingLastPathComponent(), withIntermediateDirectories: true)
            try write(events, to: eventsFile)
            try write(notes, to: notesFile)
            return
        }
        let expectedEvents =
            FileManager.default.fileExists(atPath: eventsFile.path) ? try PackagePaths.read(eventsFile) : ""
        let expectedNotes =
            FileManager.default.fileExists(atPath: notesFile.path) ? try PackagePaths.read(notesFile) : ""
        #expect(
            !(expectedEvents.isEmpty && expectedNotes.isEmpty),
            "no expected output for \(input.lastPathComponent): run UDM_REGENERATE=1 swift test --filter GoldenSampleTests and review"
        )
        #expect(
            events == expectedEvents,
            "UDM output of \(input.lastPathComponent) differs from \(eventsFile.lastPathComponent)")
        #expect(
            notes == expectedNotes,
            "failures/diagnostics of \(input.lastPathComponent) differ from \(notesFile.lastPathComponent)")
    }

    @Test func sameInputGivesSameBytes() throws {
        for input in Self.inputs.prefix(10) {
            let first = try Self.render(input)
            let second = try Self.render(input)
            #expect(first.events == second.events)
        }
    }

    private func write(_ text: String, to url: URL) throws {
        if text.isEmpty {
            try? FileManager.default.removeItem(at: url)
        } else {
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }
}
