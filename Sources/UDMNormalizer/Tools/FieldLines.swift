/// An event as a multiset of `path = value` lines (label key and value kept together), the unit
/// in which table tests and table diffs compare events.
struct FieldLines {
    /// (line, rule id) in output order; a label is one line `path[key] = value`.
    private(set) var lines: [(line: String, rule: String)] = []

    init(_ explanation: RecordExplanation) {
        var pendingKey: (path: String, value: String)?
        for field in explanation.fields {
            if field.path.hasSuffix(".key") {
                pendingKey = (String(field.path.dropLast(4)), field.value)
                continue
            }
            if field.path.hasSuffix(".value"), let key = pendingKey, key.path == String(field.path.dropLast(6)) {
                lines.append(("\(key.path)[\(key.value)] = \(field.value)", field.rule.description))
                pendingKey = nil
                continue
            }
            lines.append(("\(field.path) = \(field.value)", field.rule.description))
        }
    }

    /// Parses a compact UDM JSON event (an expected output line) into lines, rules unknown.
    init(json: String) throws {
        let document = try JSONParser.parse(Array(json.utf8))
        func walk(_ node: Int, _ path: String) {
            switch document.kind(node) {
            case .object:
                if path.hasSuffix("labels") || path.hasSuffix("detection_fields") || path.hasSuffix("rule_labels")
                    || path.hasSuffix("ingestion_labels"),
                    let key = document.member(node, "key"), document.kind(key) == .string
                {
                    var valueText = "\"\""
                    if let value = document.member(node, "value") {
                        valueText = JSONText.quoted(document.string(value))
                    }
                    lines.append(("\(path)[\(JSONText.quoted(document.string(key)))] = \(valueText)", ""))
                    return
                }
                if path == "additional" {
                    document.forEachMember(node) { key, value in
                        lines.append(("additional.\(document.string(key)) = \(document.compactJSON(value))", ""))
                    }
                    return
                }
                document.forEachMember(node) { key, value in
                    let name = document.string(key)
                    walk(value, path.isEmpty ? name : path + "." + name)
                }
            case .array:
                document.forEachElement(node) { walk($0, path) }
            default:
                lines.append(("\(path) = \(document.compactJSON(node))", ""))
            }
        }
        walk(document.root, "")
    }

    /// Lines of `self` not in `other` (as a multiset), with their rules.
    func subtracting(_ other: FieldLines) -> [(line: String, rule: String)] {
        var remaining: [String: Int] = [:]
        for (line, _) in other.lines { remaining[line, default: 0] += 1 }
        var result: [(line: String, rule: String)] = []
        for entry in lines {
            if let count = remaining[entry.line], count > 0 {
                remaining[entry.line] = count - 1
            } else {
                result.append(entry)
            }
        }
        return result
    }

    /// The UDM path of a line (before ` = ` and any `[key]`).
    static func path(of line: String) -> String {
        let beforeValue = line.firstRange(of: " = ").map { String(line[..<$0.lowerBound]) } ?? line
        return beforeValue.firstIndex(of: "[").map { String(beforeValue[..<$0]) } ?? beforeValue
    }
}
