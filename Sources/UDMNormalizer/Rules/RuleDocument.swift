/// How rules read a UDM event's JSON in place: field names in lowerCamelCase (proto3 JSON) read as
/// snake_case, except below `additional` and in map keys, which are data.
///
/// Rules read a few dozen fields of each event; reading them on the parsed document, without
/// building a tree of the whole event, is what keeps `rules` close to `normalize` in cost.
extension JSONDocument {
    /// The value node of member `name` (snake_case) of `object`: the key written as `name`, or, when
    /// `converts`, written in lowerCamelCase (`product_event_type` ↔ `productEventType`). The last
    /// such key wins, as in ``member(_:keyBytes:)``. Nil when `object` is not an object.
    func ruleMember(_ object: Int, _ name: String, converts: Bool) -> Int? {
        var name = name
        return name.withUTF8 { name in
            guard converts else { return member(object, keyBytes: UnsafeRawBufferPointer(name)) }
            guard kind(object) == .object else { return nil }
            var found: Int?
            forEachMemberKey(object) { key, value in
                if Self.keyMatches(key, name, converts: true) { found = value }
            }
            return found
        }
    }

    /// Whether some field name of the document, outside `additional` (whose keys are data), has an
    /// upper-case letter: the event is written in lowerCamelCase and its names are read as snake_case.
    var hasCamelCaseNames: Bool {
        var node = root
        while node < nodeCount {
            if isKey(node) {
                let named = withRawBytes(node) { key -> (upper: Bool, additional: Bool) in
                    (
                        key.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") },
                        key.elementsEqual("additional".utf8)
                    )
                }
                if named.upper { return true }
                if named.additional {
                    node = subtreeEnd(node + 1)
                    continue
                }
            }
            node += 1
        }
        return false
    }

    /// Whether `key` names the field `name`: equal, or (when `converts`) `name`'s `_x` written `X`.
    static func keyMatches(_ key: UnsafeRawBufferPointer, _ name: UnsafeBufferPointer<UInt8>, converts: Bool) -> Bool {
        if key.count == name.count, key.elementsEqual(name) { return true }
        guard converts, key.count <= name.count else { return false }
        var i = 0
        var j = 0
        while i < key.count, j < name.count {
            let byte = key[i]
            if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") {
                // An upper-case letter stands for `_` and its lower-case form (or, first, the form alone).
                let lower = byte + 32
                if j == 0, name[0] == lower {
                    j = 1
                } else if name[j] == UInt8(ascii: "_"), j + 1 < name.count, name[j + 1] == lower {
                    j += 2
                } else {
                    return false
                }
            } else if byte == name[j] {
                j += 1
            } else {
                return false
            }
            i += 1
        }
        return i == key.count && j == name.count
    }

    /// The node as one scalar: objects and arrays as compact JSON text with sorted snake_case keys.
    func ruleScalar(_ node: Int, converts: Bool) -> RuleScalar {
        switch kind(node) {
        case .null: return .absent
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .number:
            let text = rawText(node)
            return Double(text).map { .number($0) } ?? .string(text)
        case .string: return .string(string(node))
        case .array, .object: return .string(ruleJSONText(node, converts: converts))
        }
    }

    /// Compact JSON text of the node, keys sorted and (when `converts`) in snake_case.
    func ruleJSONText(_ node: Int, converts: Bool) -> String {
        switch kind(node) {
        case .null: return "null"
        case .true: return "true"
        case .false: return "false"
        case .number: return rawText(node)
        case .string: return Self.quoted(string(node))
        case .array:
            var elements: [String] = []
            forEachElement(node) { elements.append(ruleJSONText($0, converts: converts)) }
            return "[" + elements.joined(separator: ",") + "]"
        case .object:
            var members: [(key: String, text: String)] = []
            forEachMember(node) { key, value in
                let raw = string(key)
                let name = converts ? Self.snakeCase(raw) : raw
                members.append((name, ruleJSONText(value, converts: converts && name != "additional")))
            }
            return "{"
                + members.sorted { $0.key < $1.key }.map { Self.quoted($0.key) + ":" + $0.text }.joined(separator: ",")
                + "}"
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

    private static func quoted(_ text: String) -> String {
        var out: [UInt8] = []
        JSONStringEscaper.appendQuoted(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The node's JSON text as written, quotes included for a string.
    func appendRawJSON(_ node: Int, to out: inout [UInt8]) {
        if kind(node) == .string { out.append(UInt8(ascii: "\"")) }
        withRawBytes(node) { out.append(contentsOf: $0) }
        if kind(node) == .string { out.append(UInt8(ascii: "\"")) }
    }
}
