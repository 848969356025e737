import Foundation
import UDMNormalizer

/// `udm-normalize report`: normalize the inputs without writing events, and print the figures.
struct ReportCommand {
    let options: ReportOptions

    func run() -> ExitStatus {
        let mappings: MappingSet
        let logType: LogType?
        switch TableLoader.load(
            options.mappingsPath, profile: options.profile, logType: options.logType, command: "report")
        {
        case .success(let loaded): (mappings, logType) = loaded
        case .failure(let status): return status
        }
        let expansion = options.selection.expand(options.paths)
        if let overlap = InputOutputOverlap.check(outputs: [("--html", options.html)], inputs: expansion.paths) {
            StandardStreams.error("udm-normalize report: \(overlap)")
            return .usage
        }
        // An --html path that cannot be written is found before the work, not after it.
        if let path = options.html, let problem = PathProblem.writing(path) {
            StandardStreams.error("udm-normalize report: cannot write --html \(problem)")
            return .pathUnusable
        }
        var rulesRun: RulesRun?
        if !options.rulePaths.isEmpty {
            switch RuleSetLoader.load(options.rulePaths, command: "report") {
            case .success(let rules):
                rulesRun = RulesRun(ruleSet: DetectionRuleSet(rules: rules), reportsFailures: false)
            case .failure(let status): return status
            }
        }
        let normalizer = Normalizer(
            mappings: mappings,
            options: Normalizer.Options(logType: logType, maxRecordBytes: options.maxRecordBytes, trackCoverage: true))
        let batch = BatchNormalizer(
            normalizer: normalizer, jobs: options.jobs ?? ProcessInfo.processInfo.activeProcessorCount,
            rendering: rulesRun == nil ? .none : .json, collectsReport: true)
        var builder = ReportBuilder(profile: mappings.profile)
        var dedupe = DedupeFilter()
        let progress = ProgressLine(quiet: options.quiet)
        var records = 0
        var unreadable = 0
        let start = Date()
        func showProgress(bytes: Int) { progress.update(records: records, bytes: bytes) }
        batch.run(paths: expansion.paths, progress: showProgress) { item in
            switch item {
            case .record(let record):
                records += 1
                rulesRun?.read(record: record)
                if options.dedupe, record.kind == .normalized, let key = record.dedupeKey,
                    !dedupe.isFirst(logType: record.logType, key: key)
                {
                    builder.addDuplicate(record)
                } else {
                    builder.add(record)
                }
            case .inputUnreadable(let error):
                unreadable += 1
                let problem = expansion.problems[error.path] ?? PathProblem(path: error.path, reason: error.reason)
                progress.message(
                    "\(problem.path): error: cannot read: \(problem.reason)\(problem.advice.map { " (\($0))" } ?? "")")
            case .inputStarted, .inputFinished:
                break
            }
        }
        progress.finish()
        let report = builder.build()
        let gates = self.gates(report.total)
        let rules = rulesRun.map { ReportRulesSection(run: $0, mappings: mappings) }
        if options.json {
            // Standard output stays pure JSON; the gates as understood go to standard error.
            let json = ReportJSONWriter.render(report, topUnmapped: options.top)
            StandardStreams.output(rules?.adding(to: json) ?? json)
            for gate in gates where gate.held { StandardStreams.error("gate \(gate.text)") }
        } else {
            StandardStreams.output(
                ReportTextWriter.render(report, topUnmapped: options.top) + (rules.map { $0.text + "\n" } ?? "")
                    + gates.map { "gate \($0.text)" }.joined(separator: "\n"))
        }
        if let path = options.html {
            let run = ReportHTMLWriter.RunInformation(
                inputs: options.paths.isEmpty ? ["-"] : options.paths, seconds: Date().timeIntervalSince(start),
                mappings: mappings, gates: gates.map { .init(text: $0.text, held: $0.held) })
            do throws(PathProblem) {
                let file = try OutputFile.create(path, option: "--html")
                let page = ReportHTMLWriter.render(report, topUnmapped: options.top, run: run)
                file.write(rules?.adding(toPage: page) ?? page)
                file.flush()
            } catch {
                StandardStreams.error("udm-normalize report: cannot write \(error)")
                return .pathUnusable
            }
        }
        if expansion.expectationFiles > 0 {
            StandardStreams.error("files: \(expansion.expectationFiles) excluded (expectation files)")
        }
        for gate in gates where !gate.held { StandardStreams.error("gate failed: \(gate.text)") }
        if unreadable > 0 { return .pathUnusable }
        // A report is a measurement: failed records are figures in it, only a gate decides the status.
        return gates.allSatisfy(\.held) ? .success : .findings
    }

    /// Each gate given, with the figure, the threshold as understood, and whether it held.
    private func gates(_ total: NormalizationReport.Section) -> [(text: String, held: Bool)] {
        var gates: [(text: String, held: Bool)] = []
        func check(_ name: String, _ option: String, _ value: Double?, _ threshold: Threshold?) {
            guard let threshold else { return }
            let held = value.map { $0 + 1e-12 >= threshold.fraction } ?? false
            gates.append(
                (
                    "\(option) \(threshold.written) (understood as \(threshold.percentText)): \(name) \(ReportTextWriter.percent(value)) \(held ? "holds" : "is below it")",
                    held
                ))
        }
        check("normalization rate", "--min-rate", total.normalizationRate, options.minRate)
        check("field coverage", "--min-coverage", total.fieldCoverage, options.minCoverage)
        check("classification rate", "--min-classified", total.classificationRate, options.minClassified)
        return gates
    }
}
