/// The kind of a JSON value on the tape.
enum JSONKind: UInt8, Sendable {
    case object, array, string, number, `true`, `false`, null
}

/// One node of the tape.
///
/// The tape is a pre-order flattening of the value tree: a container node is immediately followed by its
/// children (objects store key, value, key, value, ...), and `next` lets a reader jump over a whole subtree
/// without looking at it. Nodes hold offsets into ``JSONDocument/bytes`` instead of decoded values so that
/// parsing never allocates per node; decoding is deferred to the few values a caller actually reads.
struct JSONNode: Sendable {
    /// What this node is.
    var kind: JSONKind
    /// String facts found while scanning (see the flag constants below); 0 for non-strings.
    var flags: UInt8
    /// Strings: first byte after the opening quote. Numbers/literals: first byte. Containers: offset of `{` / `[`.
    var start: UInt32
    /// Strings: offset of the closing quote. Others: one past the last byte (containers: one past `}` / `]`).
    var end: UInt32
    /// Index of the first node after this node's subtree.
    var next: UInt32
    /// Objects: number of members (pairs). Arrays: number of elements. Otherwise 0.
    var count: UInt32

    /// The string contains at least one backslash escape, so its raw bytes differ from its value.
    static let hasEscapes: UInt8 = 0x01
    /// The string contains at least one byte >= 0x80.
    static let hasNonASCII: UInt8 = 0x02
    /// The string contains invalid UTF-8 or a lone-surrogate `\u` escape; decoding substitutes U+FFFD.
    static let needsRepair: UInt8 = 0x04
    /// The string node is an object key (not a value). Lets ``JSONDocument/leafCount(_:)`` be a linear scan.
    static let isKey: UInt8 = 0x08
}

/// A parsed JSON value: the caller's bytes plus a flat tape of ``JSONNode``s indexing into them.
///
/// Node handles are plain `Int` indices into ``nodes``; ``root`` is always 0. The API never allocates
/// for navigation or key comparison of unescaped keys, which is the common case in log records.
///
/// **Duplicate keys**: RFC 8259 leaves their meaning open. This type follows the behaviour of most
/// mainstream parsers (JavaScript's `JSON.parse`, Python's `json`): the *last* occurrence wins in
/// ``member(_:_:)``; ``forEachMember(_:_:)`` still reports every occurrence in document order.
struct JSONDocument: Sendable {
    /// The record's bytes, exactly as handed to the parser (a leading BOM is still present).
    let bytes: [UInt8]
    /// The tape; see ``JSONNode``. Private: readers use the accessors below, so the tape's layout
    /// and flags can change without touching the engine.
    private let nodes: [JSONNode]

    /// A document over `bytes` with the tape the parser built for them.
    init(bytes: [UInt8], nodes: [JSONNode]) {
        self.bytes = bytes
        self.nodes = nodes
    }

    /// The tape itself, for the parser's tests and the fuzzer, which check its layout.
    var tape: [JSONNode] { nodes }

    /// The index of the top-level value.
    var root: Int { 0 }

    /// The kind of `node`.
    @inline(__always)
    func kind(_ node: Int) -> JSONKind { nodes[node].kind }

    /// Number of nodes on the tape.
    var nodeCount: Int { nodes.count }

    /// True for a node whose raw bytes are its value: a string without escapes or invalid UTF-8
    /// (and every non-string node).
    @inline(__always)
    func isVerbatim(_ node: Int) -> Bool { nodes[node].flags & (JSONNode.hasEscapes | JSONNode.needsRepair) == 0 }

    /// True for a string with invalid UTF-8 or a lone surrogate, which decoding replaces with U+FFFD.
    @inline(__always)
    func needsRepair(_ node: Int) -> Bool { nodes[node].flags & JSONNode.needsRepair != 0 }

    /// True for a string with a byte of 0x80 or above.
    @inline(__always)
    func hasNonASCII(_ node: Int) -> Bool { nodes[node].flags & JSONNode.hasNonASCII != 0 }

    /// The range of `bytes` a node spans (a string's without its quotes).
    @inline(__always)
    func rawRange(_ node: Int) -> Range<Int> { Int(nodes[node].start)..<Int(nodes[node].end) }

    /// Calls `body` with each member of `object`: its key's UTF-8 (the raw bytes of a verbatim key,
    /// the decoded text otherwise) and its value node, in document order.
    func forEachMemberKey(_ object: Int, _ body: (UnsafeRawBufferPointer, Int) -> Void) {
        nodes.withUnsafeBufferPointer { tape in
            bytes.withUnsafeBytes { raw in
                var member = object + 1
                for _ in 0..<Int(tape[object].count) {
                    let key = tape[member]
                    if key.flags & (JSONNode.hasEscapes | JSONNode.needsRepair) == 0 {
                        body(UnsafeRawBufferPointer(rebasing: raw[Int(key.start)..<Int(key.end)]), member + 1)
                    } else {
                        var decoded = string(member)
                        decoded.withUTF8 { body(UnsafeRawBufferPointer($0), member + 1) }
                    }
                    member = Int(tape[member + 1].next)
                }
            }
        }
    }

    /// The object keys below `node` that `keyEdges` may want, and the string values that look like
    /// JSON text (`{…}` or `[…]`), in document order, found in one pass over the tape.
    ///
    /// `keyEdges` is a bit table: bit `first * 27 + last` is set when a key whose first and last raw
    /// bytes fall in those classes (``edgeClass(_:)``) may be wanted. A key with escapes, or starting
    /// or ending with `_` or `-`, is always returned (its spelling differs from its raw bytes).
    func keysAndJSONTexts(below node: Int, keyEdges: UnsafeBufferPointer<UInt64>) -> (keys: [Int], texts: [Int]) {
        var keys: [Int] = []
        var texts: [Int] = []
        nodes.withUnsafeBufferPointer { tape in
            bytes.withUnsafeBufferPointer { raw in
                let end = Int(tape[node].next)
                for index in (node + 1)..<max(node + 1, end) {
                    let info = tape[index]
                    guard info.kind == .string, info.end > info.start else { continue }
                    let first = raw[Int(info.start)]
                    let last = raw[Int(info.end) - 1]
                    if info.flags & JSONNode.isKey != 0 {
                        let head = Self.edgeClass(first)
                        let tail = Self.edgeClass(last)
                        let bit = head * 27 + tail
                        if head > 26 || tail > 26 || info.flags & JSONNode.hasEscapes != 0
                            || keyEdges[bit >> 6] & (1 << UInt64(bit & 63)) != 0
                        {
                            keys.append(index)
                        }
                    } else if (first == UInt8(ascii: "{") && last == UInt8(ascii: "}"))
                        || (first == UInt8(ascii: "[") && last == UInt8(ascii: "]"))
                    {
                        texts.append(index)
                    }
                }
            }
        }
        return (keys, texts)
    }

    /// A key byte's class for ``keysAndJSONTexts(below:keyEdges:)``: letters 0–25 whatever their
    /// case, other bytes 26, `_` and `-` 27 (a separator the comparison ignores).
    @inline(__always)
    static func edgeClass(_ byte: UInt8) -> Int {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(byte &- UInt8(ascii: "a"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(byte &- UInt8(ascii: "A"))
        case UInt8(ascii: "_"), UInt8(ascii: "-"): return 27
        default: return 26
        }
    }

    /// The string value node (not a key) below or at `node` whose raw bytes hold the byte at `offset`.
    func stringValue(containing offset: Int, below node: Int) -> Int? {
        for index in node..<Int(nodes[node].next) {
            let info = nodes[index]
            if info.kind == .string, info.flags & JSONNode.isKey == 0, Int(info.start) <= offset, offset < Int(info.end)
            {
                return index
            }
        }
        return nil
    }

    /// True for a string with a backslash escape.
    @inline(__always)
    func hasEscapes(_ node: Int) -> Bool { nodes[node].flags & JSONNode.hasEscapes != 0 }

    /// True for a string node that is an object key.
    @inline(__always)
    func isKey(_ node: Int) -> Bool { nodes[node].flags & JSONNode.isKey != 0 }

    /// The number of raw bytes of a node (a string's without its quotes).
    @inline(__always)
    func rawCount(_ node: Int) -> Int { Int(nodes[node].end) - Int(nodes[node].start) }

    /// The first node after `node`'s subtree (its next sibling, when it has one).
    @inline(__always)
    func subtreeEnd(_ node: Int) -> Int { Int(nodes[node].next) }

    /// Members of an object or elements of an array; 0 for anything else.
    @inline(__always)
    func count(_ node: Int) -> Int { Int(nodes[node].count) }

    // MARK: - Object access

    /// Value node of `key` in object `object`, or nil (also nil when `object` is not an object).
    /// Duplicate keys: the last occurrence wins.
    func member(_ object: Int, _ key: String) -> Int? {
        var key = key
        return key.withUTF8 { member(object, keyBytes: UnsafeRawBufferPointer($0)) }
    }

    /// Value node of the key whose decoded UTF-8 equals `keyBytes`, or nil. Duplicate keys: the last
    /// occurrence wins, so the whole object is always scanned.
    func member(_ object: Int, keyBytes: UnsafeRawBufferPointer) -> Int? {
        nodes.withUnsafeBufferPointer { tape in
            guard tape[object].kind == .object else { return nil }
            return bytes.withUnsafeBytes { raw in
                let keyCount = keyBytes.count
                var found: Int?
                var index = object + 1
                for _ in 0..<Int(tape[object].count) {
                    let key = tape[index]
                    if key.flags & (JSONNode.hasEscapes | JSONNode.needsRepair) == 0 {
                        // Hot path, inlined: unescaped keys compare as raw bytes, length first.
                        if Int(key.end &- key.start) == keyCount,
                            JSONDocument.bytesEqual(raw, Int(key.start), keyBytes, keyCount)
                        {
                            found = index + 1
                        }
                    } else if keyEquals(index, keyBytes) {
                        found = index + 1
                    }
                    index = Int(tape[index + 1].next)
                }
                return found
            }
        }
    }

    /// Compares `count` bytes of `raw` starting at `start` with the first `count` bytes of `other`.
    @inline(__always)
    private static func bytesEqual(
        _ raw: UnsafeRawBufferPointer, _ start: Int, _ other: UnsafeRawBufferPointer, _ count: Int
    ) -> Bool {
        guard count > 0, let base = raw.baseAddress, let otherBase = other.baseAddress else { return true }
        var offset = 0
        // Eight bytes at a time; keys are typically 5-30 bytes long.
        while offset + 8 <= count {
            if base.loadUnaligned(fromByteOffset: start + offset, as: UInt64.self)
                != otherBase.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            {
                return false
            }
            offset += 8
        }
        while offset < count {
            if base.load(fromByteOffset: start + offset, as: UInt8.self)
                != otherBase.load(fromByteOffset: offset, as: UInt8.self)
            {
                return false
            }
            offset += 1
        }
        return true
    }

    /// Calls `body(keyNode, valueNode)` for every member in document order, duplicates included.
    /// Does nothing when `object` is not an object.
    func forEachMember(_ object: Int, _ body: (Int, Int) throws -> Void) rethrows {
        guard nodes[object].kind == .object else { return }
        let memberCount = Int(nodes[object].count)
        var index = object + 1
        for _ in 0..<memberCount {
            try body(index, index + 1)
            index = Int(nodes[index + 1].next)
        }
    }

    /// True when the decoded value of string node `keyNode` equals the UTF-8 bytes `key`.
    func keyEquals(_ keyNode: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        let node = nodes[keyNode]
        guard node.kind == .string else { return false }
        let start = Int(node.start)
        let length = Int(node.end) - start
        if node.flags & (JSONNode.hasEscapes | JSONNode.needsRepair) == 0 {
            guard length == key.count else { return false }
            return bytes.withUnsafeBytes { JSONDocument.bytesEqual($0, start, key, length) }
        }
        if node.flags & JSONNode.needsRepair != 0 {
            // Rare: the repaired value must match Swift's own U+FFFD substitution exactly, so reuse it.
            return string(keyNode).utf8.elementsEqual(key)
        }
        // Escapes only: decoding never grows the text, so a stack buffer of the raw length suffices.
        guard key.count <= length else { return false }
        return bytes.withUnsafeBufferPointer { source in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(length, 1)) { scratch in
                let decodedCount = JSONDocument.decodeString(source, from: start, to: start + length, into: scratch)
                guard decodedCount == key.count else { return false }
                for offset in 0..<decodedCount where scratch[offset] != key[offset] { return false }
                return true
            }
        }
    }

    // MARK: - Array access

    /// Calls `body(elementNode)` for every element in order. Does nothing when `array` is not an array.
    func forEachElement(_ array: Int, _ body: (Int) throws -> Void) rethrows {
        guard nodes[array].kind == .array else { return }
        let elementCount = Int(nodes[array].count)
        var index = array + 1
        for _ in 0..<elementCount {
            try body(index)
            index = Int(nodes[index].next)
        }
    }

    /// The `index`-th element of `array`, or nil when out of range or not an array. O(index): it hops
    /// over preceding siblings with `next`.
    func element(_ array: Int, at index: Int) -> Int? {
        guard nodes[array].kind == .array, index >= 0, index < Int(nodes[array].count) else { return nil }
        var current = array + 1
        for _ in 0..<index { current = Int(nodes[current].next) }
        return current
    }

    // MARK: - Values

    /// Decoded string value: escapes resolved, invalid UTF-8 and lone surrogates replaced by U+FFFD.
    /// For a non-string node this returns ``rawText(_:)``, which is what a caller stringifying a scalar wants.
    func string(_ node: Int) -> String {
        let info = nodes[node]
        let start = Int(info.start)
        let end = Int(info.end)
        guard info.kind == .string, info.flags & JSONNode.hasEscapes != 0 else {
            // No escapes: the raw bytes are the value; String(decoding:) does the U+FFFD repair itself.
            return bytes.withUnsafeBufferPointer {
                String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self)
            }
        }
        return bytes.withUnsafeBufferPointer { source in
            // Decoded text is never longer than the escaped text; the initializer repairs invalid UTF-8.
            String(unsafeUninitializedCapacity: max(end - start, 1)) { destination in
                JSONDocument.decodeString(source, from: start, to: end, into: destination)
            }
        }
    }

    /// The raw source text of any node: strings without quotes, numbers as written, containers with brackets.
    func rawText(_ node: Int) -> String {
        withRawBytes(node) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the node's raw source bytes (the same range as ``rawText(_:)``).
    func withRawBytes<R>(_ node: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let info = nodes[node]
        let range = Int(info.start)..<Int(info.end)
        return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[range])) }
    }

    /// True when the node is the empty string `""`.
    func isEmptyString(_ node: Int) -> Bool {
        let info = nodes[node]
        return info.kind == .string && info.start == info.end
    }

    /// Number of leaf values (strings, numbers, booleans, null) in the subtree rooted at `node`,
    /// not counting object keys.
    func leafCount(_ node: Int) -> Int {
        let end = Int(nodes[node].next)
        var leaves = 0
        for index in node..<end {
            let info = nodes[index]
            switch info.kind {
            case .object, .array: continue
            case .string where info.flags & JSONNode.isKey != 0: continue
            default: leaves += 1
            }
        }
        return leaves
    }

    /// The number node's value as an exact `Int64` (see ``JSONNumber/int64(_:)``); nil for non-numbers.
    func int64(_ node: Int) -> Int64? {
        guard nodes[node].kind == .number else { return nil }
        return withRawBytes(node) { JSONNumber.int64(utf8: $0) }
    }

    /// The number node's value as a finite `Double` (see ``JSONNumber/double(_:)``); nil for non-numbers.
    func double(_ node: Int) -> Double? {
        guard nodes[node].kind == .number else { return nil }
        return withRawBytes(node) { JSONNumber.double(utf8: $0) }
    }

    // MARK: - Decoding

    /// Decodes the string body `source[from..<to]` (already validated by the parser) into `destination`
    /// and returns the number of bytes written.
    ///
    /// Raw bytes are copied unchanged (the caller's `String` initializer repairs invalid UTF-8); a lone
    /// surrogate escape becomes U+FFFD. `destination` must hold at least `to - from` bytes: every escape
    /// is at least as long as its UTF-8 encoding.
    static func decodeString(
        _ source: UnsafeBufferPointer<UInt8>, from: Int, to: Int, into destination: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        var read = from
        var written = 0
        while read < to {
            let byte = source[read]
            if byte != UInt8(ascii: "\\") {
                destination[written] = byte
                written += 1
                read += 1
                continue
            }
            let escaped = source[read + 1]
            read += 2
            switch escaped {
            case UInt8(ascii: "b"): destination[written] = 0x08
            case UInt8(ascii: "f"): destination[written] = 0x0C
            case UInt8(ascii: "n"): destination[written] = 0x0A
            case UInt8(ascii: "r"): destination[written] = 0x0D
            case UInt8(ascii: "t"): destination[written] = 0x09
            case UInt8(ascii: "u"):
                let scalar = decodeUnicodeEscape(source, at: &read, end: to)
                written += encodeUTF8(scalar, into: destination, at: written)
                continue
            default: destination[written] = escaped  // \" \\ \/
            }
            written += 1
        }
        return written
    }

    /// Decodes the `XXXX` of a `\uXXXX` escape starting at `read` (just past the `u`), joining a
    /// following low-surrogate escape into one scalar. Advances `read`. Lone surrogates give U+FFFD.
    @inline(__always)
    static func decodeUnicodeEscape(_ source: UnsafeBufferPointer<UInt8>, at read: inout Int, end: Int) -> UInt32 {
        let unit = hex4(source, read)
        read += 4
        switch unit {
        case 0xD800...0xDBFF:
            if read + 6 <= end, source[read] == UInt8(ascii: "\\"), source[read + 1] == UInt8(ascii: "u") {
                let low = hex4(source, read + 2)
                if (0xDC00...0xDFFF).contains(low) {
                    read += 6
                    return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                }
            }
            return 0xFFFD
        case 0xDC00...0xDFFF:
            return 0xFFFD
        default:
            return unit
        }
    }

    /// Value of the four hex digits at `offset`, or a value > 0xFFFF if any is not a hex digit.
    @inline(__always)
    static func hex4(_ source: UnsafeBufferPointer<UInt8>, _ offset: Int) -> UInt32 {
        hexDigit(source[offset]) << 12 | hexDigit(source[offset + 1]) << 8
            | hexDigit(source[offset + 2]) << 4 | hexDigit(source[offset + 3])
    }

    /// Value of one hex digit, or 0x10000 (which poisons any `hex4` result) when `byte` is not one.
    @inline(__always)
    static func hexDigit(_ byte: UInt8) -> UInt32 {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte &- UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte &- UInt8(ascii: "a") &+ 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte &- UInt8(ascii: "A") &+ 10)
        default: return 0x10000
        }
    }

    /// Writes the UTF-8 encoding of a (non-surrogate) scalar at `offset` and returns its length.
    @inline(__always)
    static func encodeUTF8(_ scalar: UInt32, into destination: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int
    {
        switch scalar {
        case 0..<0x80:
            destination[offset] = UInt8(scalar)
            return 1
        case 0x80..<0x800:
            destination[offset] = UInt8(0xC0 | scalar >> 6)
            destination[offset + 1] = UInt8(0x80 | scalar & 0x3F)
            return 2
        case 0x800..<0x10000:
            destination[offset] = UInt8(0xE0 | scalar >> 12)
            destination[offset + 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
            destination[offset + 2] = UInt8(0x80 | scalar & 0x3F)
            return 3
        default:
            destination[offset] = UInt8(0xF0 | scalar >> 18)
            destination[offset + 1] = UInt8(0x80 | scalar >> 12 & 0x3F)
            destination[offset + 2] = UInt8(0x80 | scalar >> 6 & 0x3F)
            destination[offset + 3] = UInt8(0x80 | scalar & 0x3F)
            return 4
        }
    }
}
