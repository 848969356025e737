import Foundation
import Testing

/// The bad-input policy as a user meets it through `udm-normalize`: cut files end normally with
/// their records out, an output that is one of the inputs is refused before anything is written,
/// and standard input works as a live filter.
@Suite struct DamagedInputCommandLineTests {
    static func write(_ bytes: [UInt8], _ name: String, in directory: URL) throws -> URL {
        let file = directory.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file
    }

    @Test(arguments: [["--max-record-bytes", "1024"], []])
    func aCutRecordsFileEndsNormally(_ options: [String]) throws {
        let directory = try PackagePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = RealCloudTrailEvents.recordsFile(RealCloudTrailEvents.events(20))
        let cut = try Self.write(
            Array(file.bytes.prefix((file.elementStarts[6] + file.elementEnds[6]) / 2)), "cut.json", in: directory)
        let run = try CommandLineTests.run(["normalize", "-q"] + options + [cut.path])
        #expect(run.status == 1, "records failed, no crash: \(run.stderr)")
        let counts = try #require(BatchCommandLineTests.summary(run.stderr))
        #expect(counts.0 == counts.1 + counts.2 + counts.3)
        #expect(counts.0 == 7)
        if options.isEmpty { #expect(counts == (7, 6, 1, 0)) }
        #expect(run.stderr.contains("cut.json:1:Records[6]: error: truncated"))
    }

    /// A stray `}` inside an NDJSON line is reported on standard error as invalid JSON at its byte,
    /// not as a cut record; the line the file really ends inside is.
    @Test func aSyntaxErrorInsideALineIsReportedAsInvalidJSON() throws {
        let directory = try PackagePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let event = try #require(RealCloudTrailEvents.all.first)
        let lines = [event, #"{"a": 1, "b": }"#, event, #"{"a": 1, "b": "#]
        let file = try Self.write(Array(lines.joined(separator: "\n").utf8), "damaged.ndjson", in: directory)
        let run = try CommandLineTests.run(["normalize", "-q", "-o", "/dev/null", file.path])
        #expect(run.status == 1, "\(run.stderr)")
        let failures = run.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(
            failures == [
                "\(file.path):2: error: invalid JSON: line 1, column 15 (byte 14): unexpected character '}' (expected a value)",
                "\(file.path):4: error: truncated: the input ends inside this JSON value",
            ], "\(run.stderr)")
    }

    /// `-o same.json same.json` and its variants: exit 2, the input left as it was.
    @Test func anOutputThatIsAnInputIsRefused() throws {
        let directory = try PackagePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let content = Array(RealCloudTrailEvents.all[0].utf8) + [0x0A]
        let input = try Self.write(content, "same.json", in: directory)
        let link = directory.appendingPathComponent("link.json")
        try FileManager.default.linkItem(at: input, to: link)
        let otherSpelling = directory.path + "/missing-folder/../same.json"
        let cases: [[String]] = [
            ["normalize", "-o", input.path, input.path],
            ["normalize", "--output", otherSpelling, input.path],
            ["normalize", "-o", "/dev/null", "--dead-letter", link.path, input.path],
            ["normalize", "-o", input.path, directory.path],
            ["report", "-q", "--html", input.path, input.path],
        ]
        for arguments in cases {
            let run = try CommandLineTests.run(arguments)
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains("writing it would destroy what is to be read"), "\(run.stderr)")
            #expect(Array(try Data(contentsOf: input)) == content, "\(arguments) left the input as it was")
        }
        let devices = try CommandLineTests.run([
            "normalize", "-q", "-o", "/dev/null", "--dead-letter", "/dev/null", input.path,
        ])
        #expect(devices.status == 0, "/dev/null is never refused: \(devices.stderr)")
    }

    /// Events come out while standard input is still open: the first one is read from the child's
    /// output before its input is closed (the timeout only guards against a hang).
    @Test func standardInputIsALiveFilter() throws {
        let events = RealCloudTrailEvents.events(2)
        let run = try Self.liveRun(["normalize", "-q"], head: events[0] + "\n", tail: events[1] + "\n")
        #expect(run.first?.hasPrefix("{\"metadata\":") == true, "the first event is out before the input ends")
        #expect(run.rest.split(separator: "\n").count == 1)
        #expect(run.status == 0)
    }

    /// Runs the command, writes `head` to its standard input, waits (at most a minute) for its first
    /// output line, then writes `tail` and closes the input: what came out first, the rest, the exit
    /// status and standard error.
    static func liveRun(_ arguments: [String], head: String, tail: String) throws -> (
        first: String?, rest: String, status: Int32, stderr: String
    ) {
        guard let binary = CommandLineTests.binary else { throw CommandLineTests.BinaryNotBuilt() }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let errorReader = PipeReader(errors.fileHandleForReading)
        input.fileHandleForWriting.write(Data(head.utf8))
        let lines = LineReader(output.fileHandleForReading)
        let first = lines.next(timeout: 60)
        input.fileHandleForWriting.write(Data(tail.utf8))
        try input.fileHandleForWriting.close()
        let rest = lines.rest()
        process.waitUntilExit()
        let stderr = String(decoding: errorReader.wait(), as: UTF8.self)
        return (first, rest, process.terminationStatus, stderr)
    }

    /// The command line prints a merged record's range and the approximate index after a stray quote.
    @Test func mergedElementsAreNamedByTheirRange() throws {
        let directory = try PackagePaths.temporaryDirectory("merged")
        defer { try? FileManager.default.removeItem(at: directory) }
        var events = RealCloudTrailEvents.events(10)
        for index in [2, 5] {
            events[index] = events[index].replacingOccurrences(of: "\"eventName\"", with: "\"eventName\"\"")
        }
        let file = directory.appendingPathComponent("trail.json")
        try Data(RealCloudTrailEvents.recordsFile(events).bytes).write(to: file)
        let run = try CommandLineTests.run(["normalize", "-o", "/dev/null", file.path])
        #expect(run.status == 1)
        #expect(
            run.stderr.contains(
                "\(file.path):1:Records[2]: error: invalid JSON: "), "\(run.stderr)")
        #expect(run.stderr.contains("so this record runs over about 4 elements, up to Records[~5]"))
        #expect(run.stderr.contains("records: 7 read, 6 normalized, 1 failed"))
        let explained = try CommandLineTests.run(["explain", "\(file.path):1:Records[~7]"])
        #expect(explained.status == 0, "an approximate origin is one explain takes: \(explained.stderr)")
    }

    /// A `Records` file, a JSON array or values concatenated on one line, delivered slowly: each
    /// element complete in what has arrived comes out within the flush delay, as NDJSON lines do,
    /// not when the input ends. (The input stays open while the first event is awaited.)
    @Test(arguments: ["Records file", "array", "concatenated values"])
    func slowlyDeliveredValuesComeOutAsTheyComplete(_ shape: String) throws {
        let events = RealCloudTrailEvents.events(2)
        let (head, tail): (String, String) =
            switch shape {
            case "Records file": (#"{"Records":["# + events[0] + ",", events[1] + "]}\n")
            case "array": ("[" + events[0] + ",", events[1] + "]")
            default: (events[0], events[1] + "\n")
            }
        let run = try Self.liveRun(["normalize", "-q", "--flush-delay", "100"], head: head, tail: tail)
        #expect(run.first?.hasPrefix("{\"metadata\":") == true, "the first element is out before the input ends")
        #expect(run.rest.split(separator: "\n").count == 1, "\(run.rest)")
        #expect(run.status == 0, "\(run.stderr)")
    }
}

/// Reads a pipe line by line on its own thread, so a test can wait for one line with a timeout.
final class LineReader: @unchecked Sendable {
    private let lock = NSLock()
    private var buffer = Data()
    private var ended = false
    private let changed = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread { [self] in
            while true {
                let chunk = handle.availableData
                lock.withLock {
                    if chunk.isEmpty { ended = true } else { buffer.append(chunk) }
                }
                changed.signal()
                if chunk.isEmpty { return }
            }
        }.start()
    }

    /// The first line, waiting at most `timeout` seconds for it.
    func next(timeout: Double) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let line: String? = lock.withLock {
                guard let newline = buffer.firstIndex(of: 0x0A) else { return nil }
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...newline)
                return line
            }
            if let line { return line }
            if lock.withLock({ ended }) || Date() > deadline { return nil }
            _ = changed.wait(timeout: .now() + 0.5)
        }
    }

    /// Everything after the lines taken, once the pipe is closed.
    func rest() -> String {
        while !lock.withLock({ ended }) { _ = changed.wait(timeout: .now() + 0.5) }
        return lock.withLock { String(decoding: buffer, as: UTF8.self) }
    }
}
