import UDMNormalizer

/// A JSON value a command prints (`rules --json`), written compactly with object keys sorted so
/// the text of a run is stable; strings are escaped as the UDM writer escapes them.
enum JSONOutputValue: Sendable {
    case object([String: JSONOutputValue])
    case array([JSONOutputValue])
    case string(String)
    case integer(Int)
    /// A rate or other fraction, rounded to six decimals as the report's JSON writes rates.
    case number(Double)
    case bool(Bool)
    case null

    /// `value` as a string, or null when nil.
    static func string(orNull value: String?) -> JSONOutputValue { value.map { .string($0) } ?? .null }

    /// `value` as a number, or null when nil.
    static func number(orNull value: Double?) -> JSONOutputValue { value.map { .number($0) } ?? .null }

    /// The value as compact JSON text.
    var text: String {
        var out = ""
        append(to: &out)
        return out
    }

    private func append(to out: inout String) {
        switch self {
        case .object(let members):
            out += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                out += JSONText.quoted(key) + ":"
                members[key]?.append(to: &out)
            }
            out += "}"
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.append(to: &out)
            }
            out += "]"
        case .string(let text): out += JSONText.quoted(text)
        case .integer(let value): out += String(value)
        case .number(let value):
            guard value.isFinite else {
                out += "null"
                return
            }
            let rounded = (value * 1_000_000).rounded() / 1_000_000
            out += rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded)
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        }
    }
}
