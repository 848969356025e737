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
        public var reason: String
        public var count: Int
        public var firstOrigin: String
    }

    /// A source path (array indexes folded to `[*]`) no rule read.
    public struct UnmappedPath: Sendable, Equatable {
        public var path: String
        public var count: Int
        public var example: String
    }

    /// How often a rule (`file:line`) wrote a value and how often it recorded a diagnostic.
    public struct RuleStat: Sendable, Equatable {
        public var rule: String
        public var fired: Int
        public var failed: Int
    }

    /// The figures for one log type, or for all (`logType == "total"`).
    public struct Section: Sendable {
        public var logType: String
        public var read = 0
        public var normalized = 0
        public var failed = 0
        public var skipped = 0
        public var failures: [ReasonCount] = []
        public var skips: [ReasonCount] = []
        /// Events whose type a specific table row chose.
        public var classified = 0
        /// Events left with the table's fallback type (GENERIC_EVENT by default).
        public var defaultTyped = 0
        /// Events the validator moved to GENERIC_EVENT because required fields were missing.
        public var downgraded = 0
        public var downgrades: [ReasonCount] = []
        public var leaves = 0
        public var coveredLeaves = 0
        /// Leaves left out of coverage, by the declaration that excluded them.
        public var excluded: [(declaration: String, leaves: Int)] = []
        public var unmapped: [UnmappedPath] = []
        public var eventTypes: [(eventType: String, count: Int)] = []
        public var rules: [RuleStat] = []

        /// normalized ÷ (read − skipped); nil when nothing was there to normalize.
        public var normalizationRate: Double? { ratio(normalized, read - skipped) }
        /// classified ÷ normalized.
        public var classificationRate: Double? { ratio(classified, normalized) }
        /// covered leaves ÷ leaves.
        public var fieldCoverage: Double? { ratio(coveredLeaves, leaves) }

        private func ratio(_ a: Int, _ b: Int) -> Double? { b > 0 ? Double(a) / Double(b) : nil }
    }

    /// The output profile the records were normalized with (`MappingSet.profile`).
    public var profile: String = MappingSet.referenceProfile

    /// One section per log type seen (in name order, failures no table took under `(undetected)`), then the total.
    public var sections: [Section]

    /// The section over all records.
    public var total: Section { sections.last ?? Section(logType: "total") }
}
