/// The fields rules read, as a tree of names: what a held event keeps of itself.
struct KeepTree: Sendable {
    var children: [String: KeepTree] = [:]
    /// Keep the whole subtree (a path ends here).
    var keepsAll = false

    init() {}

    /// The fields any of `rules` reads: an event held by several rules is pruned once and shared.
    init(rules: [DetectionRule]) {
        for rule in rules {
            var paths = rule.eventFields.map(\.path)
            for (_, expression) in rule.outcomes { paths += expression.fields.map(\.path) }
            for path in paths { insert(path.steps[...]) }
        }
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

    /// The JSON of `node` with only the fields this tree names (their names as written).
    func prune(_ document: JSONDocument, _ node: Int, converts: Bool, into out: inout [UInt8]) {
        if keepsAll {
            document.appendRawJSON(node, to: &out)
            return
        }
        switch document.kind(node) {
        case .array:
            out.append(UInt8(ascii: "["))
            var first = true
            document.forEachElement(node) { element in
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                prune(document, element, converts: converts, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object:
            out.append(UInt8(ascii: "{"))
            var first = true
            for (name, tree) in children {
                guard let child = document.ruleMember(node, name, converts: converts) else { continue }
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                out.append(contentsOf: JSONText.quoted(name).utf8)
                out.append(UInt8(ascii: ":"))
                tree.prune(document, child, converts: converts && name != "additional", into: &out)
            }
            out.append(UInt8(ascii: "}"))
        default:
            document.appendRawJSON(node, to: &out)
        }
    }
}

extension RuleEvent {
    /// The event with only the fields `keep` names.
    init(pruning event: RuleEvent, to keep: KeepTree) {
        var bytes: [UInt8] = []
        keep.prune(event.document, event.document.root, converts: event.readsCamelCase, into: &bytes)
        guard let document = try? JSONParser.parse(bytes) else {
            self = event
            return
        }
        self.init(document: document, origin: event.origin, logType: event.logType)
    }
}
