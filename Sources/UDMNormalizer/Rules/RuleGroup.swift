/// The events one detection candidate joins: every combination of one event per variable that
/// meets the joins, with the placeholder values it binds. Counts, outcomes and the condition are
/// read from it.
struct RuleGroup {
    /// One event of a variable, with the bindings it was held with.
    struct Member {
        var serial: Int
        var view: RuleEventView
        var bindings: [String: String]
    }

    /// One combination: a member per variable, and the union of their bindings.
    struct Tuple {
        var members: [String: Member]
        var bindings: [String: String]
    }

    var tuples: [Tuple] = []
    /// Whether the combinations were cut at `tupleLimit`.
    var truncated = false
    static let tupleLimit = 10_000

    /// Every combination of the candidates (one per variable) whose bindings agree and whose joins hold.
    init(plan: RulePlan, candidates: [String: [Member]], lists: [String: ReferenceList]) {
        let names = plan.variables.map(\.name)
        var tuples: [Tuple] = []
        var truncated = false
        func extend(_ index: Int, _ tuple: Tuple) {
            if tuples.count >= Self.tupleLimit {
                truncated = true
                return
            }
            guard index < names.count else {
                let views = tuple.members.mapValues(\.view)
                if plan.joins.allSatisfy({ plan.holds($0, views, lists: lists) }) { tuples.append(tuple) }
                return
            }
            for member in candidates[names[index]] ?? [] {
                var next = tuple
                var agrees = true
                for (name, value) in member.bindings {
                    if let bound = next.bindings[name], bound != value {
                        agrees = false
                        break
                    }
                    next.bindings[name] = value
                }
                guard agrees else { continue }
                next.members[names[index]] = member
                extend(index + 1, next)
                if truncated { return }
            }
        }
        extend(0, Tuple(members: [:], bindings: [:]))
        self.tuples = tuples
        self.truncated = truncated
    }

    /// Distinct events of a variable.
    func eventCount(_ variable: String) -> Int {
        Set(tuples.compactMap { $0.members[variable]?.serial }).count
    }

    /// Distinct values of a placeholder.
    func placeholderCount(_ name: String) -> Int {
        Set(tuples.compactMap { $0.bindings[name] }).count
    }

    /// The events of every variable that contributed, each once.
    var members: [Member] {
        var seen: Set<Int> = []
        var out: [Member] = []
        for tuple in tuples {
            for member in tuple.members.values where seen.insert(member.serial).inserted { out.append(member) }
        }
        return out
    }
}
