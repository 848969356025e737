#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
    /// `prefix`'s number, -1 without one; with `prefixOwner`, what the resolver's fast path reads.
    let prefixID: Int
    let prefixOwner: ObjectIdentifier?
    /// True when `prefix` is the whole path: its value is one memo lookup away.
    var isWholePrefix: Bool { prefixID >= 0 && prefixLength == steps.count }

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
    init(_ text: String, location: TableLocation, column: Int, keyCase: KeyCase = .exact, interner: PathInterner? = nil)
        throws(MappingError)
    {
        self.text = text
        var steps: [Step] = []
        // UTF-8 bytes, not Characters: paths are compiled at every start-up, and the syntax is ASCII
        // (a key may be any text; its bytes are kept as they are).
        let bytes = Array(text.utf8)
        var segmentStart = 0
        var index = 0
        func fail(_ message: String) -> MappingError { location.error("in path '\(text)': \(message)", column: column) }
        func alternate(_ name: String) -> [UInt8]? {
            guard keyCase == .firstLetterAnyCase, let first = name.first, first.isLetter else { return nil }
            let flipped = first.isUppercase ? first.lowercased() : first.uppercased()
            return Array((flipped + name.dropFirst()).utf8)
        }
        func flushSegment() throws(MappingError) {
            guard index > segmentStart else { throw fail("empty path segment") }
            let segment = String(decoding: bytes[segmentStart..<index], as: UTF8.self)
            steps.append(
                .key(
                    Array(bytes[segmentStart..<index]), index: Int(segment).flatMap { $0 >= 0 ? $0 : nil },
                    alternate: alternate(segment)))
        }
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "."):
                if index > segmentStart {
                    try flushSegment()
                } else if steps.isEmpty {
                    throw fail("empty path segment")
                }
                index += 1
                segmentStart = index
                guard index < bytes.count else { throw fail("path ends with '.'") }
            case UInt8(ascii: "["):
                if index > segmentStart { try flushSegment() }
                guard let close = bytes[index...].firstIndex(of: UInt8(ascii: "]")) else { throw fail("unclosed '['") }
                let inside = String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
                index = close + 1
                segmentStart = index
                if inside == "*" {
                    steps.append(.each)
                } else if let element = Int(inside), element >= 0 {
                    steps.append(.key(Array(inside.utf8), index: element))
                } else if let eq = inside.firstIndex(of: "=") {
                    let key = String(inside[inside.startIndex..<eq])
                    var value = String(inside[inside.index(after: eq)...])
                    if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                        value = String(value.dropFirst().dropLast())
                    }
                    guard !key.isEmpty else { throw fail("'[key=value]' needs a key") }
                    steps.append(.select(key: Array(key.utf8), value: value, alternate: alternate(key)))
                } else if inside.hasPrefix("\""), inside.hasSuffix("\""), inside.count >= 2 {
                    let name = String(inside.dropFirst().dropLast())
                    steps.append(.key(Array(name.utf8), index: nil, alternate: alternate(name)))
                } else {
                    throw fail("'[\(inside)]' is not '[*]', '[N]', '[\"key\"]' or '[key=value]'")
                }
            default:
                index += 1
            }
        }
        if index > segmentStart { try flushSegment() }
        guard !steps.isEmpty else { throw fail("empty path") }
        self.steps = steps
        let plain = steps.prefix { $0 != .each }
        prefixLength = plain.count
        prefix = interner.flatMap { $0.intern(Array(plain)) }
        prefixID = prefix?.id ?? -1
        prefixOwner = prefix?.owner
    }

    /// The compiled path for `text`, shared with every earlier use of the same text in tables
    /// compiled with `interner`.
    static func compiled(
        _ text: String, location: TableLocation, column: Int, keyCase: KeyCase = .exact, interner: PathInterner? = nil
    ) throws(MappingError) -> SourcePath {
        guard let interner else { return try SourcePath(text, location: location, column: column, keyCase: keyCase) }
        let key = keyCase == .exact ? text : "\u{1}" + text
        if let known = interner.compiledPaths[key] { return known }
        let path = try SourcePath(text, location: location, column: column, keyCase: keyCase, interner: interner)
        interner.compiledPaths[key] = path
        return path
    }

    static func == (a: SourcePath, b: SourcePath) -> Bool { a.steps == b.steps }
    func hash(into hasher: inout Hasher) { hasher.combine(steps) }
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
    /// Paths already compiled, by (text, key case): tables read the same fields in many rules and
    /// conditions, and a compiled path does not depend on where it was written.
    var compiledPaths: [String: SourcePath] = [:]
    /// Every prefix, by id.
    private(set) var prefixes: [PathPrefix] = []
    var count: Int { prefixes.count }

    func intern(_ steps: [SourcePath.Step]) -> PathPrefix? {
        var node: PathPrefix?
        for step in steps {
            let key = Key(parent: node?.id ?? -1, step: step)
            if let existing = table[key] {
                node = existing
            } else {
                let created = PathPrefix(id: count, parent: node, step: step, owner: ObjectIdentifier(self))
                prefixes.append(created)
                table[key] = created
                node = created
            }
        }
        return node
    }
}

/// The interned prefixes of one compiled table set as flat arrays, so that resolving a prefix on a
/// record reads plain memory (no class to follow or retain per step).
final class PathTable: @unchecked Sendable {
    /// Parent prefix id per prefix (-1 below the record's root).
    let parent: UnsafeMutableBufferPointer<Int32>
    /// The step below the parent, for key steps: (start, count) of the key and of its alternate
    /// spelling in `keys` (count -1: none), and the element index an array takes it as (-1: none).
    let keyStart: UnsafeMutableBufferPointer<Int32>
    let keyCount: UnsafeMutableBufferPointer<Int32>
    let alternateStart: UnsafeMutableBufferPointer<Int32>
    let alternateCount: UnsafeMutableBufferPointer<Int32>
    let index: UnsafeMutableBufferPointer<Int32>
    let keys: UnsafeMutableBufferPointer<UInt8>
    /// The steps themselves, for the rare `[key=value]` selection (keyCount -2 marks one).
    let steps: [SourcePath.Step]
    let owner: ObjectIdentifier
    /// Per parent (prefix id + 1; slot 0 is the record's root): a hash table of its key children,
    /// so that the first lookup below an object resolves every child the tables read in one pass
    /// over the object's members instead of one scan per child. `hashMask[p] < 0`: not batched
    /// (a single child, or a selection below it). Slots hold `child * 2`, or `child * 2 + 1` for
    /// the alternate spelling of a first-letter-any-case key.
    let hashBase: UnsafeMutableBufferPointer<Int32>
    let hashMask: UnsafeMutableBufferPointer<Int32>
    let hashSlots: UnsafeMutableBufferPointer<Int32>
    /// Per parent slot, its key children (for marking the ones an object lacks).
    let childStart: UnsafeMutableBufferPointer<Int32>
    let children: UnsafeMutableBufferPointer<Int32>

    /// Mixes the length with the first and last eight bytes: a few loads and multiplies per key,
    /// and JSON keys of one object rarely agree on all three.
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        let count = bytes.count
        var head: UInt64 = 0
        var tail: UInt64 = 0
        if let base = bytes.baseAddress {
            if count >= 8 {
                head = base.loadUnaligned(as: UInt64.self)
                tail = base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            } else {
                for index in 0..<count { head = head << 8 | UInt64(base.load(fromByteOffset: index, as: UInt8.self)) }
            }
        }
        let mixed = (head &* 0x9E37_79B9_7F4A_7C15) ^ (tail &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(count)
        return UInt32(truncatingIfNeeded: (mixed ^ (mixed >> 29)) &* 0xBF58_476D_1CE4_E5B9 >> 32)
    }

    init(_ interner: PathInterner) {
        let count = interner.count
        owner = ObjectIdentifier(interner)
        parent = .allocate(capacity: count)
        keyStart = .allocate(capacity: count)
        keyCount = .allocate(capacity: count)
        alternateStart = .allocate(capacity: count)
        alternateCount = .allocate(capacity: count)
        index = .allocate(capacity: count)
        var pool: [UInt8] = []
        var steps: [SourcePath.Step] = []
        for prefix in interner.prefixes {
            let id = prefix.id
            parent[id] = Int32(prefix.parent?.id ?? -1)
            steps.append(prefix.step)
            keyStart[id] = 0
            keyCount[id] = -2
            alternateStart[id] = 0
            alternateCount[id] = -1
            index[id] = -1
            if case .key(let key, let elementIndex, let alternate) = prefix.step {
                keyStart[id] = Int32(pool.count)
                keyCount[id] = Int32(key.count)
                pool.append(contentsOf: key)
                if let alternate {
                    alternateStart[id] = Int32(pool.count)
                    alternateCount[id] = Int32(alternate.count)
                    pool.append(contentsOf: alternate)
                }
                index[id] = Int32(elementIndex ?? -1)
            }
        }
        keys = .allocate(capacity: max(pool.count, 1))
        _ = keys.initialize(from: pool)
        self.steps = steps

        // Children per parent slot; a parent is batched when it has enough plain key children.
        var childLists = Array(repeating: [Int32](), count: count + 1)
        var batchable = Array(repeating: true, count: count + 1)
        for id in 0..<count {
            let slot = Int(parent[id]) + 1
            if keyCount[id] < 0 { batchable[slot] = false }
            childLists[slot].append(Int32(id))
        }
        hashBase = .allocate(capacity: count + 1)
        hashMask = .allocate(capacity: count + 1)
        childStart = .allocate(capacity: count + 2)
        children = .allocate(capacity: max(count, 1))
        var slots: [Int32] = []
        var childCount = 0
        for slot in 0...count {
            childStart[slot] = Int32(childCount)
            for child in childLists[slot] {
                children[childCount] = child
                childCount += 1
            }
            let list = childLists[slot]
            guard batchable[slot], list.count >= 2 else {
                hashBase[slot] = 0
                hashMask[slot] = -1
                continue
            }
            // Entries are `child * 2`, or `child * 2 + 1` for the alternate spelling of its key.
            var spellings: [(entry: Int32, start: Int, count: Int)] = []
            for child in list {
                spellings.append((child * 2, Int(keyStart[Int(child)]), Int(keyCount[Int(child)])))
                if alternateCount[Int(child)] >= 0 {
                    spellings.append((child * 2 + 1, Int(alternateStart[Int(child)]), Int(alternateCount[Int(child)])))
                }
            }
            var size = 4
            while size < spellings.count * 2 { size *= 2 }
            let base = slots.count
            slots.append(contentsOf: repeatElement(-1, count: size))
            for spelling in spellings {
                let key = UnsafeRawBufferPointer(
                    rebasing: UnsafeRawBufferPointer(keys)[spelling.start..<spelling.start + spelling.count])
                var position = Int(Self.hash(key)) & (size - 1)
                while slots[base + position] >= 0 { position = (position + 1) & (size - 1) }
                slots[base + position] = spelling.entry
            }
            hashBase[slot] = Int32(base)
            hashMask[slot] = Int32(size - 1)
        }
        childStart[count + 1] = Int32(childCount)
        hashSlots = .allocate(capacity: max(slots.count, 1))
        _ = hashSlots.initialize(from: slots)
    }

    deinit {
        for buffer in [
            parent, keyStart, keyCount, alternateStart, alternateCount, index, hashBase, hashMask, hashSlots,
            childStart, children,
        ] {
            buffer.deallocate()
        }
        keys.deallocate()
    }

    var count: Int { parent.count }
}

/// Resolves source paths on one record, remembering each prefix it resolved. One per record;
/// not shared between threads.
final class PathResolver {
    let document: JSONDocument
    let root: Int
    /// Keeps the prefix table alive; the hot path reads the copies of its buffers below, which
    /// need no reference counting.
    private let table: PathTable?
    private let owner: ObjectIdentifier?
    private let parent: UnsafeMutableBufferPointer<Int32>
    private let keyStart: UnsafeMutableBufferPointer<Int32>
    private let keyCount: UnsafeMutableBufferPointer<Int32>
    private let alternateStart: UnsafeMutableBufferPointer<Int32>
    private let alternateCount: UnsafeMutableBufferPointer<Int32>
    private let elementIndex: UnsafeMutableBufferPointer<Int32>
    private let keys: UnsafeRawBufferPointer
    private let hashBase: UnsafeMutableBufferPointer<Int32>
    private let hashMask: UnsafeMutableBufferPointer<Int32>
    private let hashSlots: UnsafeMutableBufferPointer<Int32>
    private let childStart: UnsafeMutableBufferPointer<Int32>
    private let children: UnsafeMutableBufferPointer<Int32>
    /// Resolved node per prefix id (`unknown`, `absent` or the node).
    private let memo: UnsafeMutableBufferPointer<Int32>
    private let prefixCount: Int

    private static let unknown: Int32 = -2
    private static let absent: Int32 = -1

    init(document: JSONDocument, root: Int, mappings: MappingSet) {
        let table = mappings.pathTable
        self.document = document
        self.root = root
        self.table = table
        prefixCount = table.count
        owner = table.owner
        parent = table.parent
        keyStart = table.keyStart
        keyCount = table.keyCount
        alternateStart = table.alternateStart
        alternateCount = table.alternateCount
        elementIndex = table.index
        keys = UnsafeRawBufferPointer(table.keys)
        hashBase = table.hashBase
        hashMask = table.hashMask
        hashSlots = table.hashSlots
        childStart = table.childStart
        children = table.children
        // The second half holds alternate-spelling matches while a parent's children are resolved.
        memo = .allocate(capacity: table.count * 2)
        memo.initialize(repeating: Self.unknown)
    }

    init(document: JSONDocument, root: Int) {
        self.document = document
        self.root = root
        table = nil
        prefixCount = 0
        owner = nil
        let empty = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
        parent = empty
        keyStart = empty
        keyCount = empty
        alternateStart = empty
        alternateCount = empty
        elementIndex = empty
        keys = UnsafeRawBufferPointer(start: nil, count: 0)
        hashBase = empty
        hashMask = empty
        hashSlots = empty
        childStart = empty
        children = empty
        memo = empty
    }

    deinit {
        memo.deallocate()  // a no-op for the empty buffer of a resolver without tables
    }

    /// The node of interned prefix `id`, or -1 when the record lacks it.
    func resolve(prefix id: Int) -> Int {
        let known = memo[id]
        if known != Self.unknown { return Int(known) }
        let parentID = Int(parent[id])
        let base = parentID < 0 ? root : resolve(prefix: parentID)
        if base >= 0, hashMask[parentID + 1] >= 0, document.kind(base) == .object {
            resolveChildren(of: parentID + 1, object: base)
            return Int(memo[id])
        }
        var result = -1
        if base >= 0 {
            let count = Int(keyCount[id])
            if count >= 0 {
                switch document.kind(base) {
                case .object:
                    let start = Int(keyStart[id])
                    if let found = document.member(
                        base, keyBytes: UnsafeRawBufferPointer(rebasing: keys[start..<start + count]))
                    {
                        result = found
                    } else if alternateCount[id] >= 0 {
                        let start = Int(alternateStart[id])
                        let alternate = UnsafeRawBufferPointer(rebasing: keys[start..<start + Int(alternateCount[id])])
                        result = document.member(base, keyBytes: alternate) ?? -1
                    }
                case .array:
                    let element = Int(elementIndex[id])
                    if element >= 0 { result = document.element(base, at: element) ?? -1 }
                default:
                    break
                }
            } else if let table {
                result = document.child(of: base, table.steps[id]) ?? -1
            }
        }
        memo[id] = Int32(result)
        return result
    }

    /// Resolves every key child of parent slot `slot` in one pass over `object`'s members: each
    /// member key is hashed and looked up among the children. A later duplicate key overwrites an
    /// earlier one, so the last occurrence wins, as in `JSONDocument.member`.
    private func resolveChildren(of slot: Int, object: Int) {
        let base = Int(hashBase[slot])
        let mask = Int(hashMask[slot])
        let childRange = Int(childStart[slot])..<Int(childStart[slot + 1])
        for position in childRange {
            let child = Int(children[position])
            memo[child] = Self.absent
            memo[prefixCount + child] = Self.absent
        }
        document.nodes.withUnsafeBufferPointer { tape in
            document.bytes.withUnsafeBytes { raw in
                var member = object + 1
                for _ in 0..<Int(tape[object].count) {
                    let key = tape[member]
                    if key.flags & (JSONNode.hasEscapes | JSONNode.needsRepair) == 0 {
                        let bytes = UnsafeRawBufferPointer(rebasing: raw[Int(key.start)..<Int(key.end)])
                        match(bytes, value: member + 1, base: base, mask: mask)
                    } else {
                        var decoded = document.string(member)
                        decoded.withUTF8 {
                            match(UnsafeRawBufferPointer($0), value: member + 1, base: base, mask: mask)
                        }
                    }
                    member = Int(tape[member + 1].next)
                }
            }
        }
        // The exact key wins over its alternate spelling, as in the one-child lookup.
        for position in childRange {
            let child = Int(children[position])
            if memo[child] == Self.absent { memo[child] = memo[prefixCount + child] }
        }
    }

    @inline(__always)
    private func match(_ bytes: UnsafeRawBufferPointer, value: Int, base: Int, mask: Int) {
        var position = Int(PathTable.hash(bytes)) & mask
        while true {
            let entry = Int(hashSlots[base + position])
            if entry < 0 { return }
            let child = entry >> 1
            let isAlternate = entry & 1 == 1
            let start = Int(isAlternate ? alternateStart[child] : keyStart[child])
            let count = Int(isAlternate ? alternateCount[child] : keyCount[child])
            // No early return: two prefixes may share a spelling (the same key read by an exact table
            // and by a first-letter-any-case one), and each must get the value.
            if count == bytes.count, count == 0 || memcmp(bytes.baseAddress!, keys.baseAddress! + start, count) == 0 {
                memo[isAlternate ? prefixCount + child : child] = Int32(value)
            }
            position = (position + 1) & mask
        }
    }

    /// Where the walk starts: the memoized prefix node, or the root with no steps taken.
    @inline(__always)
    private func start(_ path: SourcePath) -> (node: Int, taken: Int)? {
        if path.prefixID >= 0, path.prefixOwner == owner {
            let node = resolve(prefix: path.prefixID)
            return node < 0 ? nil : (node, path.prefixLength)
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
