extension JSONDocument {
    /// Resolves `path` from `node`, calling `body(valueNode, fanOutIndex)` for each value found.
    ///
    /// Without `[*]` there is at most one value (fan-out index 0). Missing members yield nothing;
    /// a step that meets the wrong kind of value (a key on a string) also yields nothing, which the
    /// engine reports as "not present" rather than as an error, because optional fields vary by event.
    func forEachValue(of path: SourcePath, from node: Int, _ body: (Int, Int) -> Void) {
        walk(path.steps[...], from: node, fanIndex: 0, fanned: false, body)
    }

    /// The single value of a path that does not fan out (or the first value of one that does).
    func value(of path: SourcePath, from node: Int) -> Int? {
        var found: Int?
        walkFirst(path.steps[...], from: node, &found)
        return found
    }

    func walkFirst(_ steps: ArraySlice<SourcePath.Step>, from node: Int, _ found: inout Int?) {
        var current = node
        var rest = steps
        while let step = rest.first {
            rest = rest.dropFirst()
            switch step {
            case .each:
                guard kind(current) == .array else { return }
                var result: Int?
                forEachElement(current) { element in
                    if result == nil {
                        var inner: Int?
                        walkFirst(rest, from: element, &inner)
                        result = inner
                    }
                }
                found = result
                return
            default:
                guard let next = child(of: current, step) else { return }
                current = next
            }
        }
        found = current
    }

    func walk(
        _ steps: ArraySlice<SourcePath.Step>, from node: Int, fanIndex: Int, fanned: Bool, _ body: (Int, Int) -> Void
    ) {
        var current = node
        var rest = steps
        while let step = rest.first {
            rest = rest.dropFirst()
            if case .each = step {
                guard kind(current) == .array else { return }
                var index = 0
                let remaining = rest
                forEachElement(current) { element in
                    // Only the first `[*]` numbers the fan-out; inner ones keep the outer index.
                    walk(remaining, from: element, fanIndex: fanned ? fanIndex : index, fanned: true, body)
                    index += 1
                }
                return
            }
            guard let next = child(of: current, step) else { return }
            current = next
        }
        body(current, fanIndex)
    }

    /// One non-fan-out step.
    func child(of node: Int, _ step: SourcePath.Step) -> Int? {
        switch step {
        case .key(let key, let index, let alternate):
            switch kind(node) {
            case .object:
                if let found = key.withUnsafeBytes({ member(node, keyBytes: $0) }) { return found }
                return alternate.flatMap { other in other.withUnsafeBytes { member(node, keyBytes: $0) } }
            case .array: return index.flatMap { element(node, at: $0) }
            default: return nil
            }
        case .select(let key, let value, let alternate):
            guard kind(node) == .array else { return nil }
            var match: Int?
            forEachElement(node) { element in
                guard match == nil, kind(element) == .object,
                    let candidate = key.withUnsafeBytes({ member(element, keyBytes: $0) })
                        ?? alternate.flatMap({ other in other.withUnsafeBytes { member(element, keyBytes: $0) } }),
                    kind(candidate) == .string, string(candidate) == value
                else { return }
                match = element
            }
            return match
        case .each:
            return nil
        }
    }
}
