/// A value placed in a UDM field, kept in the cheapest form that can be written later.
enum OutputValue: Sendable, Equatable {
    /// A string node of the record: written straight from the source bytes when no re-escaping is needed.
    case sourceString(Int)
    /// Any node of the record, written as compact JSON (numbers, booleans, objects into `additional`).
    case sourceJSON(Int)
    /// Text to be written as a JSON string.
    case text(String)
    /// Text written unquoted: a number or `true` / `false`.
    case literal(String)

    /// The value as text (for comparisons and requirement checks).
    func text(in document: JSONDocument) -> String {
        switch self {
        case .sourceString(let node), .sourceJSON(let node): return document.scalarText(node)
        case .text(let text), .literal(let text): return text
        }
    }
}
