import Foundation
import UDMNormalizer

/// `udm-normalize report`: normalize the inputs without writing events, and print the figures.
struct ReportCommand {
    let options: ReportOptions

    func run() -> ExitStatus {
        let mappings: MappingSet
        switch ArgumentReader.tables(directory: options.mappingsDirectory, logType: options.logType, command: "report") {
        case .success(let loaded): mappings = loaded
        case .failure(let status): return status
        }
        let paths = InputPaths.expand(options.paths)
        if let overlap = InputOutputOverlap.check(outputs: [("--html", options.html)], inputs: paths) {
            StandardStreams.error("udm-normalize report: \(overlap)")
            return .usage
        }
        let normalizer = Normalizer(mappings: mappings, options: Normalizer.Options(logType: options.logType, maxRecordBytes: options.maxRecordBytes, trackCoverage: true))
        let batch = BatchNormalizer(normalizer: normalizer, jobs: options.jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                    rendering: .none, collectsReport: true)
        var builder = ReportBuilder()
        var dedupe = DedupeFilter()
        var progress = ProgressLine(quiet: options.quiet)
        var records = 0
        var unreadable = 0
        batch.run(paths: paths, progress: { bytes in
            progress.update(records: records, bytes: bytes)
        }) { item in
            switch item {
            case .record(let record):
                records += 1
                if options.dedupe, record.kind == .normalized, let key = record.dedupeKey, !dedupe.isFirst(logType: record.logType, key: key) {
                    builder.addDuplicate(record)
                } else {
                    builder.add(record)
                }
            case .inputUnreadable(let error):
                unreadable += 1
                progress.clear()
                StandardStreams.error("\(error.path): error: cannot read: \(error.reason)")
            case .inputStarted, .inputFinished:
                break
            }
        }
        progress.clear()
        let report = builder.build()
        if options.json {
            StandardStreams.output(ReportJSONWriter.render(report, topUnmapped: options.top))
        } else {
            StandardStreams.output(ReportTextWriter.render(report, topUnmapped: options.top))
        }
        if let path = options.html {
            switch OutputFile.create(path) {
            case .success(let file):
                file.write(ReportHTMLWriter.render(report, topUnmapped: options.top))
                file.flush()
            case .failure(let error):
                StandardStreams.error("udm-normalize report: \(error)")
                return .inputUnreadable
            }
        }
        if unreadable > 0 { return .inputUnreadable }
        let failures = gateFailures(report.total)
        for failure in failures { StandardStreams.error("gate failed: \(failure)") }
        return failures.isEmpty ? .success : .recordsFailed
    }

    /// The gates that do not hold, each named with the figure and the threshold.
    private func gateFailures(_ total: NormalizationReport.Section) -> [String] {
        var failures: [String] = []
        func check(_ name: String, _ option: String, _ value: Double?, _ minimum: Double?) {
            guard let minimum else { return }
            let percent = (value ?? 0) * 100
            if value == nil || percent + 1e-9 < minimum {
                failures.append("\(name) \(ReportTextWriterProxy.percent(value)) is below \(option) \(minimum)%")
            }
        }
        check("normalization rate", "--min-rate", total.normalizationRate, options.minRate)
        check("field coverage", "--min-coverage", total.fieldCoverage, options.minCoverage)
        check("classification rate", "--min-classified", total.classificationRate, options.minClassified)
        return failures
    }
}

/// Percentages as the text report prints them.
enum ReportTextWriterProxy {
    static func percent(_ value: Double?) -> String {
        guard let value else { return "n/a" }
        return "\((value * 1000).rounded() / 10)%"
    }
}
