extension UDMEvent {
    /// Every value the event holds at a UDM path, in output order, as text: strings as they are,
    /// numbers and booleans as written, objects (in `additional`) as JSON.
    ///
    /// The path is the dotted snake_case path of the UDM schema. Repeated messages on the way are
    /// all visited, so `security_result.action` gives the action of every `security_result`.
    /// A label or an `additional` key is named in brackets; an `additional` key may also be written
    /// as the key-value output prints it, `additional.KEY` (everything after `additional.` is the key):
    ///
    /// ```swift
    /// event.values(at: "principal.ip")                                        // ["203.0.113.7"]
    /// event.values(at: "principal.user.attribute.labels[\"ARN\"]")            // the label's value
    /// event.values(at: "additional[\"Event Type\"]")                          // ["AwsApiCall"]
    /// event.values(at: "additional.site")                                     // as `--format kv` prints it
    /// ```
    ///
    /// A path the schema does not know gives no values (``value(at:)`` throws for it instead).
    /// Nothing is re-parsed: the values are read from the event as built.
    ///
    /// - Parameter path: A UDM path, with an optional `["key"]` for a label or `additional` key, or
    ///   `additional.KEY`.
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

    /// The first value at a UDM path (see ``values(at:)``, which takes the same spellings), or nil
    /// when the event has none or the path is unknown; ``value(at:)`` tells the two apart.
    ///
    /// ```swift
    /// if let caller = event["principal.user.userid"] { print(caller) }
    /// let site = event["additional.site"]
    /// ```
    public subscript(path: String) -> String? {
        values(at: path).first
    }

    /// The first value at a UDM path (see ``values(at:)``, which takes the same spellings), or nil
    /// when the event has none; a path the UDM schema does not know throws, with the nearest known
    /// path, so a misspelt path is found rather than read as "no value".
    ///
    /// ```swift
    /// do {
    ///     let caller = try event.value(at: "principal.usr.userid")
    /// } catch {
    ///     print(error)   // unknown UDM path 'principal.usr.userid'; did you mean 'principal.user.userid'?
    /// }
    /// ```
    ///
    /// - Parameter path: A UDM path, with an optional `["key"]` for a label or `additional` key, or
    ///   `additional.KEY`.
    /// - Returns: The first value, or nil when the event has no value there.
    /// - Throws: ``UDMPathError`` when the schema has no such path.
    public func value(at path: String) throws(UDMPathError) -> String? {
        guard let (fieldPath, _) = Self.splitKey(path), schema.resolve(fieldPath) != nil else {
            throw UDMPathError(path: path, suggestion: Self.splitKey(path).flatMap { nearestPath(to: $0.path) })
        }
        return values(at: path).first
    }

    /// The known UDM path nearest `path`, segment by segment, or nil when a segment has no near field.
    private func nearestPath(to path: String) -> String? {
        var current = schema.rootMessage
        var segments: [String] = []
        for segment in path.split(separator: ".", omittingEmptySubsequences: false).map(String.init) {
            let message = schema.messages[current]
            guard
                let name = message.fieldIndex(named: segment) != nil
                    ? segment : NearestName.nearest(to: segment, among: message.fields.map(\.name)),
                let index = message.fieldIndex(named: name)
            else { return nil }
            segments.append(name)
            if case .message(let next) = message.fields[index].type {
                current = next
            } else if segments.count < path.split(separator: ".", omittingEmptySubsequences: false).count {
                return nil
            }
        }
        let suggestion = segments.joined(separator: ".")
        return suggestion == path ? nil : suggestion
    }

    /// `labels["ARN"]` → (`labels`, `ARN`); `additional.site` → (`additional`, `site`); a path
    /// without a key has none; a malformed bracket is nil.
    private static func splitKey(_ path: String) -> (path: String, key: String?)? {
        let additional = "additional."
        if path.hasPrefix(additional), path.count > additional.count {
            return ("additional", String(path.dropFirst(additional.count)))
        }
        guard let open = path.firstIndex(of: "[") else { return (path, nil) }
        let rest = path[path.index(after: open)...]
        guard rest.hasPrefix("\""), rest.hasSuffix("\"]"), rest.count >= 4 else { return nil }
        let key = rest.dropFirst().dropLast(2)
        return (String(path[..<open]), String(key))
    }
}

/// A UDM path that the schema does not know, given to ``UDMEvent/value(at:)``.
public struct UDMPathError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path as given.
    public var path: String
    /// The nearest path the schema knows, when one is close (`principal.user.userid` for
    /// `principal.usr.userid`).
    public var suggestion: String?

    /// `unknown UDM path 'PATH'`, with `; did you mean 'SUGGESTION'?` when there is one.
    public var description: String {
        "unknown UDM path '\(path)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
    }
}
