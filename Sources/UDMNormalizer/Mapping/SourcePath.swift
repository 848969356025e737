/// A compiled log-field path: `userIdentity.arn`, `resources.0.ARN`, `resources[*].ARN`,
/// `insightDetails.insightContext.attributions[attribute=userAgent].insight.0.value`.
struct SourcePath: Sendable, Hashable, CustomStringConvertible {
    /// One step down the JSON tree.
    enum Step: Sendable, Hashable {
        /// An object member; on an array, a numeric key is read as an element index instead.
        /// `alternate` is the same key with its first letter's case flipped, for tables that read
        /// both lowerCamelCase and PascalCase records (`@keys first_letter_any_case`).
        case key([UInt8], index: Int?, alternate: [UInt8]? = nil)
        /// Every element of an array (fan-out): the rule fires once per element.
        case each
        /// The first element of an array whose member `key` has the text `value`.
        case select(key: [UInt8], value: String)
    }

    let steps: [Step]
    let text: String

    var description: String { text }
    /// True when the path fans out over an array (`[*]`).
    var fansOut: Bool { steps.contains(.each) }

    /// How member names are matched.
    enum KeyCase: Sendable {
        case exact
        /// `service` also matches `Service` (AWS CLI / boto3 output is PascalCase).
        case firstLetterAnyCase
    }

    /// Parses the path syntax; `location` and `column` place errors.
    init(_ text: String, location: TableLocation, column: Int, keyCase: KeyCase = .exact) throws(MappingError) {
        self.text = text
        var steps: [Step] = []
        var segment = ""
        var chars = Array(text)[...]
        func fail(_ message: String) -> MappingError { location.error("in path '\(text)': \(message)", column: column) }
        func alternate(_ name: String) -> [UInt8]? {
            guard keyCase == .firstLetterAnyCase, let first = name.first, first.isLetter else { return nil }
            let flipped = first.isUppercase ? first.lowercased() : first.uppercased()
            return Array((flipped + name.dropFirst()).utf8)
        }
        func flushSegment() throws(MappingError) {
            guard !segment.isEmpty else { throw fail("empty path segment") }
            steps.append(.key(Array(segment.utf8), index: Int(segment).flatMap { $0 >= 0 ? $0 : nil }, alternate: alternate(segment)))
            segment = ""
        }
        while let c = chars.first {
            chars = chars.dropFirst()
            switch c {
            case ".":
                if !segment.isEmpty { try flushSegment() } else if steps.isEmpty { throw fail("empty path segment") }
                guard chars.first != nil else { throw fail("path ends with '.'") }
            case "[":
                if !segment.isEmpty { try flushSegment() }
                guard let close = chars.firstIndex(of: "]") else { throw fail("unclosed '['") }
                let inside = String(chars[chars.startIndex..<close])
                chars = chars[(close + 1)...]
                if inside == "*" {
                    steps.append(.each)
                } else if let index = Int(inside), index >= 0 {
                    steps.append(.key(Array(inside.utf8), index: index))
                } else if let eq = inside.firstIndex(of: "=") {
                    let key = String(inside[inside.startIndex..<eq])
                    var value = String(inside[inside.index(after: eq)...])
                    if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
                    guard !key.isEmpty else { throw fail("'[key=value]' needs a key") }
                    steps.append(.select(key: Array(key.utf8), value: value))
                } else if inside.hasPrefix("\""), inside.hasSuffix("\""), inside.count >= 2 {
                    let name = String(inside.dropFirst().dropLast())
                    steps.append(.key(Array(name.utf8), index: nil, alternate: alternate(name)))
                } else {
                    throw fail("'[\(inside)]' is not '[*]', '[N]', '[\"key\"]' or '[key=value]'")
                }
            default:
                segment.append(c)
            }
        }
        if !segment.isEmpty { try flushSegment() }
        guard !steps.isEmpty else { throw fail("empty path") }
        self.steps = steps
    }

    /// The path with array steps folded to `[*]`, used to group coverage by field.
    var isPlainKeyChain: Bool {
        steps.allSatisfy { if case .key(_, nil, _) = $0 { return true } else { return false } }
    }
}

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

    private func walkFirst(_ steps: ArraySlice<SourcePath.Step>, from node: Int, _ found: inout Int?) {
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

    private func walk(_ steps: ArraySlice<SourcePath.Step>, from node: Int, fanIndex: Int, fanned: Bool, _ body: (Int, Int) -> Void) {
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
        case .select(let key, let value):
            guard kind(node) == .array else { return nil }
            var match: Int?
            forEachElement(node) { element in
                guard match == nil, kind(element) == .object,
                      let candidate = key.withUnsafeBytes({ member(element, keyBytes: $0) }),
                      kind(candidate) == .string, string(candidate) == value else { return }
                match = element
            }
            return match
        case .each:
            return nil
        }
    }
}
