/// The effective redaction set of a table set: which keys, value shapes and JSON-text paths hold
/// secrets, and which placeholders stand in for them. Built from every table's `@redact…` lines,
/// less the `@unredact` ones; applied by ``RecordRedactor`` to each record before any rule reads it.
struct RedactionPolicy: Sendable {
    /// A `@redact` key entry: its name as written (the marker's text) and its key normalized.
    struct KeyEntry: Sendable {
        var name: String
        var normalized: [UInt8]
        var reason: String
    }

    private(set) var keys: [KeyEntry] = []
    private(set) var shapes: [(shape: RedactionShape, reason: String)] = []
    /// Paths of strings holding JSON text, as member names' bytes (compared without case).
    private(set) var jsonTextPaths: [[[UInt8]]] = []
    private(set) var placeholders: Set<[UInt8]> = []
    /// `@unredact` lines, for the linter's warnings.
    private(set) var removals: [RedactionSyntax.Entry] = []
    /// Names of the entries an `@unredact` took out.
    private(set) var removedNames: Set<String> = []
    /// `@redact` and `@redact_value` lines with no comment giving their reason.
    private(set) var entriesWithoutReason: [RedactionSyntax.Entry] = []
    /// Open-addressed slots: the normalized key's hash, and its entry's index + 1 (0 = empty).
    private var slots: [(hash: UInt64, entry: Int)] = []
    private var slotMask = 0
    /// Which (first letter, last letter) pairs the keys have: most member names are ruled out by
    /// these two bytes alone, before any hashing (see `JSONDocument.keysAndJSONTexts`).
    private(set) var keyEdges: [UInt64] = Array(repeating: 0, count: 12)

    /// Nothing to do: no entry, shape or path.
    var isEmpty: Bool { keys.isEmpty && shapes.isEmpty && jsonTextPaths.isEmpty }

    /// The effective entry names, in table order (keys, then shapes).
    var entryNames: [String] { keys.map(\.name) + shapes.map(\.shape.rawValue) }

    init() {}

    init(_ files: [MappingFileSyntax]) {
        var syntax = RedactionSyntax()
        for file in files { syntax.append(contentsOf: file.redaction) }
        let removed = Set(syntax.removals.map { Self.normalize(Array($0.name.utf8)) })
        removals = syntax.removals
        entriesWithoutReason = (syntax.keys + syntax.shapes).filter { $0.reason.isEmpty }
        for entry in syntax.keys + syntax.shapes where removed.contains(Self.normalize(Array(entry.name.utf8))) {
            removedNames.formUnion(
                syntax.removals.filter { Self.normalize(Array($0.name.utf8)) == Self.normalize(Array(entry.name.utf8)) }
                    .map(\.name))
        }
        var seen: Set<[UInt8]> = []
        for entry in syntax.keys {
            let normalized = Self.normalize(Array(entry.name.utf8))
            guard !removed.contains(normalized), seen.insert(normalized).inserted else { continue }
            keys.append(KeyEntry(name: entry.name, normalized: normalized, reason: entry.reason))
        }
        for entry in syntax.shapes {
            guard let shape = RedactionShape(rawValue: entry.name),
                !removed.contains(Self.normalize(Array(entry.name.utf8))),
                !shapes.contains(where: { $0.shape == shape })
            else { continue }
            shapes.append((shape, entry.reason))
        }
        jsonTextPaths = syntax.jsonTextPaths.map { $0.name.split(separator: ".").map { Array($0.utf8) } }
        placeholders = Set(syntax.placeholders.map { Array($0.utf8) })
        var capacity = 16
        while capacity < keys.count * 4 { capacity *= 2 }
        slots = Array(repeating: (0, 0), count: capacity)
        slotMask = capacity - 1
        for key in keys {
            guard let first = key.normalized.first, let last = key.normalized.last else { continue }
            let bit = JSONDocument.edgeClass(first) * 27 + JSONDocument.edgeClass(last)
            keyEdges[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        for (index, key) in keys.enumerated() {
            var slot = Int(truncatingIfNeeded: Self.hash(key.normalized)) & slotMask
            while slots[slot].entry != 0 { slot = (slot + 1) & slotMask }
            slots[slot] = (Self.hash(key.normalized), index + 1)
        }
    }

    /// The key entry a member name falls under, if any: `raw` compared without case, `_` or `-`.
    @inline(__always)
    func keyEntry(raw: UnsafeRawBufferPointer) -> Int? {
        // One pass hashes the normalized name; only a hash hit compares the bytes.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in raw where byte != UInt8(ascii: "_") && byte != UInt8(ascii: "-") {
            hash = (hash ^ UInt64(Self.lower(byte))) &* 0x100_0000_01b3
        }
        var slot = Int(truncatingIfNeeded: hash) & slotMask
        while true {
            let candidate = slots[slot]
            if candidate.entry == 0 { return nil }
            if candidate.hash == hash, Self.normalize(Array(raw)) == keys[candidate.entry - 1].normalized {
                return candidate.entry - 1
            }
            slot = (slot + 1) & slotMask
        }
    }

    /// True for a value AWS writes in place of a secret, which passes through.
    func isPlaceholder(_ value: [UInt8]) -> Bool { placeholders.contains(value) }

    static func normalize(_ name: [UInt8]) -> [UInt8] {
        name.compactMap { $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") ? nil : lower($0) }
    }

    @inline(__always)
    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    private static func hash(_ normalized: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in normalized { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}
