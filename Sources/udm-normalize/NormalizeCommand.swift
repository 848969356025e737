import Foundation
import UDMNormalizer

/// `udm-normalize normalize`: read inputs, write events, account for every record.
struct NormalizeCommand {
    let options: NormalizeOptions

    func run() -> ExitStatus {
        let mappings: MappingSet
        switch ArgumentReader.tables(directory: options.mappingsDirectory, logType: options.logType, command: "normalize") {
        case .success(let loaded): mappings = loaded
        case .failure(let status): return status
        }
        let paths = InputPaths.expand(options.paths)
        if let overlap = InputOutputOverlap.check(outputs: [("--output", options.output), ("--dead-letter", options.deadLetter)], inputs: paths) {
            StandardStreams.error("udm-normalize normalize: \(overlap)")
            return .usage
        }
        let output: OutputFile
        var deadLetter: DeadLetterWriter?
        do {
            output = try options.output.map { try OutputFile.create($0).get() } ?? .standardOutput()
            deadLetter = try options.deadLetter.map { DeadLetterWriter(output: try OutputFile.create($0).get()) }
        } catch {
            StandardStreams.error("udm-normalize normalize: \(error)")
            return .usage
        }

        let normalizer = Normalizer(mappings: mappings, options: Normalizer.Options(logType: options.logType, maxRecordBytes: options.maxRecordBytes,
                                                                                          maxFieldBytes: options.maxFieldBytes, maxLabelsPerEvent: options.maxLabels))
        let jobs = options.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        var batch = BatchNormalizer(normalizer: normalizer, jobs: jobs, rendering: options.format == .kv ? .keyValue : .json)
        batch.inputPauseDelay = Double(options.flushDelayMilliseconds) / 1000

        var summary = RunSummary()
        var dedupe = DedupeFilter()
        var importWriter = ImportBodyWriter(maxBytes: options.importMaxBytes)
        var progress = ProgressLine(quiet: options.quiet)
        var diagnosticsPrinted = 0
        var diagnosticsHidden = 0
        var unreadableInputs = 0
        var eventsWritten = 0

        func report(_ line: String) {
            progress.clear()
            StandardStreams.error(line)
        }

        batch.run(paths: paths, progress: { bytes in
            progress.update(records: summary.read, bytes: bytes)
        }, inputPaused: {
            // A live feed paused: what was read is out, so a reader downstream sees it now.
            if options.format == .import { importWriter.flush(to: output) }
            output.flush()
            deadLetter?.output.flush()
        }) { item in
            switch item {
            case .inputStarted:
                break
            case .inputFinished(let path, _, let rawRecords):
                if rawRecords == 0 { report("\(path): note: no records (the input is empty)") }
            case .inputUnreadable(let error):
                unreadableInputs += 1
                report("\(error.path): error: cannot read: \(error.reason)")
            case .record(let record):
                switch record.kind {
                case .normalized:
                    if options.dedupe, let key = record.dedupeKey, !dedupe.isFirst(logType: record.logType, key: key) {
                        summary.countSkipped("duplicate")
                        return
                    }
                    summary.countNormalized()
                    write(record.rendered, eventsWritten: &eventsWritten, importWriter: &importWriter, to: output)
                    for diagnostic in record.diagnostics {
                        if diagnosticsPrinted < options.maxDiagnostics {
                            report("\(record.origin): note: \(diagnostic)")
                            diagnosticsPrinted += 1
                        } else {
                            diagnosticsHidden += 1
                        }
                    }
                case .failed:
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
        progress.clear()
        if diagnosticsHidden > 0 {
            StandardStreams.error("\(diagnosticsHidden) more diagnostics not shown (raise --max-diagnostics to see them)")
        }
        if importWriter.oversizedEvents > 0 {
            StandardStreams.error("\(importWriter.oversizedEvents) events are larger than --import-max-bytes alone and were written in bodies of their own")
        }
        StandardStreams.error(summary.line)
        if unreadableInputs > 0 { return .inputUnreadable }
        return summary.failed > 0 ? .recordsFailed : .success
    }

    private func write(_ event: [UInt8], eventsWritten: inout Int, importWriter: inout ImportBodyWriter, to output: OutputFile) {
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
