/// Figures a parser engineer gates on: how many records became UDM, how many were typed by a
/// specific table row, and how much of the source content the tables used — per log type and in
/// total, with what was not normalized and why.
///
/// Definitions (also in the README):
/// - normalization rate = normalized ÷ (read − skipped)
/// - classification rate = events typed by a specific table row ÷ normalized
/// - field coverage = source leaf values read by a rule that wrote a value ÷ all source leaf values,
///   over occurrences in normalized records, leaving out `null`, `""` and subtrees a table declares
///   `@opaque` or `@ignore`; a rule that copies a whole object reads all its leaves.
public struct NormalizationReport: Sendable {
    /// A count of records sharing a reason, with where the first one came from.
    public struct ReasonCount: Sendable, Equatable {
        /// The reason, in words. Failures are grouped by their kind, so this is the kind's words
        /// (`invalid JSON` for every `invalid JSON: line 1, column 15 …`).
        public var reason: String
        /// The kind of the failures counted; nil for skip and downgrade reasons.
        public var failureKind: NormalizationFailure.Kind?
        /// Records with this reason; at least 1.
        public var count: Int
        /// The origin (`file:line…`) of the first record with this reason, to start looking from.
        public var firstOrigin: String
    }

    /// A source path (array indexes folded to `[*]`) no rule read.
    public struct UnmappedPath: Sendable, Equatable {
        /// The source path with array indexes folded (`requestParameters.items[*].name`).
        public var path: String
        /// Normalized records that had a value at the path that no rule read.
        public var count: Int
        /// The path's value in the first such record, as text.
        public var example: String
    }

    /// How often a rule (`file:line`) wrote a value and how often it recorded a diagnostic.
    public struct RuleStat: Sendable, Equatable {
        /// The rule (`cloudtrail.map:42`).
        public var rule: RuleID
        /// Normalized records in which the rule wrote a value.
        public var fired: Int
        /// Diagnostics the rule recorded (a value it could not convert, a cut value, …).
        public var failed: Int
    }

    /// The figures for one log type, or for all (`logType == "total"`).
    public struct Section: Sendable {
        /// The log type (`AWS_CLOUDTRAIL`, `GUARDDUTY`), `(undetected)` for records no table took,
        /// or `total`.
        public var logType: String
        /// Records read: always ``normalized`` + ``failed`` + ``skipped``.
        public var read = 0
        /// Records that became UDM events.
        public var normalized = 0
        /// Records that could not become UDM events; ``failures`` says why.
        public var failed = 0
        /// Records deliberately not normalized; ``skips`` says why.
        public var skipped = 0
        /// Failure reasons grouped by kind, most frequent first.
        public var failures: [ReasonCount] = []
        /// Skip reasons, most frequent first.
        public var skips: [ReasonCount] = []
        /// Events whose type a specific table row chose.
        public var classified = 0
        /// Events left with the table's fallback type (GENERIC_EVENT by default).
        public var defaultTyped = 0
        /// Events the validator moved to GENERIC_EVENT because required fields were missing.
        public var downgraded = 0
        /// Why events were moved to GENERIC_EVENT (the missing fields), most frequent first.
        public var downgrades: [ReasonCount] = []
        /// Source leaf values in normalized records, leaving out `null`, `""` and excluded
        /// subtrees; 0 unless the records were normalized with coverage tracked.
        public var leaves = 0
        /// Of ``leaves``, those read by a rule that wrote a value.
        public var coveredLeaves = 0
        /// Leaves left out of coverage, by the declaration that excluded them.
        public var excluded: [(declaration: String, leaves: Int)] = []
        /// Source paths with values no rule read, most frequent first (empty without coverage tracking).
        public var unmapped: [UnmappedPath] = []
        /// Normalized events per `metadata.event_type`, most frequent first.
        public var eventTypes: [(eventType: EventType, count: Int)] = []
        /// Every rule that wrote a value or recorded a diagnostic, in file and line order.
        public var rules: [RuleStat] = []
        /// Secrets redacted before the rules read them, per redaction entry, most first.
        public var redactions: [(entry: String, count: Int)] = []

        /// normalized ÷ (read − skipped); nil when nothing was there to normalize.
        public var normalizationRate: Double? { ratio(normalized, read - skipped) }
        /// classified ÷ normalized.
        public var classificationRate: Double? { ratio(classified, normalized) }
        /// covered leaves ÷ leaves.
        public var fieldCoverage: Double? { ratio(coveredLeaves, leaves) }

        private func ratio(_ a: Int, _ b: Int) -> Double? { b > 0 ? Double(a) / Double(b) : nil }
    }

    /// The output profile the records were normalized with (``MappingSet/profile``).
    public var profile: String = MappingSet.referenceProfile

    /// One section per log type seen (in name order, failures no table took under `(undetected)`), then the total.
    public var sections: [Section]

    /// The section over all records.
    public var total: Section { sections.last ?? Section(logType: "total") }
}
