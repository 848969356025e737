/// A value flowing through a rule: still a node of the record (copied to the output without
/// decoding when possible), or text a transform or constant produced.
enum MappedValue: Sendable {
    case node(Int)
    case text(String)

    /// The value as text: strings decoded, numbers and booleans as written, objects as their JSON.
    func text(in document: JSONDocument) -> String {
        switch self {
        case .node(let node): return document.scalarText(node)
        case .text(let text): return text
        }
    }

    func isEmpty(in document: JSONDocument) -> Bool {
        switch self {
        case .node(let node): return document.isEmptyValue(node)
        case .text(let text): return text.isEmpty
        }
    }
}
