import Foundation
import Testing
@testable import UDMNormalizer

/// Golden tests: every input in `Samples/<log type>/` has its expected UDM output beside it,
/// compared byte for byte (`<case>.udm.ndjson`), and the expected failures and diagnostics
/// (`<case>.notes.txt`, present only when there are any). `UDM_REGENERATE=1` rewrites them;
/// review the diff before committing.
@Suite struct GoldenSampleTests {
    static let folders = ["cloudtrail", "guardduty"]

    static var cases: [URL] {
        folders.flatMap { folder -> [URL] in
            let directory = PackagePaths.samples.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return names.filter { $0.hasSuffix(".json") }.sorted().map { directory.appendingPathComponent($0) }
        }
    }

    /// Normalizes a sample and renders both streams of the result as `udm-normalize test` compares them.
    static func render(_ input: URL) throws -> (events: String, notes: String) {
        let source = input.deletingLastPathComponent().lastPathComponent + "/" + input.lastPathComponent
        let output = SampleTestRunner.output(of: Array(try Data(contentsOf: input)), source: source, normalizer: Normalizer())
        return (output.events, output.notes)
    }

    @Test func thereAreEnoughSamples() {
        #expect(Self.cases.count >= 25, "the golden set covers at least 25 event kinds")
    }

    @Test(arguments: cases) func sampleMatchesExpectedOutput(_ input: URL) throws {
        let (events, notes) = try Self.render(input)
        let base = input.deletingPathExtension()
        let eventsFile = base.appendingPathExtension("udm.ndjson")
        let notesFile = base.appendingPathExtension("notes.txt")
        if PackagePaths.regenerate {
            try write(events, to: eventsFile)
            try write(notes, to: notesFile)
            return
        }
        let expectedEvents = FileManager.default.fileExists(atPath: eventsFile.path) ? try PackagePaths.read(eventsFile) : ""
        let expectedNotes = FileManager.default.fileExists(atPath: notesFile.path) ? try PackagePaths.read(notesFile) : ""
        #expect(!(expectedEvents.isEmpty && expectedNotes.isEmpty), "no expected output for \(input.lastPathComponent): run UDM_REGENERATE=1 swift test --filter GoldenSampleTests and review")
        #expect(events == expectedEvents, "UDM output of \(input.lastPathComponent) differs from \(eventsFile.lastPathComponent)")
        #expect(notes == expectedNotes, "failures/diagnostics of \(input.lastPathComponent) differ from \(notesFile.lastPathComponent)")
    }

    @Test func sameInputGivesSameBytes() throws {
        for input in Self.cases.prefix(10) {
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
