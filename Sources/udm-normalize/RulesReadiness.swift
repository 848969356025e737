import UDMNormalizer

/// The readiness of each rule: static (can the tables write every field `events:` needs?) and
/// dynamic (is each such field filled in some event given?).
struct RulesReadiness {
    struct Entry {
        var rule: RuleReadiness
        /// Required fields no event had a value for.
        var unfilled: [RuleFieldPath]
        var isReady: Bool { rule.cannotFire.isEmpty && unfilled.isEmpty }
    }

    let entries: [Entry]
    let fill: RuleFieldFill
    let logTypes: [String]

    init(results: [RuleSession.RuleResult], tables: TableFieldIndex, fill: RuleFieldFill) {
        entries = results.map { result in
            let readiness = RuleReadiness(rule: result.rule, tables: tables)
            let unfilled = readiness.fields.filter { $0.role == .required && !fill.isEverFilled($0.path) }.map(\.path)
            return Entry(rule: readiness, unfilled: unfilled)
        }
        self.fill = fill
        logTypes = fill.events.keys.sorted()
    }

    var readyCount: Int { entries.filter(\.isReady).count }
    var readyRate: Double { entries.isEmpty ? 0 : Double(readyCount) / Double(entries.count) }

    /// Every field the rules read, each once, with its role (the strongest over the rules).
    var fields: [RuleReadiness.Field] {
        var order: [RuleFieldPath] = []
        var byPath: [RuleFieldPath: RuleReadiness.Field] = [:]
        let rank: [RuleReadiness.Role: Int] = [.required: 0, .negated: 1, .outcomeOnly: 2, .ingestion: 3]
        for entry in entries {
            for field in entry.rule.fields {
                if let existing = byPath[field.path] {
                    if rank[field.role, default: 9] < rank[existing.role, default: 9] { byPath[field.path] = field }
                } else {
                    order.append(field.path)
                    byPath[field.path] = field
                }
            }
        }
        return order.compactMap { byPath[$0] }
    }
}
