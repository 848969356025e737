/// A compiled log-field path: `userIdentity.arn`, `resources.0.ARN`, `resources[*].ARN`,
/// `insightDetails.insightContext.attributions[attribute=userAgent].insight.0.value`.
///
/// A final class: rules and conditions hold one reference instead of copying its steps.
final class SourcePath: Sendable, Hashable, CustomStringConvertible {
    /// One step down the JSON tree.
    enum Step: Sendable, Hashable {
        /// An object member; on an array, a numeric key is read as an element index instead.
        /// `alternate` is the same key with its first letter's case flipped, for tables that read
        /// both lowerCamelCase and PascalCase records (`@keys first_letter_any_case`).
        case key([UInt8], index: Int?, alternate: [UInt8]? = nil)
        /// Every element of an array (fan-out): the rule fires once per element.
        case each
        /// The first element of an array whose member `key` (or `alternate`, see `key`) has the text `value`.
        case select(key: [UInt8], value: String, alternate: [UInt8]? = nil)
    }

    let steps: [Step]
    let text: String
    /// The interned node of the longest prefix without `[*]`, so a record resolves each distinct
    /// prefix once however many rules and conditions read it (nil for paths made outside a table).
    let prefix: PathPrefix?
    /// How many leading steps `prefix` covers.
    let prefixLength: Int

    var description: String { text }
    /// True when the path fans out over an array (`[*]`).
    var fansOut: Bool { steps.contains(.each) }

    /// How member names are matched.
    enum KeyCase: Sendable {
        case exact
        /// `service` also matches `Service` (AWS CLI / boto3 output is PascalCase).
        case firstLetterAnyCase
    }

    /// Parses the path syntax; `location` and `column` place errors. Paths compiled for one
    /// `MappingSet` share `interner`, which numbers their prefixes for per-record memoization.
    init(_ text: String, location: TableLocation, column: Int, keyCase: KeyCase = .exact, interner: PathInterner? = nil) throws(MappingError) {
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
                    steps.append(.select(key: Array(key.utf8), value: value, alternate: alternate(key)))
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
        let plain = steps.prefix { $0 != .each }
        prefixLength = plain.count
        prefix = interner.flatMap { $0.intern(Array(plain)) }
    }

    static func == (a: SourcePath, b: SourcePath) -> Bool { a.steps == b.steps }
    func hash(into hasher: inout Hasher) { hasher.combine(steps) }

    /// The path with array steps folded to `[*]`, used to group coverage by field.
    var isPlainKeyChain: Bool {
        steps.allSatisfy { if case .key(_, nil, _) = $0 { return true } else { return false } }
    }
}

/// One interned path prefix: a step below its parent prefix (or below the record's root).
final class PathPrefix: Sendable {
    let id: Int
    let parent: PathPrefix?
    let step: SourcePath.Step
    let owner: ObjectIdentifier

    init(id: Int, parent: PathPrefix?, step: SourcePath.Step, owner: ObjectIdentifier) {
        self.id = id
        self.parent = parent
        self.step = step
        self.owner = owner
    }
}

/// Numbers the distinct path prefixes of one compiled table set. Used only while compiling.
final class PathInterner {
    private struct Key: Hashable {
        var parent: Int
        var step: SourcePath.Step
    }

    private var table: [Key: PathPrefix] = [:]
    private(set) var count = 0

    func intern(_ steps: [SourcePath.Step]) -> PathPrefix? {
        var node: PathPrefix?
        for step in steps {
            let key = Key(parent: node?.id ?? -1, step: step)
            if let existing = table[key] {
                node = existing
            } else {
                let created = PathPrefix(id: count, parent: node, step: step, owner: ObjectIdentifier(self))
                count += 1
                table[key] = created
                node = created
            }
        }
        return node
    }
}

/// Resolves source paths on one record, remembering each prefix it resolved. One per record;
/// not shared between threads.
final class PathResolver {
    let document: JSONDocument
    let root: Int
    private let owner: ObjectIdentifier?
    /// Resolved node per prefix id. A raw buffer rather than an array: a class's array property
    /// pays a dynamic exclusivity check on every access, and this is read hundreds of times a record.
    private let memo: UnsafeMutableBufferPointer<Int32>

    private static let unknown: Int32 = -2
    private static let absent: Int32 = -1

    init(document: JSONDocument, root: Int, mappings: MappingSet) {
        self.document = document
        self.root = root
        self.owner = mappings.pathOwner
        self.memo = .allocate(capacity: mappings.pathPrefixCount)
        memo.initialize(repeating: Self.unknown)
    }

    init(document: JSONDocument, root: Int) {
        self.document = document
        self.root = root
        self.owner = nil
        self.memo = .allocate(capacity: 0)
    }

    deinit {
        memo.deallocate()
    }

    private func resolve(_ prefix: PathPrefix) -> Int? {
        let known = memo[prefix.id]
        if known != Self.unknown { return known == Self.absent ? nil : Int(known) }
        var result: Int?
        if let parent = prefix.parent {
            result = resolve(parent).flatMap { document.child(of: $0, prefix.step) }
        } else {
            result = document.child(of: root, prefix.step)
        }
        memo[prefix.id] = result.map { Int32($0) } ?? Self.absent
        return result
    }

    /// Where the walk starts: the memoized prefix node, or the root with no steps taken.
    private func start(_ path: SourcePath) -> (node: Int, taken: Int)? {
        if let prefix = path.prefix, prefix.owner == owner {
            guard let node = resolve(prefix) else { return nil }
            return (node, path.prefixLength)
        }
        return (root, 0)
    }

    /// The single value of a path (the first one, for a path with `[*]`).
    func value(of path: SourcePath) -> Int? {
        guard let (node, taken) = start(path) else { return nil }
        if taken == path.steps.count { return node }
        var found: Int?
        document.walkFirst(path.steps[taken...], from: node, &found)
        return found
    }

    /// Every value of a path with its fan-out index.
    func forEachValue(of path: SourcePath, _ body: (Int, Int) -> Void) {
        guard let (node, taken) = start(path) else { return }
        document.walk(path.steps[taken...], from: node, fanIndex: 0, fanned: false, body)
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

    func walk(_ steps: ArraySlice<SourcePath.Step>, from node: Int, fanIndex: Int, fanned: Bool, _ body: (Int, Int) -> Void) {
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
                      kind(candidate) == .string, string(candidate) == value else { return }
                match = element
            }
            return match
        case .each:
            return nil
        }
    }
}
