/// The fields a rule reads, as a tree of names: what a held event keeps of itself.
struct KeepTree: Sendable {
    var children: [String: KeepTree] = [:]
    /// Keep the whole subtree (a path ends here).
    var keepsAll = false

    init() {}

    init(rule: DetectionRule) {
        var paths = rule.eventFields.map(\.path)
        for (_, expression) in rule.outcomes { paths += expression.fields.map(\.path) }
        for path in paths { insert(path.steps[...]) }
        // What every detection reports.
        insert(RuleFieldPath(steps: [.field("metadata"), .field("id")]).steps[...])
        insert(RuleFieldPath(steps: [.field("metadata"), .field("event_timestamp")]).steps[...])
    }

    private mutating func insert(_ steps: ArraySlice<RuleFieldPath.Step>) {
        guard let first = steps.first else {
            keepsAll = true
            return
        }
        switch first {
        case .map(let name, _):
            children[name, default: KeepTree()].keepsAll = true
            if name == "fields" { keepsAll = true }  // `additional.fields["k"]` reads `additional` itself
        case .field(let name):
            children[name, default: KeepTree()].insert(steps.dropFirst())
        }
    }

    func prune(_ value: RuleValue) -> RuleValue {
        if keepsAll { return value }
        switch value {
        case .array(let elements): return .array(elements.map(prune))
        case .object(let members):
            var kept: [String: RuleValue] = [:]
            for (name, tree) in children {
                if let child = members[name] { kept[name] = tree.prune(child) }
            }
            return .object(kept)
        default:
            return value
        }
    }
}

extension RuleEvent {
    /// The event with only the fields `keep` names.
    init(pruning event: RuleEvent, to keep: KeepTree) {
        self.init(root: keep.prune(event.root), origin: event.origin, logType: event.logType)
    }
}
