/// Whether the tables can give a rule what its `events:` section reads.
///
/// Static: a field no table rule can write makes the rule "cannot fire", naming the field and the
/// table rule writing the nearest field. Dynamic: the share of events of each log type in which
/// each field has a value. Ingestion and enrichment fields (`metadata.id`,
/// `metadata.ingested_timestamp`, `*.ip_geo_artifact.*`), entity-graph fields and fields read only
/// in `outcome:` are listed apart and never make a rule "cannot fire"; nor do fields read only
/// negated (`!=`, `not`), which an absent value satisfies.
package struct RuleReadiness: Sendable {
    /// How a field is read.
    package enum Role: String, Sendable {
        /// Read positively in `events:`: the rule needs a value there.
        case required
        /// Read only under `not` or with `!=`: an absent value still lets the rule fire.
        case negated
        /// Filled by ingestion or enrichment, or an entity-graph field: not the tables' job.
        case ingestion
        /// Read only in `outcome:`.
        case outcomeOnly = "outcome-only"
    }

    package struct Field: Sendable {
        package var path: RuleFieldPath
        package var role: Role
        /// Table rules that may write it (`file:line`).
        package var producedBy: [String]
        /// When none does: the table rule writing the nearest field, and that field.
        package var nearest: String?
    }

    package var rule: String
    package var fields: [Field]

    /// The required fields no table rule can write.
    package var cannotFire: [Field] { fields.filter { $0.role == .required && $0.producedBy.isEmpty } }

    package init(rule: DetectionRule, tables: TableFieldIndex) {
        self.rule = rule.name
        let required = Set(rule.requiredFields.map(\.path))
        var fields: [Field] = []
        var seen: Set<RuleFieldPath> = []
        for (variable, path) in rule.eventFields where seen.insert(path).inserted {
            let role: Role
            if rule.entityVariables.contains(variable) || Self.isIngestion(path) {
                role = .ingestion
            } else {
                role = required.contains(path) ? .required : .negated
            }
            fields.append(Self.field(path, role, tables))
        }
        for path in rule.outcomeOnlyFields where seen.insert(path).inserted {
            fields.append(Self.field(path, Self.isIngestion(path) ? .ingestion : .outcomeOnly, tables))
        }
        self.fields = fields
    }

    private static func field(_ path: RuleFieldPath, _ role: Role, _ tables: TableFieldIndex) -> Field {
        let producers = tables.producers(of: path)
        var nearest: String?
        if producers.isEmpty, let near = tables.nearest(to: path) {
            nearest = "\(near.rule) (\(near.fieldPath)\(near.key.map { "[\"\($0)\"]" } ?? ""))"
        }
        var rules: [String] = []
        for producer in producers where !rules.contains(producer.rule) { rules.append(producer.rule) }
        return Field(path: path, role: role, producedBy: rules, nearest: nearest)
    }

    /// Fields Google SecOps fills at ingestion or by enrichment, never a parser.
    static func isIngestion(_ path: RuleFieldPath) -> Bool {
        let names = path.steps.map(\.name)
        if names.contains("ip_geo_artifact") || names.first == "graph" { return true }
        return names == ["metadata", "id"] || names.starts(with: ["metadata", "ingested_timestamp"])
    }
}

extension DetectionRule {
    /// The fields `events:` reads positively (not under `not`, not with `!=`).
    var requiredFields: [(variable: String, path: RuleFieldPath)] {
        var out: [(String, RuleFieldPath)] = []
        func walk(_ expression: RuleExpression, negated: Bool) {
            switch expression {
            case .and(let children), .or(let children):
                for child in children { walk(child, negated: negated) }
            case .not(let child): walk(child, negated: !negated)
            case .compare(_, let comparison, _, _, _):
                let isNegated = negated != (comparison == .notEqual)
                if !isNegated { out += expression.fields }
            default:
                if !negated { out += expression.fields }
            }
        }
        for statement in events { walk(statement, negated: false) }
        return out
    }
}

/// How often each field a rule set reads has a value, per log type, over the events seen.
package struct RuleFieldFill: Sendable {
    package private(set) var events: [String: Int] = [:]
    /// Per log type, the count of events filling each path, by the path's position in `paths`.
    private var filledCounts: [String: [Int]] = [:]
    private let paths: [RuleFieldPath]
    private let positions: [RuleFieldPath: Int]

    package init(rules: [DetectionRule]) {
        var positions: [RuleFieldPath: Int] = [:]
        var paths: [RuleFieldPath] = []
        for rule in rules {
            for (variable, path) in rule.eventFields where !rule.entityVariables.contains(variable) {
                if positions[path] == nil {
                    positions[path] = paths.count
                    paths.append(path)
                }
            }
        }
        self.paths = paths
        self.positions = positions
    }

    package mutating func add(_ event: RuleEvent) {
        add(RuleEventView(event))
    }

    mutating func add(_ view: RuleEventView) {
        let logType = view.event.logType
        events[logType, default: 0] += 1
        var counts = filledCounts.removeValue(forKey: logType) ?? Array(repeating: 0, count: paths.count)
        for (index, path) in paths.enumerated() where view.isFilled(path) { counts[index] += 1 }
        filledCounts[logType] = counts
    }

    /// The fill rate of `path` in events of `logType` (nil when there were none).
    package func rate(_ path: RuleFieldPath, logType: String) -> Double? {
        guard let total = events[logType], total > 0 else { return nil }
        return Double(count(path, logType: logType)) / Double(total)
    }

    /// Whether some event of some log type has a value at `path`.
    package func isEverFilled(_ path: RuleFieldPath) -> Bool {
        filledCounts.keys.contains { count(path, logType: $0) > 0 }
    }

    private func count(_ path: RuleFieldPath, logType: String) -> Int {
        guard let index = positions[path], let counts = filledCounts[logType] else { return 0 }
        return counts[index]
    }
}
