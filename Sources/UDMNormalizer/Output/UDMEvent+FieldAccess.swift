extension UDMEvent {
    /// Every value the event holds at a UDM path, in output order, as text: strings as they are,
    /// numbers and booleans as written, objects (in `additional`) as JSON.
    ///
    /// The path is the dotted snake_case path of the UDM schema. Repeated messages on the way are
    /// all visited, so `security_result.action` gives the action of every `security_result`.
    /// A label or an `additional` key is named in brackets:
    ///
    /// ```swift
    /// event.values(at: "principal.ip")                                        // ["203.0.113.7"]
    /// event.values(at: "principal.user.attribute.labels[\"ARN\"]")            // the label's value
    /// event.values(at: "additional[\"Event Type\"]")                          // ["AwsApiCall"]
    /// ```
    ///
    /// A path the schema does not know gives no values. Nothing is re-parsed: the values are read
    /// from the event as built.
    ///
    /// - Parameter path: A UDM path, with an optional `["key"]` for a label or `additional` key.
    public func values(at path: String) -> [String] {
        guard let (fieldPath, key) = Self.splitKey(path), let steps = schema.resolve(fieldPath) else { return [] }
        var instances = [0]
        for step in steps.dropLast() {
            var children: [Int] = []
            for instance in instances {
                builder.forEachEntry(of: instance) { entry in
                    if entry.field == step.field, case .child(let child) = entry.content { children.append(child) }
                }
            }
            instances = children
        }
        guard let last = steps.last else { return [] }
        var values: [String] = []
        for instance in instances {
            builder.forEachEntry(of: instance) { entry in
                guard entry.field == last.field else { return }
                switch entry.content {
                case .value(let value) where key == nil:
                    values.append(builder.string(value, in: document))
                case .label(let labelKey, let value), .structValue(let labelKey, let value):
                    let name = builder.string(labelKey)
                    if key == nil || key == name { values.append(builder.string(value, in: document)) }
                default:
                    break
                }
            }
        }
        return values
    }

    /// The first value at a UDM path (see ``values(at:)``), or nil when the event has none.
    ///
    /// ```swift
    /// if let caller = event["principal.user.userid"] { print(caller) }
    /// ```
    public subscript(path: String) -> String? {
        values(at: path).first
    }

    /// `labels["ARN"]` → (`labels`, `ARN`); a path without a bracket has no key; a malformed bracket is nil.
    private static func splitKey(_ path: String) -> (path: String, key: String?)? {
        guard let open = path.firstIndex(of: "[") else { return (path, nil) }
        let rest = path[path.index(after: open)...]
        guard rest.hasPrefix("\""), rest.hasSuffix("\"]"), rest.count >= 4 else { return nil }
        let key = rest.dropFirst().dropLast(2)
        return (String(path[..<open]), String(key))
    }
}
