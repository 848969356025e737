/// The field paths one evaluation reads, as a tree of steps, so an event is unnested once for all
/// of them: children of the same repeated element stay together on one row.
struct PathTrie: Sendable {
    /// Slots of the paths that end here.
    var ends: [Int] = []
    var children: [(step: RuleFieldPath.Step, node: PathTrie)] = []

    init() {}

    init(paths: [(path: RuleFieldPath, slot: Int)]) {
        for (path, slot) in paths { insert(path.steps[...], slot: slot) }
    }

    private mutating func insert(_ steps: ArraySlice<RuleFieldPath.Step>, slot: Int) {
        guard let first = steps.first else {
            ends.append(slot)
            return
        }
        if let index = children.firstIndex(where: { $0.step == first }) {
            children[index].node.insert(steps.dropFirst(), slot: slot)
        } else {
            var node = PathTrie()
            node.insert(steps.dropFirst(), slot: slot)
            children.append((first, node))
        }
    }
}
