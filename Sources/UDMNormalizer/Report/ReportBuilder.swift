/// Accumulates records into a ``NormalizationReport``. Feed it records from a ``Normalizer`` created
/// with `trackCoverage: true` (without it, coverage figures stay empty).
public struct ReportBuilder: Sendable {
    /// What one record adds to the report.
    struct Entry: Sendable {
        enum Kind: Sendable { case normalized, failed, skipped }
        var kind: Kind
        var origin: String
        var logType: LogType?
        var reason: String?
        var failureKind: NormalizationFailure.Kind?
        var eventType: EventType?
        var classification: Classification?
        var downgrade: String?
        var firedRules: [RuleID] = []
        var failedRules: [RuleID] = []
        var coverage: RecordCoverage?
        /// The redaction entry of each secret taken out of the record.
        var redactedEntries: [String] = []

        init(_ record: NormalizedRecord) {
            origin = record.origin
            logType = record.logType
            switch record.outcome {
            case .normalized(let event):
                kind = .normalized
                eventType = event.eventType
                classification = event.classification
                downgrade = event.downgrade
                firedRules = event.firedRules.map { event.rules[$0].id }
                failedRules = event.diagnostics.compactMap(\.rule)
                coverage = event.coverage
                redactedEntries = event.redactions.map(\.entry)
            case .failed(let failure):
                kind = .failed
                failureKind = failure.kind
                reason = failure.detail
            case .skipped(let reason):
                kind = .skipped
                self.reason = reason.detail
            }
        }
    }

    /// Running totals for one section.
    private struct Accumulator: Sendable {
        var section: NormalizationReport.Section
        var failures: [String: NormalizationReport.ReasonCount] = [:]
        var skips: [String: NormalizationReport.ReasonCount] = [:]
        var downgrades: [String: NormalizationReport.ReasonCount] = [:]
        var excluded: [String: Int] = [:]
        var unmapped: [String: NormalizationReport.UnmappedPath] = [:]
        var eventTypes: [EventType: Int] = [:]
        var rules: [RuleID: NormalizationReport.RuleStat] = [:]
        var redactions: [String: Int] = [:]

        init(_ logType: String) { section = NormalizationReport.Section(logType: logType) }

        mutating func add(_ entry: Entry) {
            section.read += 1
            switch entry.kind {
            case .failed:
                section.failed += 1
                let kind = entry.failureKind ?? NormalizationFailure.Kind(rawValue: entry.reason ?? "")
                Self.count(&failures, kind.rawValue, kind: kind, origin: entry.origin)
            case .skipped:
                section.skipped += 1
                Self.count(&skips, entry.reason ?? "", origin: entry.origin)
            case .normalized:
                section.normalized += 1
                if let eventType = entry.eventType { eventTypes[eventType, default: 0] += 1 }
                if let downgrade = entry.downgrade {
                    section.downgraded += 1
                    Self.count(&downgrades, downgrade, origin: entry.origin)
                } else if entry.classification?.specific == true {
                    section.classified += 1
                } else {
                    section.defaultTyped += 1
                }
                for name in entry.redactedEntries { redactions[name, default: 0] += 1 }
                for rule in entry.firedRules { rules[rule, default: .init(rule: rule, fired: 0, failed: 0)].fired += 1 }
                for rule in entry.failedRules {
                    rules[rule, default: .init(rule: rule, fired: 0, failed: 0)].failed += 1
                }
                if let coverage = entry.coverage {
                    section.leaves += coverage.leaves
                    section.coveredLeaves += coverage.covered
                    for (declaration, count) in coverage.excluded { excluded[declaration, default: 0] += count }
                    for (path, example) in coverage.unmapped {
                        if unmapped[path] == nil { unmapped[path] = .init(path: path, count: 0, example: example) }
                        unmapped[path]?.count += 1
                    }
                }
            }
        }

        private static func count(
            _ table: inout [String: NormalizationReport.ReasonCount], _ reason: String,
            kind: NormalizationFailure.Kind? = nil, origin: String
        ) {
            if table[reason] == nil {
                table[reason] = .init(reason: reason, failureKind: kind, count: 0, firstOrigin: origin)
            }
            table[reason]?.count += 1
        }

        func finished() -> NormalizationReport.Section {
            var result = section
            let byCount: (NormalizationReport.ReasonCount, NormalizationReport.ReasonCount) -> Bool = {
                ($0.count, $1.reason) > ($1.count, $0.reason)
            }
            result.failures = failures.values.sorted(by: byCount)
            result.skips = skips.values.sorted(by: byCount)
            result.downgrades = downgrades.values.sorted(by: byCount)
            result.excluded = excluded.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { ($0.key, $0.value) }
            result.unmapped = unmapped.values.sorted { ($0.count, $1.path) > ($1.count, $0.path) }
            result.eventTypes = eventTypes.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { ($0.key, $0.value) }
            result.rules = rules.values.sorted { $0.rule < $1.rule }
            result.redactions = redactions.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { ($0.key, $0.value) }
            return result
        }
    }

    private var sections: [String: Accumulator] = [:]
    private var total = Accumulator("total")

    private let profile: String

    /// A builder for records normalized with the tables of `profile` (``MappingSet/profile``), which the report states.
    ///
    /// - Parameter profile: The profile name the report states; `reference` by default.
    public init(profile: String = MappingSet.referenceProfile) {
        self.profile = profile
    }

    /// Adds one record's outcome.
    ///
    /// - Parameter record: A record from ``Normalizer``, normalized, failed or skipped.
    public mutating func add(_ record: NormalizedRecord) {
        add(Entry(record))
    }

    /// Adds a record of a ``BatchNormalizer`` run made with `collectsReport: true`.
    ///
    /// A record of a run made without `collectsReport` adds nothing.
    ///
    /// - Parameter record: A record of the run.
    public mutating func add(_ record: BatchNormalizer.Record) {
        if let entry = record.reportEntry { add(entry) }
    }

    /// Counts a record dropped as a duplicate by `--dedupe` as skipped.
    ///
    /// Like adding a ``BatchNormalizer/Record``, it needs a run made with `collectsReport: true`.
    ///
    /// - Parameter record: The duplicate record.
    public mutating func addDuplicate(_ record: BatchNormalizer.Record) {
        guard var entry = record.reportEntry else { return }
        entry.kind = .skipped
        entry.reason = "duplicate"
        add(entry)
    }

    mutating func add(_ entry: Entry) {
        let logType = entry.logType?.rawValue ?? "(undetected)"
        sections[logType, default: Accumulator(logType)].add(entry)
        total.add(entry)
    }

    /// The report so far.
    public func build() -> NormalizationReport {
        NormalizationReport(
            profile: profile,
            sections: sections.keys.sorted().compactMap { sections[$0]?.finished() } + [total.finished()])
    }
}
