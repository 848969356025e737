/// How much of one record's content the tables used: its leaf values (strings, numbers, booleans;
/// `null` and `""` carry nothing and are not counted), which of them a rule that wrote a value read,
/// which sit under subtrees the table declares opaque or ignored, and where the rest are.
struct RecordCoverage: Sendable {
    var leaves = 0
    var covered = 0
    /// Leaves excluded, by the declaration (`@opaque requestParameters.policyDocument`) that excluded them.
    var excluded: [String: Int] = [:]
    /// Every leaf no rule read, with its path (array indexes folded to `[*]`) and value.
    var unmapped: [(path: String, example: String)] = []
    /// Which key and step of the general target rule named the target (see `RecordMapper.targetChoice`).
    var targetChoice: String?

    init() {}

    /// Counts a record whose read marks are in `marks`; the subtrees under the program's
    /// `exclusions` (those of the record's file) get marked here.
    init(
        document: JSONDocument, root: Int, marks: NodeMarks, exclusions: Range<Int>, view: MappingProgram.View,
        resolver: PathResolver
    ) {
        var marks = marks
        for exclusion in view.exclusions[exclusions] {
            var nodes: [Int] = []
            resolver.forEachValue(of: view.paths[Int(exclusion.path)], in: view) { node, _ in nodes.append(node) }
            for node in nodes {
                marks.markSubtree(node, in: document, as: NodeMarks.excluded)
                let count = Self.countLeaves(document, from: node)
                if count > 0 { excluded[view.texts[Int(exclusion.declaration)], default: 0] += count }
            }
        }
        walk(document, root, path: "", marks: marks)
    }

    private static func isCounted(_ document: JSONDocument, _ node: Int) -> Bool {
        switch document.kind(node) {
        case .object, .array, .null: return false
        case .string: return !document.isEmptyString(node) && !document.isKey(node)
        default: return true
        }
    }

    private static func countLeaves(_ document: JSONDocument, from node: Int) -> Int {
        var count = 0
        for index in node..<document.subtreeEnd(node) where isCounted(document, index) { count += 1 }
        return count
    }

    private mutating func walk(_ document: JSONDocument, _ node: Int, path: String, marks: NodeMarks) {
        switch document.kind(node) {
        case .object:
            document.forEachMember(node) { key, value in
                let name = document.string(key)
                walk(document, value, path: path.isEmpty ? name : path + "." + name, marks: marks)
            }
        case .array:
            document.forEachElement(node) { element in walk(document, element, path: path + "[*]", marks: marks) }
        default:
            guard Self.isCounted(document, node), marks[node] != NodeMarks.excluded else { return }
            leaves += 1
            if marks[node] == NodeMarks.read {
                covered += 1
            } else {
                unmapped.append((path, document.scalarText(node)))
            }
        }
    }
}
