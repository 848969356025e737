import Foundation
import Testing

/// The `udm-normalize` binary as a user runs it: exit codes, streams, stdin, help, errors.
@Suite struct CommandLineTests {
    /// The executable built beside the test bundle (`swift test` builds every product of the package).
    static let binary: URL? = {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("udm-normalize")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    struct BinaryNotBuilt: Error {}

    static func run(_ arguments: [String], stdin: String? = nil) throws -> Run {
        guard let binary else { throw BinaryNotBuilt() }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = PackagePaths.root
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        // Read standard error on its own thread: a child blocked on a full stderr pipe while this
        // thread waits for stdout to end would never finish.
        let errorReader = PipeReader(err.fileHandleForReading)
        let writer = input.fileHandleForWriting
        Thread {
            if let stdin { writer.write(Data(stdin.utf8)) }
            try? writer.close()
        }.start()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = errorReader.wait()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }

    @Test func normalizesASampleFileToNDJSON() throws {
        let run = try Self.run(["normalize", "Samples/cloudtrail/console-login-success.json"])
        #expect(run.status == 0)
        let expected = try PackagePaths.read(
            PackagePaths.samples.appendingPathComponent("cloudtrail/console-login-success.udm.ndjson"))
        #expect(run.stdout == expected, "the CLI writes the same bytes as the library")
        #expect(run.stderr.hasPrefix("records: 1 read, 1 normalized, 0 failed, 0 skipped\nfiles: 1 read, "))
        #expect(run.stderr.hasSuffix(" s, 0 notes\n"))
    }

    @Test func readsStandardInputAndWritesKeyValueLines() throws {
        let record = try PackagePaths.read(
            PackagePaths.samples.appendingPathComponent("cloudtrail/reference-sample-describe-trails.json"))
        let run = try Self.run(["normalize", "--format", "kv", "-"], stdin: record)
        #expect(run.status == 0)
        #expect(run.stdout.contains("additional.Event Type = \"AwsApiCall\"\n"))
        #expect(run.stdout.contains("principal.user.attribute.labels.key = \"mfaAuthenticated\"\n"))
        let noArgument = try Self.run(["normalize"], stdin: record)
        #expect(noArgument.status == 0 && noArgument.stdout.hasPrefix("{\"metadata\""))
    }

    @Test func failedRecordsAreReportedAndExitOne() throws {
        let good = try PackagePaths.read(
            PackagePaths.samples.appendingPathComponent("cloudtrail/reference-sample-describe-trails.json"))
        let run = try Self.run(["normalize", "-"], stdin: good + "{\"eventName\": \n" + good)
        #expect(run.status == 1)
        #expect(run.stdout.split(separator: "\n").count == 2, "the records around the bad one are still normalized")
        #expect(
            run.stderr.contains(
                "-:2: error: truncated JSON: the line ends before the value that starts at column 1 is closed"))
        #expect(run.stderr.contains("records: 3 read, 2 normalized, 1 failed, 0 skipped\n"))
        let noTime = try Self.run(["normalize", "Samples/cloudtrail/event-without-time.json"])
        #expect(noTime.status == 1)
        #expect(
            noTime.stderr.contains(
                "Samples/cloudtrail/event-without-time.json:1: error: no event time: eventTime is missing"))
    }

    @Test func usageErrorsExitTwo() throws {
        for arguments in [
            ["frobnicate"], ["normalize", "--format", "xml"], ["normalize", "--bogus"],
            ["normalize", "--log-type", "NOPE"], [],
        ] {
            let run = try Self.run(arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(!run.stderr.isEmpty)
        }
    }

    @Test func unreadableInputsExitThree() throws {
        let missing = try Self.run(["normalize", "no/such/file.json"])
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("no/such/file.json: error: cannot read: no such file or folder"))
        let mixed = try Self.run(["normalize", "no/such/file.json", "Samples/cloudtrail/create-user.json"])
        #expect(mixed.status == 3, "readable inputs are still normalized, and the exit code says one was not")
        #expect(mixed.stdout.split(separator: "\n").count == 1)
    }

    /// An output that cannot be written (a full disk) ends the run with exit 3 and the reason,
    /// for the events and for the dead letters; it does not crash.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func unwritableOutputExitsThreeNamingIt() throws {
        let events = try Self.run(["normalize", "-o", "/dev/full", "Samples/cloudtrail"])
        #expect(events.status == 3)
        #expect(
            events.stderr.contains("udm-normalize: cannot write --output /dev/full: no space left on device"),
            "\(events.stderr)")
        let deadLetters = try Self.run(
            [
                "normalize", "-q", "--dead-letter", "/dev/full", "-o", "/dev/null", "-", "--log-type", "AWS_CLOUDTRAIL",
            ], stdin: "{\"eventTime\": \n")
        #expect(deadLetters.status == 3)
        #expect(deadLetters.stderr.contains("cannot write --dead-letter /dev/full"), "\(deadLetters.stderr)")
    }

    @Test func brokenMappingDirectoryNamesFileLineAndColumn() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("udm-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "@log_type X\n@match exists a\na -> principal.hostnme\n".write(
            to: directory.appendingPathComponent("broken.map"), atomically: true, encoding: .utf8)
        let run = try Self.run([
            "normalize", "--mappings", directory.path, "Samples/cloudtrail/console-login-success.json",
        ])
        #expect(run.status == 1, "a table with errors is a finding, not an unreadable path")
        #expect(
            run.stderr.contains(
                "\(directory.path)/broken.map:3:6: in target 'principal.hostnme': 'hostnme' is not a field of UDM message Noun (did you mean 'hostname'?)"
            ))
    }

    @Test func helpDocumentsEveryOptionAndExitCode() throws {
        let main = try Self.run(["--help"])
        #expect(main.status == 0)
        #expect(main.stdout.contains("normalize") && main.stdout.contains("EXIT CODES"))
        let normalize = try Self.run(["help", "normalize"])
        for option in ["--format", "--mappings", "--log-type", "--max-diagnostics", "--help"] {
            #expect(normalize.stdout.contains(option), "\(option) is documented")
        }
        #expect(try Self.run(["normalize", "--help"]).stdout == normalize.stdout)
    }
}

/// Drains a pipe on a thread of its own.
final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }.start()
    }

    /// Everything the pipe delivered, once it is closed. `data` is written before `done` is signalled.
    func wait() -> Data {
        done.wait()
        return data
    }
}
