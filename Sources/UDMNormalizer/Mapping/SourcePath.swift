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
        func alternate(_ name: ArraySlice<UInt8>) -> [UInt8]? {
            guard keyCase == .firstLetterAnyCase, let first = name.first else { return nil }
            // An ASCII letter flips with one bit; only a key starting with another letter is decoded.
            if first < 0x80 {
                guard (first | 0x20) >= UInt8(ascii: "a"), (first | 0x20) <= UInt8(ascii: "z") else { return nil }
                var flipped = Array(name)
                flipped[0] = first ^ 0x20
                return flipped
            }
            let text = String(decoding: name, as: UTF8.self)
            guard let letter = text.first, letter.isLetter else { return nil }
            let flipped = letter.isUppercase ? letter.lowercased() : letter.uppercased()
            return Array((flipped + text.dropFirst()).utf8)
        }
        func flushSegment() throws(MappingError) {
            guard index > segmentStart else { throw fail("empty path segment") }
            let segment = bytes[segmentStart..<index]
            steps.append(
                .key(
                    Array(segment), index: Self.elementIndex(segment),
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
                    steps.append(
                        .select(key: Array(key.utf8), value: value, alternate: alternate(Array(key.utf8)[...])))
                } else if inside.hasPrefix("\""), inside.hasSuffix("\""), inside.count >= 2 {
                    let name = String(inside.dropFirst().dropLast())
                    steps.append(.key(Array(name.utf8), index: nil, alternate: alternate(Array(name.utf8)[...])))
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

    /// The array index a key segment also stands for, as `Int(text)` reads it (an optional sign,
    /// then decimal digits), when that is not negative; nil for other keys. On bytes: every segment
    /// of every path is read at start-up.
    static func elementIndex(_ segment: ArraySlice<UInt8>) -> Int? {
        var digits = segment
        var negative = false
        if let sign = digits.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (times10, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = times10.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            guard !overflowA, !overflowB else { return nil }
            value = sum
        }
        return negative && value != 0 ? nil : value
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

        /// A key's bytes go to the hasher as one buffer: the synthesized hash feeds it one byte at
        /// a time, and every step of every path is interned at start-up.
        func hash(into hasher: inout Hasher) {
            hasher.combine(parent)
            switch step {
            case .key(let key, _, _): key.withUnsafeBytes { hasher.combine(bytes: $0) }
            case .each: hasher.combine(-1)
            case .select(let key, let value, _):
                key.withUnsafeBytes { hasher.combine(bytes: $0) }
                hasher.combine(value)
            }
        }
    }

    /// Sized for the built-in tables' few thousand prefixes, so that interning them never rehashes.
    private var table = [Key: PathPrefix](minimumCapacity: 4096)
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
