import Foundation
import UDMNormalizer

/// `udm-normalize bench`: end-to-end speed and memory of this binary on a generated or given
/// corpus, with Foundation's JSONSerialization and the library's own parser measured on the same
/// bytes in the same run, so the ratios hold even on a noisy machine. `JSONSerialization` appears
/// here only as that yardstick; nothing on the normalize path uses it.
struct BenchCommand {
    var events = 200_000
    var kind = BenchmarkCorpus.Kind.cloudtrail
    var files: [String] = []
    var rounds = 2
    var keep: String?
    var profile: String?
    /// Other normalizers measured in the same run: shell commands with `{}` standing for the inputs.
    var compareCommands: [String] = []

    var showHelp = false

    static let options: [CommandOption] = [
        CommandOption(long: "--events", short: "-n", value: "N", help: "Records to generate (default 200000)."),
        CommandOption(
            long: "--log-type", value: "TYPE",
            help: "Corpus to generate: cloudtrail (AWS_CLOUDTRAIL, default) or guardduty (GUARDDUTY)."),
        CommandOption(long: "--rounds", value: "R", help: "Best of R rounds of each end-to-end run (default 2)."),
        CommandOption(long: "--keep", value: "DIR", help: "Write the corpus into DIR and keep it."),
        CommandOption(
            long: "--profile", value: "NAME|DIR",
            help: "Run the normalize passes with that output profile (default 'reference')."),
        CommandOption(
            long: "--compare-command", value: "'CMD {}'",
            help: """
                Run another normalizer in the same rounds, '{}' standing for the input
                files, and print its time and the ratio of ours to it; repeatable. E.g.
                --compare-command 'python3 py_udm.py {} > /dev/null'.
                """),
        .help,
    ]

    init(parsing arguments: [String]) throws(UsageError) {
        var reader = ArgumentReader(arguments, options: Self.options)
        try reader.read { (name: String, take: () throws(UsageError) -> String) throws(UsageError) in
            switch name {
            case "--events": events = try ArgumentReader.number(try take(), minimum: 1, option: name)
            case "--log-type":
                let text = try take()
                let lowered = text.lowercased()
                guard
                    let value = BenchmarkCorpus.Kind(
                        rawValue: lowered.hasPrefix("aws_") ? String(lowered.dropFirst(4)) : lowered)
                else {
                    throw UsageError(
                        message:
                            "--log-type must be cloudtrail (AWS_CLOUDTRAIL) or guardduty (GUARDDUTY), not '\(text)'")
                }
                kind = value
            case "--rounds": rounds = try ArgumentReader.number(try take(), minimum: 1, option: name)
            case "--keep": keep = try take()
            case "--profile": profile = try take()
            case "--compare-command":
                let command = try take()
                guard command.contains("{}") else {
                    throw UsageError(
                        message: "--compare-command needs '{}' where the input files go, as in 'python3 py_udm.py {}'")
                }
                compareCommands.append(command)
            case "--help": showHelp = true
            default: throw UsageError(message: "option '\(name)' is listed but not handled")
            }
        }
        files = reader.positional
    }

    func run() -> ExitStatus {
        do {
            return try measure()
        } catch {
            StandardStreams.error("udm-normalize bench: \(error)")
            return .pathUnusable
        }
    }

    /// Whether this binary was built without optimization (`swift run`, `swift build`): its figures
    /// are many times slower than the release build's and say nothing about the product's speed.
    static var isDebugBuild: Bool {
        #if DEBUG
            true
        #else
            false
        #endif
    }

    static let debugBuildWarning = """
        udm-normalize bench: warning: this is a debug build (`swift run` or `swift build` without \
        `-c release`), many times slower than a release build; measure with \
        `swift build -c release --static-swift-stdlib && .build/release/udm-normalize bench`
        """

    private func measure() throws -> ExitStatus {
        if Self.isDebugBuild { StandardStreams.error(Self.debugBuildWarning) }
        let directory = keep ?? NSTemporaryDirectory() + "udm-bench-\(ProcessInfo.processInfo.processIdentifier)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(atPath: directory) } }
        var inputs = files
        if inputs.isEmpty {
            let path = directory + "/\(kind.rawValue)-\(events).ndjson"
            StandardStreams.error("generating \(events) \(kind.rawValue) records…")
            _ = try BenchmarkCorpus.write(kind, events: events, to: path)
            inputs = [path]
        }
        let bytes = try inputs.reduce(0) {
            $0 + ((try FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0)
        }
        let megabytes = Double(bytes) / 1_000_000
        let executable = ChildProcess.currentExecutable
        let cores = ProcessInfo.processInfo.activeProcessorCount

        let startup = try measureStartup(executable)

        // End to end, alternating one job, all cores and the commands compared with, so each ratio
        // is taken under the same load.
        var best: [Int: ChildProcess.Result] = [:]
        var bestCompared: [ChildProcess.Result?] = compareCommands.map { _ in nil }
        let quotedInputs = inputs.map(Self.shellQuoted).joined(separator: " ")
        for _ in 0..<rounds {
            for jobs in [1, cores] where best[jobs] == nil || rounds > 1 {
                let result = try ChildProcess.run(
                    executable,
                    ["normalize", "-q", "--jobs", String(jobs), "--output", "/dev/null"]
                        + (profile.map { ["--profile", $0] } ?? []) + inputs)
                guard result.status <= 1 else { throw UsageError(message: "normalize exited with \(result.status)") }
                if best[jobs].map({ result.seconds < $0.seconds }) ?? true { best[jobs] = result }
            }
            for (index, command) in compareCommands.enumerated() {
                let line = command.replacingOccurrences(of: "{}", with: quotedInputs)
                let result = try ChildProcess.run("/bin/sh", ["-c", line])
                guard result.status == 0 else { throw UsageError(message: "'\(line)' exited with \(result.status)") }
                if bestCompared[index].map({ result.seconds < $0.seconds }) ?? true { bestCompared[index] = result }
            }
        }
        let (records, logTypes) = try countRecords(inputs)

        // Parse only, in this process, on the same bytes.
        let lines = try inputs.flatMap { try recordLines($0) }
        let ownParse = timed { ParserBenchmark.parseAll(lines) }
        let foundationParse = timed {
            var parsed = 0
            for line in lines where (try? JSONSerialization.jsonObject(with: Data(line))) != nil { parsed += 1 }
            return parsed
        }

        let one = best[1]!
        let all = best[cores]!
        func rate(_ seconds: Double) -> String {
            String(format: "%.1f MB/s, %.0f events/s", megabytes / seconds, Double(records) / seconds)
        }
        let table = """
            corpus: \(inputs.count == 1 ? inputs[0] : "\(inputs.count) files"), \(records) records, \(String(format: "%.1f", megabytes)) MB
            start-up (whole process, profile \(profile ?? MappingSet.referenceProfile), best of \(Self.startupRuns)): \(startup.map { "\($0.input) \(String(format: "%.1f", $0.seconds * 1000)) ms" }.joined(separator: ", "))
            normalize --jobs 1:                       \(String(format: "%.2f", one.seconds)) s, \(rate(one.seconds)), peak memory \(one.peakMemoryBytes / 1_000_000) MB
            normalize --jobs \(cores):                       \(String(format: "%.2f", all.seconds)) s, \(rate(all.seconds)), peak memory \(all.peakMemoryBytes / 1_000_000) MB
            parse only, UDMNormalizer reader:         \(String(format: "%.2f", ownParse.seconds)) s, \(String(format: "%.1f", megabytes / ownParse.seconds)) MB/s
            parse only, Foundation JSONSerialization: \(String(format: "%.2f", foundationParse.seconds)) s, \(String(format: "%.1f", megabytes / foundationParse.seconds)) MB/s
            """
        StandardStreams.output(table)
        for (command, result) in zip(compareCommands, bestCompared) {
            guard let result else { continue }
            StandardStreams.output(
                String(
                    format:
                        "compared: %@\n  %.2f s, %.1f MB/s, peak memory %d MB; normalize --jobs 1 takes %.2fx its time, --jobs %d %.2fx",
                    command, result.seconds, megabytes / result.seconds, result.peakMemoryBytes / 1_000_000,
                    one.seconds / result.seconds, cores, all.seconds / result.seconds))
        }
        StandardStreams.output(
            String(
                format:
                    "summary: %@ %.1f MB/s jobs=1, %.1f MB/s jobs=%d (%.2fx), parse %.1fx faster than JSONSerialization, normalize jobs=1 %.2fx JSONSerialization parse-only time, peak %d MB, start-up %@ ms (empty/CloudTrail/GuardDuty)",
                Self.label(logTypes), megabytes / one.seconds, megabytes / all.seconds, cores,
                one.seconds / all.seconds,
                foundationParse.seconds / ownParse.seconds, one.seconds / foundationParse.seconds,
                max(one.peakMemoryBytes, all.peakMemoryBytes) / 1_000_000,
                startup.map { String(format: "%.0f", $0.seconds * 1000) }.joined(separator: "/")))
        return .success
    }

    /// How many times each start-up input is run; the best time counts.
    static let startupRuns = 10

    /// The start-up of the whole process (tables parsed and compiled included) with the profile
    /// measured: on an empty input, and on one generated CloudTrail record and one GuardDuty
    /// finding, since a run that maps a record may do work an empty one never needs.
    private func measureStartup(_ executable: String) throws -> [(input: String, seconds: Double)] {
        let directory = NSTemporaryDirectory() + "udm-bench-startup-\(ProcessInfo.processInfo.processIdentifier)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let empty = directory + "/empty.json"
        guard FileManager.default.createFile(atPath: empty, contents: Data()) else {
            throw UsageError(message: "cannot write \(empty)")
        }
        let cloudTrail = directory + "/one-cloudtrail-record.ndjson"
        _ = try BenchmarkCorpus.write(.cloudtrail, events: 1, to: cloudTrail)
        let guardDuty = directory + "/one-guardduty-finding.ndjson"
        _ = try BenchmarkCorpus.write(.guardduty, events: 1, to: guardDuty)
        var results: [(input: String, seconds: Double)] = []
        for (input, path) in [
            ("empty input", empty), ("one CloudTrail record", cloudTrail), ("one GuardDuty finding", guardDuty),
        ] {
            var best = Double.infinity
            for _ in 0..<Self.startupRuns {
                let result = try ChildProcess.run(
                    executable, ["normalize", "-q"] + (profile.map { ["--profile", $0] } ?? []) + [path])
                guard result.status == 0 else {
                    throw UsageError(message: "normalize on \(input) exited with \(result.status)")
                }
                best = min(best, result.seconds)
            }
            results.append((input, best))
        }
        return results
    }

    /// A path as one shell word.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private func timed(_ work: () -> Int) -> (seconds: Double, count: Int) {
        let start = Date()
        let count = work()
        return (Date().timeIntervalSince(start), count)
    }

    private func recordLines(_ path: String) throws -> [ArraySlice<UInt8>] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError(message: "cannot read \(path)")
        }
        let bytes = [UInt8](data)
        return bytes.split(separator: 0x0A)
    }

    /// The records in `paths`, and the log types of those a table took.
    private func countRecords(_ paths: [String]) throws -> (count: Int, logTypes: Set<LogType>) {
        var count = 0
        var logTypes = Set<LogType>()
        for path in paths {
            try Normalizer().normalize(path: path) { record in
                count += 1
                if let logType = record.logType { logTypes.insert(logType) }
            }
        }
        return (count, logTypes)
    }

    /// The log types measured, as the summary names them (`AWS_CLOUDTRAIL+GUARDDUTY` for a mix):
    /// those of the records read, since given files need not be the corpus `--log-type` generates.
    static func label(_ logTypes: Set<LogType>) -> String {
        logTypes.isEmpty ? "no-recognized-records" : logTypes.sorted().map(\.rawValue).joined(separator: "+")
    }
}
