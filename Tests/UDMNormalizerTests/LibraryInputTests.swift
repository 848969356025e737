import Foundation
import Testing

@testable import UDMNormalizer

/// The library's entry points for inputs a program holds: a folder, `Data`, an async caller, and
/// the typed reason of a skip.
@Suite struct LibraryInputTests {
    static let cloudtrail = PackagePaths.samples.appendingPathComponent("cloudtrail").path

    /// What the command line reads of a folder: every log file below it, expectation files left out.
    static func logFiles(_ folder: String) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: folder).sorted().filter {
            let name = ($0 as NSString).lastPathComponent
            return !InputFolder.isExpectationFile(name) && !name.hasPrefix(".")
                && !FileManager.default.fileExists(atPath: folder + "/" + $0 + "/")
        }
    }

    @Test func aFolderIsReadFileByFileInNameOrder() throws {
        var files: [String] = []
        var records = 0
        try Normalizer().normalize(path: Self.cloudtrail) { record in
            records += 1
            let file = String(record.origin.prefix { $0 != ":" })
            if files.last != file { files.append(file) }
        }
        let expected = try Self.logFiles(Self.cloudtrail).map { Self.cloudtrail + "/" + $0 }
        #expect(expected.count > 40)
        #expect(files == expected.filter { (try? Data(contentsOf: URL(fileURLWithPath: $0)))?.isEmpty == false })
        #expect(!files.contains { $0.hasSuffix(".udm.ndjson") || $0.hasSuffix("README.md") })
        #expect(records >= expected.count - 1)

        let empty = try PackagePaths.temporaryDirectory("empty-folder")
        defer { try? FileManager.default.removeItem(at: empty) }
        try Data().write(to: empty.appendingPathComponent("README.md"))
        #expect(throws: InputError.self) { try Normalizer().normalize(path: empty.path) { _ in } }
        do {
            try Normalizer().normalize(path: empty.path) { _ in }
        } catch {
            #expect("\(error)".contains("the folder has no files to read (1 hidden or expectation files left out)"))
        }
    }

    @Test func dataGivesTheRecordsOfTheBytes() throws {
        let data = try Data(contentsOf: PackagePaths.samples.appendingPathComponent("cloudtrail/records-file.json"))
        var fromData: [String] = []
        Normalizer().normalize(input: data, source: "f") { fromData.append("\($0.origin) \($0.outcome)") }
        var fromBytes: [String] = []
        Normalizer().normalize(input: [UInt8](data), source: "f") { fromBytes.append("\($0.origin) \($0.outcome)") }
        #expect(fromData.count > 1)
        #expect(fromData == fromBytes)
    }

    /// A sink the async body hands records to, so that the body awaits.
    actor Collected {
        var origins: [String] = []
        func add(_ origin: String) { origins.append(origin) }
    }

    @Test func theAsyncFormGivesTheRecordsOfTheSynchronousOne() async throws {
        for path in [Self.cloudtrail, Self.cloudtrail + "/records-file.json"] {
            var expected: [String] = []
            try Normalizer().normalize(path: path) { expected.append($0.origin) }
            let collected = Collected()
            try await Normalizer().normalize(path: path) { record in await collected.add(record.origin) }
            #expect(await collected.origins == expected)
            #expect(!expected.isEmpty)
        }
        await #expect(throws: InputError.self) {
            try await Normalizer().normalize(path: "/nonexistent/trail.json") { record in
                await Collected().add(record.origin)
            }
        }
    }

    @Test func skipsHaveATypedReason() throws {
        var reasons: [SkipReason] = []
        try Normalizer().normalize(path: Self.cloudtrail + "/../guardduty/eventbridge-other-detail-type.json") {
            if case .skipped(let reason) = $0.outcome { reasons.append(reason) }
        }
        #expect(reasons.map(\.kind) == [.unhandledDetailType])
        #expect(reasons.first?.description.hasPrefix("EventBridge detail-type '") == true)
        let control =
            #"{"messageType":"CONTROL_MESSAGE","owner":"CloudwatchLogs","logGroup":"","logStream":"","subscriptionFilters":[],"logEvents":[{"id":"","timestamp":1,"message":"CWL CONTROL MESSAGE: Checking health of destination Firehose."}]}"#
        var controlReasons: [SkipReason] = []
        Normalizer().normalize(input: Array(control.utf8), source: "payload") {
            if case .skipped(let reason) = $0.outcome { controlReasons.append(reason) }
        }
        #expect(controlReasons == [SkipReason(kind: .controlMessage, detail: "CloudWatch Logs control message")])
    }

    /// An async caller's turn is given by resuming its task, never by a thread it blocks: a signal
    /// before the wait lets the wait return at once, a signal after it resumes the waiting task.
    @Test func aSuspendingCallerIsResumedNotBlocked() async {
        let turn = CallerTurn(suspending: true)
        turn.signal()
        await turn.suspendUntilSignalled()
        let waiting = Task { await turn.suspendUntilSignalled() }
        try? await Task.sleep(for: .milliseconds(50))
        turn.signal()
        await waiting.value
    }
}
