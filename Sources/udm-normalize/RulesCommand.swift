import Foundation
import UDMNormalizer

/// `udm-normalize rules`: run YARA-L rules over normalized events (raw logs through the tables, or
/// UDM NDJSON with `--udm`) and print each rule's detections and readiness. Detections do not
/// change the exit code; `--expect` and `--min-ready` do; a rule that does not parse is exit 1.
struct RulesCommand {
    let options: RulesOptions

    func run() -> ExitStatus {
        let rules: [DetectionRule]
        switch RuleSetLoader.load(options.rulePaths, command: "rules") {
        case .success(let loaded): rules = loaded
        case .failure(let status): return status
        }
        let names = Set(rules.map(\.name))
        for (rule, _) in options.expectations where !names.contains(rule) {
            let hint = NearestName.nearest(to: rule, among: Array(names)).map { "; did you mean '\($0)'?" } ?? ""
            StandardStreams.error("udm-normalize rules: --expect \(rule): no rule of that name\(hint)")
            return .usage
        }
        var lists: [ReferenceList] = []
        for (name, file) in options.lists {
            guard let text = Self.text(of: file) else {
                StandardStreams.error("udm-normalize rules: --list \(name)=\(Self.problem(file))")
                return .pathUnusable
            }
            lists.append(ReferenceList(name: name, text: text))
        }
        var context: [RuleEvent] = []
        var contextErrors = 0
        if let file = options.context {
            guard FileManager.default.isReadableFile(atPath: file) else {
                StandardStreams.error("udm-normalize rules: --context \(Self.problem(file))")
                return .pathUnusable
            }
            NDJSONLines.forEach(path: file) { line, number in
                do {
                    context += try RuleEvent.entities(line: line, origin: "\(file):\(number)")
                } catch {
                    contextErrors += 1
                    StandardStreams.error("\(error)")
                }
            }
        }
        let mappings: MappingSet
        let logType: LogType?
        switch TableLoader.load(
            options.mappingsPath, profile: options.profile, logType: options.logType, command: "rules")
        {
        case .success(let result): (mappings, logType) = result
        case .failure(let status): return status
        }
        let ruleSet = DetectionRuleSet(rules: rules, lists: lists, context: context)
        var run = RulesRun(ruleSet: ruleSet)
        let expansion = options.selection.expand(options.paths)
        let progress = ProgressLine(quiet: options.quiet || options.json)
        var unreadable = 0
        if options.udm {
            for path in expansion.paths {
                if let problem = expansion.problems[path] {
                    unreadable += 1
                    StandardStreams.error("\(problem.path): error: cannot read: \(problem.reason)")
                    continue
                }
                let readable = NDJSONLines.forEach(path: path) { line, number in
                    run.read(line: line, origin: "\(path):\(number)")
                    progress.update(records: run.records, bytes: 0)
                }
                if !readable {
                    unreadable += 1
                    StandardStreams.error("\(path): error: cannot read")
                }
            }
        } else {
            let normalizer = Normalizer(mappings: mappings, options: Normalizer.Options(logType: logType))
            let batch = BatchNormalizer(
                normalizer: normalizer, jobs: options.jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                rendering: .json, collectsReport: false)
            func showProgress(bytes: Int) { progress.update(records: run.records, bytes: bytes) }
            batch.run(paths: expansion.paths, progress: showProgress) { item in
                switch item {
                case .record(let record): run.read(record: record)
                case .inputUnreadable(let error):
                    unreadable += 1
                    let problem = expansion.problems[error.path] ?? PathProblem(path: error.path, reason: error.reason)
                    progress.message("\(problem.path): error: cannot read: \(problem.reason)")
                case .inputStarted, .inputFinished: break
                }
            }
        }
        progress.finish()
        let results = run.finish()
        let readiness = RulesReadiness(results: results, tables: TableFieldIndex(mappings: mappings), fill: run.fill)
        let gates = self.gates(results, readiness)
        let writer = RulesOutput(
            results: results, readiness: readiness, run: run, gates: gates, shown: options.shownDetections,
            profile: mappings.profile)
        if options.json {
            StandardStreams.output(writer.json)
        } else {
            StandardStreams.output(writer.text)
        }
        for gate in gates where !gate.held { StandardStreams.error("gate failed: \(gate.text)") }
        if unreadable > 0 { return .pathUnusable }
        if run.failed > 0 || contextErrors > 0 { return .findings }
        return gates.allSatisfy(\.held) ? .success : .findings
    }

    /// `--expect` and `--min-ready`, each with the figure and whether it held.
    private func gates(_ results: [RuleSession.RuleResult], _ readiness: RulesReadiness) -> [(text: String, held: Bool)]
    {
        var gates: [(text: String, held: Bool)] = []
        for (rule, count) in options.expectations {
            let fired = results.first { $0.rule.name == rule }?.detectionCount ?? 0
            gates.append(
                (
                    "--expect \(rule)\(count > 1 ? "=\(count)" : ""): \(fired) detection\(fired == 1 ? "" : "s")\(fired >= count ? "" : ", fewer than \(count)")",
                    fired >= count
                ))
        }
        if let threshold = options.minReady {
            let rate = readiness.readyRate
            let held = rate + 1e-12 >= threshold.fraction
            gates.append(
                (
                    "--min-ready \(threshold.written) (understood as \(threshold.percentText)): \(readiness.readyCount) of \(results.count) rules ready (\(ReportTextWriter.percent(rate))) \(held ? "holds" : "is below it")",
                    held
                ))
        }
        return gates
    }

    static func text(of file: String) -> String? {
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        return String(data: data, encoding: .utf8)
    }

    static func problem(_ file: String) -> String {
        PathProblem.reading(file, as: .file)?.description ?? "\(file): cannot be read as UTF-8 text"
    }
}

/// The events of one `rules` run, their fill rates, and the records that could not be read.
struct RulesRun {
    var session: RuleSession
    var fill: RuleFieldFill
    var records = 0
    var events = 0
    var failed = 0
    var skipped = 0
    /// Whether failed records are printed (`rules`) or only counted (`report` and `diff` print their own).
    let reportsFailures: Bool

    init(ruleSet: DetectionRuleSet, reportsFailures: Bool = true) {
        session = RuleSession(ruleSet: ruleSet)
        fill = RuleFieldFill(rules: ruleSet.rules)
        self.reportsFailures = reportsFailures
    }

    mutating func add(_ event: RuleEvent) {
        events += 1
        session.add(event, fill: &fill)
    }

    /// A record normalized through the tables.
    mutating func read(record: BatchNormalizer.Record) {
        records += 1
        switch record.kind {
        case .normalized:
            do {
                add(try RuleEvent(json: record.rendered, origin: record.origin, logType: record.logType?.rawValue))
            } catch {
                failed += 1
                StandardStreams.error("\(error)")
            }
        case .failed:
            failed += 1
            if reportsFailures { StandardStreams.error("\(record.origin): error: \(record.reason ?? "failed")") }
        case .skipped:
            skipped += 1
        }
    }

    /// A line of UDM NDJSON.
    mutating func read(line: [UInt8], origin: String) {
        records += 1
        do {
            for event in try RuleEvent.events(line: line, origin: origin) { add(event) }
        } catch {
            failed += 1
            StandardStreams.error("\(error)")
        }
    }

    mutating func finish() -> [RuleSession.RuleResult] {
        session.finish()
    }
}

/// Reads a file (or standard input for `-`) line by line, in chunks; blank lines are skipped.
enum NDJSONLines {
    /// Calls `body` with each line and its 1-based number; false when the file cannot be opened.
    @discardableResult
    static func forEach(path: String, _ body: ([UInt8], Int) -> Void) -> Bool {
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            guard let opened = FileHandle(forReadingAtPath: path) else { return false }
            handle = opened
        }
        defer { if path != "-" { try? handle.close() } }
        var pending: [UInt8] = []
        var number = 0
        func emit(_ line: ArraySlice<UInt8>) {
            number += 1
            var line = line
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) {
                body(Array(line), number)
            }
        }
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            pending += chunk
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
                emit(pending[start..<newline])
                start = newline + 1
            }
            pending.removeSubrange(..<start)
        }
        if !pending.isEmpty { emit(pending[...]) }
        return true
    }
}
