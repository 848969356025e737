/// One byte per node of a record, for coverage tracking: which values rules read, which sit in
/// subtrees the tables declare opaque or ignored. A subtree is a contiguous run of the tape, so
/// marking one is a single fill.
struct NodeMarks {
    static let read: UInt8 = 1
    static let excluded: UInt8 = 2

    private(set) var marks: [UInt8]

    init(nodeCount: Int) {
        marks = Array(repeating: 0, count: nodeCount)
    }

    mutating func markSubtree(_ node: Int, in document: JSONDocument, as mark: UInt8) {
        let end = document.subtreeEnd(node)
        for index in node..<end where marks[index] == 0 || mark == Self.excluded { marks[index] = mark }
    }

    subscript(node: Int) -> UInt8 { marks[node] }
}
