/// A UDM event's JSON as a tree, as rules read it.
indirect enum RuleValue: Sendable {
    case null
    case bool(Bool)
    /// A number, kept as written (account ids do not fit a Double).
    case number(String)
    case string(String)
    case array([RuleValue])
    case object([String: RuleValue])

    /// The tree of a parsed JSON value. Field names in lowerCamelCase (proto3 JSON) are read as
    /// snake_case, except below `additional` and `labels` values, whose keys are data.
    static func from(_ document: JSONDocument, _ node: Int, convertKeys: Bool = true) -> RuleValue {
        switch document.kind(node) {
        case .null: return .null
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .number: return .number(document.rawText(node))
        case .string: return .string(document.string(node))
        case .array:
            var elements: [RuleValue] = []
            elements.reserveCapacity(document.count(node))
            document.forEachElement(node) { elements.append(from(document, $0, convertKeys: convertKeys)) }
            return .array(elements)
        case .object:
            var members: [String: RuleValue] = [:]
            members.reserveCapacity(document.count(node))
            document.forEachMember(node) { key, value in
                let raw = document.string(key)
                let name = convertKeys ? snakeCase(raw) : raw
                members[name] = from(document, value, convertKeys: convertKeys && name != "additional")
            }
            return .object(members)
        }
    }

    /// `productEventType` → `product_event_type`; snake_case names are kept.
    static func snakeCase(_ name: String) -> String {
        guard name.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else { return name }
        var out = ""
        for character in name {
            if character.isUppercase {
                if !out.isEmpty { out.append("_") }
                out += character.lowercased()
            } else {
                out.append(character)
            }
        }
        return out
    }

    subscript(name: String) -> RuleValue? {
        if case .object(let members) = self { return members[name] }
        return nil
    }

    /// The value as one scalar: objects as compact JSON text (sorted keys), arrays never (they unnest).
    var scalar: RuleScalar {
        switch self {
        case .null: return .absent
        case .bool(let value): return .bool(value)
        case .number(let text): return Double(text).map { .number($0) } ?? .string(text)
        case .string(let text): return .string(text)
        case .array, .object: return .string(jsonText)
        }
    }

    var jsonText: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(let text): return text
        case .string(let text): return Self.quoted(text)
        case .array(let elements): return "[" + elements.map(\.jsonText).joined(separator: ",") + "]"
        case .object(let members):
            return "{"
                + members.sorted { $0.key < $1.key }.map { Self.quoted($0.key) + ":" + $0.value.jsonText }
                .joined(separator: ",") + "}"
        }
    }

    private static func quoted(_ text: String) -> String {
        var out: [UInt8] = []
        JSONStringEscaper.appendQuoted(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
