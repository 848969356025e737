import Foundation
import UDMNormalizer

/// `udm-normalize normalize`: read inputs, write events, account for every record.
struct NormalizeCommand {
    let options: NormalizeOptions

    func run() -> ExitStatus {
        let mappings: MappingSet
        let logType: LogType?
        switch TableLoader.load(
            options.mappingsPath, profile: options.profile, logType: options.logType, command: "normalize")
        {
        case .success(let loaded): (mappings, logType) = loaded
        case .failure(let status): return status
        }
        let expansion = options.selection.expand(options.paths)
        let outputs = [
            ("--output", options.output), ("--dead-letter", options.deadLetter),
            ("--summary-json", options.summaryJSON),
        ]
        if let overlap = InputOutputOverlap.check(outputs: outputs, inputs: expansion.paths) {
            StandardStreams.error("udm-normalize normalize: \(overlap)")
            return .usage
        }
        let output: OutputFile
        var deadLetter: DeadLetterWriter?
        do throws(PathProblem) {
            output =
                try options.output.map { path throws(PathProblem) in try OutputFile.create(path, option: "--output") }
                ?? .standardOutput()
            deadLetter = try options.deadLetter.map { path throws(PathProblem) in
                DeadLetterWriter(output: try OutputFile.create(path, option: "--dead-letter"))
            }
            if let path = options.summaryJSON, var problem = PathProblem.writing(path) {
                problem.path = "--summary-json \(problem.path)"
                throw problem
            }
        } catch {
            StandardStreams.error("udm-normalize normalize: cannot write \(error)")
            return .pathUnusable
        }
        // Events on the terminal that shows the progress line: clear it before each event.
        let outputIsTerminal = options.output == nil && isatty(STDOUT_FILENO) == 1

        let normalizer = Normalizer(
            mappings: mappings,
            options: Normalizer.Options(
                logType: logType, maxRecordBytes: options.maxRecordBytes,
                maxFieldBytes: options.maxFieldBytes, maxLabelsPerEvent: options.maxLabels))
        let jobs = options.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        var batch = BatchNormalizer(
            normalizer: normalizer, jobs: jobs, rendering: options.format == .kv ? .keyValue : .json)
        batch.inputPauseDelay = Double(options.flushDelayMilliseconds) / 1000

        let start = Date()
        var summary = RunSummary()
        summary.hiddenSkipped = expansion.hiddenSkipped
        summary.excluded = expansion.excluded
        summary.expectationFiles = expansion.expectationFiles
        var notes = NoteSummary(shown: options.quiet ? 0 : options.maxDiagnostics)
        var dedupe = DedupeFilter()
        var importWriter = ImportBodyWriter(maxBytes: options.importMaxBytes)
        let progress = ProgressLine(quiet: options.quiet)
        var eventsWritten = 0
        var inputNotes = 0

        func report(_ line: String) { progress.message(line) }

        func showProgress(bytes: Int) { progress.update(records: summary.read, bytes: bytes) }
        func flushPausedInput() {
            // A live feed paused: what was read is out, so a reader downstream sees it now.
            if options.format == .import { importWriter.flush(to: output) }
            output.flush()
            deadLetter?.output.flush()
        }

        batch.run(paths: expansion.paths, progress: showProgress, inputPaused: flushPausedInput) { item in
            switch item {
            case .inputStarted:
                break
            case .inputFinished(let path, let bytes, let rawRecords):
                summary.files += 1
                summary.bytes += bytes
                if rawRecords == 0 {
                    // A note like any other: counted in the summary whether or not it is shown.
                    inputNotes += 1
                    if !options.quiet { report("\(path): note: no records (the input is empty)") }
                }
            case .inputUnreadable(let error):
                summary.unreadablePaths += 1
                let problem = expansion.problems[error.path] ?? PathProblem(path: error.path, reason: error.reason)
                report(
                    "\(problem.path): error: cannot read: \(problem.reason)\(problem.advice.map { " (\($0))" } ?? "")")
            case .record(let record):
                switch record.kind {
                case .normalized:
                    if options.dedupe, let key = record.dedupeKey, !dedupe.isFirst(logType: record.logType, key: key) {
                        summary.countSkipped("duplicate")
                        return
                    }
                    summary.countNormalized()
                    if outputIsTerminal {
                        progress.clearing {
                            write(
                                record.rendered, eventsWritten: &eventsWritten, importWriter: &importWriter, to: output)
                            output.flush()
                        }
                    } else {
                        write(record.rendered, eventsWritten: &eventsWritten, importWriter: &importWriter, to: output)
                    }
                    for diagnostic in record.diagnostics {
                        if let line = notes.add(origin: record.origin, diagnostic) { report(line) }
                    }
                case .failed:
                    // Failures are never hidden, whatever --quiet and --max-diagnostics say.
                    summary.countFailed()
                    let reason = record.reason ?? "failed"
                    report("\(record.origin): error: \(reason)")
                    deadLetter?.write(origin: record.origin, reason: reason, raw: record.raw)
                case .skipped:
                    summary.countSkipped(record.reason ?? "skipped")
                }
            }
        }
        if options.format == .import { importWriter.flush(to: output) }
        output.flush()
        deadLetter?.output.flush()
        progress.finish()
        summary.notes = notes.total + inputNotes
        summary.seconds = Date().timeIntervalSince(start)
        if !options.quiet, let text = notes.closingText { StandardStreams.error(text) }
        if importWriter.oversizedEvents > 0 {
            StandardStreams.error(
                "\(importWriter.oversizedEvents) events are larger than --import-max-bytes alone and were written in bodies of their own"
            )
        }
        StandardStreams.error(summary.text)
        if let path = options.summaryJSON {
            do throws(PathProblem) {
                let file = try OutputFile.create(path, option: "--summary-json")
                file.write(summary.json)
                file.flush()
            } catch {
                StandardStreams.error("udm-normalize normalize: cannot write \(error)")
                return .pathUnusable
            }
        }
        if summary.unreadablePaths > 0 { return .pathUnusable }
        return summary.failed > 0 ? .findings : .success
    }

    private func write(
        _ event: [UInt8], eventsWritten: inout Int, importWriter: inout ImportBodyWriter, to output: OutputFile
    ) {
        switch options.format {
        case .json:
            output.write(event)
            output.write(CollectionOfOne(UInt8(ascii: "\n")))
        case .kv:
            if eventsWritten > 0 { output.write(CollectionOfOne(UInt8(ascii: "\n"))) }
            output.write(event)
        case .import:
            importWriter.add(event, to: output)
        }
        eventsWritten += 1
    }
}
