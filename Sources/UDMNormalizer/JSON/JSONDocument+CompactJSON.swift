extension JSONDocument {
    /// A word for a node's kind, for diagnostics.
    func kindName(_ node: Int) -> String {
        switch kind(node) {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .true, .false: return "a boolean"
        case .null: return "null"
        }
    }

    /// A node as compact JSON text (pretty-printed input loses its whitespace, strings keep their escapes).
    func compactJSON(_ node: Int) -> String {
        var out = OutputBuffer(capacity: 256)
        appendCompactJSON(node, to: &out)
        return out.string
    }

    func appendCompactJSON(_ node: Int, to out: inout OutputBuffer) {
        switch kind(node) {
        case .object:
            out.append(UInt8(ascii: "{"))
            var first = true
            forEachMember(node) { key, value in
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                JSONStringEscaper.appendQuoted(node: key, of: self, to: &out)
                out.append(UInt8(ascii: ":"))
                appendCompactJSON(value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .array:
            out.append(UInt8(ascii: "["))
            var first = true
            forEachElement(node) { element in
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                appendCompactJSON(element, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .string:
            JSONStringEscaper.appendQuoted(node: node, of: self, to: &out)
        default:
            withRawBytes(node) { out.append($0) }
        }
    }
}
