extension JSONDocument {
    /// null, "", {} and [] carry no information, so rules treat them as absent ("first non-empty wins").
    func isEmptyValue(_ node: Int) -> Bool {
        switch kind(node) {
        case .null: return true
        case .string: return isEmptyString(node)
        case .object, .array: return count(node) == 0
        default: return false
        }
    }

    /// The text a condition compares: a string's decoded value, otherwise the JSON text (`true`, `12`, `null`).
    func scalarText(_ node: Int) -> String {
        kind(node) == .string ? string(node) : rawText(node)
    }
}
