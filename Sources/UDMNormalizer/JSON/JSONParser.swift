/// A strict RFC 8259 JSON parser producing a ``JSONDocument`` tape.
///
/// Design constraints, all driven by the workload (hundreds of GB of log records):
/// - iterative with an explicit stack, so hostile nesting produces an error instead of a stack overflow;
/// - no conversion of numbers and no decoding of strings while parsing, only validation — values are
///   decoded lazily by ``JSONDocument``;
/// - works on raw pointers with one up-front node reservation, so no per-node allocation.
///
/// Leniency, chosen deliberately: invalid UTF-8 *inside strings* and lone-surrogate escapes are accepted
/// and flagged with ``JSONNode/needsRepair`` (real logs contain them and dropping the record is worse than a
/// U+FFFD), while anything outside strings must be strict JSON.
struct JSONParser {
    /// Resource limits applied while parsing.
    struct Limits: Sendable {
        /// Maximum number of nested containers; the root container counts as depth 1.
        var maxDepth: Int = 1000
        /// The defaults: depth 1000.
        static let `default` = Limits()
    }

    /// Parses exactly one JSON value (whitespace around it allowed). A leading UTF-8 BOM (EF BB BF) is
    /// skipped. Anything after the value except whitespace is an error.
    ///
    /// The document keeps `bytes` itself (copy-on-write, no copy is made).
    static func parse(_ bytes: [UInt8], limits: Limits = .default) throws(JSONSyntaxError) -> JSONDocument {
        guard bytes.count < Int(UInt32.max) else {
            throw JSONSyntaxError(offset: 0, reason: "input larger than 4 GiB")
        }
        var nodes: [JSONNode] = []
        nodes.reserveCapacity(Swift.max(8, bytes.count / 8))
        let failure: JSONSyntaxError? = bytes.withUnsafeBufferPointer { buffer in
            do throws(JSONSyntaxError) {
                try parseValue(buffer, into: &nodes, maxDepth: limits.maxDepth)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
        return JSONDocument(bytes: bytes, nodes: nodes)
    }

    /// An open container whose closing bracket has not been seen yet.
    private struct Frame {
        var node: UInt32
        var count: UInt32
        var isObject: Bool
    }

    /// The state machine. `current` is the innermost open container, kept in locals because nearly every
    /// token touches it; enclosing containers live on `stack`.
    private static func parseValue(
        _ input: UnsafeBufferPointer<UInt8>, into nodes: inout [JSONNode], maxDepth: Int
    ) throws(JSONSyntaxError) {
        let end = input.count
        var position = 0
        if end >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF { position = 3 }
        position = skipWhitespace(input, position)
        guard position < end else { throw JSONSyntaxError(offset: end, reason: "empty input") }

        var stack: [Frame] = []
        var current = Frame(node: 0, count: 0, isObject: false)
        var depth = 0

        valueLoop: while true {
            // A value is expected at `position` (whitespace already skipped).
            guard position < end else { throw endOfInput(end) }
            let byte = input[position]
            switch byte {
            case UInt8(ascii: "\""):
                try scanString(input, &position, into: &nodes, flags: 0)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                try scanNumber(input, &position, into: &nodes)
            case UInt8(ascii: "t"):
                try scanLiteral(input, &position, "true", .true, into: &nodes)
            case UInt8(ascii: "f"):
                try scanLiteral(input, &position, "false", .false, into: &nodes)
            case UInt8(ascii: "n"):
                try scanLiteral(input, &position, "null", .null, into: &nodes)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard depth < maxDepth else {
                    throw JSONSyntaxError(offset: position, reason: "nesting deeper than \(maxDepth) levels")
                }
                let isObject = byte == UInt8(ascii: "{")
                let index = UInt32(truncatingIfNeeded: nodes.count)
                nodes.append(
                    JSONNode(
                        kind: isObject ? .object : .array, flags: 0, start: UInt32(truncatingIfNeeded: position),
                        end: 0, next: 0, count: 0))
                if depth > 0 { stack.append(current) }
                current = Frame(node: index, count: 0, isObject: isObject)
                depth += 1
                position = skipWhitespace(input, position + 1)
                guard position < end else { throw endOfInput(end) }
                let closer = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if input[position] != closer {
                    if isObject { try scanKeyAndColon(input, &position, into: &nodes) }
                    continue valueLoop
                }
                // Empty container: close it here, then it counts as a completed value of its parent.
                position += 1
                nodes[Int(index)].end = UInt32(truncatingIfNeeded: position)
                nodes[Int(index)].next = UInt32(truncatingIfNeeded: nodes.count)
                depth -= 1
                if depth > 0 { current = stack.removeLast() }
            default:
                throw unexpected(input, position, expecting: "a value")
            }

            // A value just completed; `current` is its parent (if depth > 0).
            while true {
                guard depth > 0 else {
                    position = skipWhitespace(input, position)
                    guard position == end else {
                        if input[position] == 0 {
                            throw JSONSyntaxError(offset: position, reason: "unexpected NUL byte")
                        }
                        throw JSONSyntaxError(offset: position, reason: "trailing data after the JSON value")
                    }
                    return
                }
                current.count += 1
                position = skipWhitespace(input, position)
                guard position < end else { throw endOfInput(end) }
                let separator = input[position]
                if separator == UInt8(ascii: ",") {
                    position = skipWhitespace(input, position + 1)
                    if current.isObject { try scanKeyAndColon(input, &position, into: &nodes) }
                    continue valueLoop
                }
                guard separator == (current.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else {
                    throw unexpected(input, position, expecting: current.isObject ? "',' or '}'" : "',' or ']'")
                }
                position += 1
                let index = Int(current.node)
                nodes[index].end = UInt32(truncatingIfNeeded: position)
                nodes[index].next = UInt32(truncatingIfNeeded: nodes.count)
                nodes[index].count = current.count
                depth -= 1
                if depth > 0 { current = stack.removeLast() }
            }
        }
    }

    // MARK: - Tokens

    /// Skips JSON whitespace (space, tab, LF, CR — nothing else) and returns the next position.
    @inline(__always)
    private static func skipWhitespace(_ input: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var position = start
        while position < input.count {
            switch input[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return position
            }
        }
        return position
    }

    /// Parses an object key (a string) at `position`, then the `:` and the whitespace before the value.
    @inline(__always)
    private static func scanKeyAndColon(
        _ input: UnsafeBufferPointer<UInt8>, _ position: inout Int, into nodes: inout [JSONNode]
    ) throws(JSONSyntaxError) {
        guard position < input.count else { throw endOfInput(input.count) }
        guard input[position] == UInt8(ascii: "\"") else {
            if input[position] == UInt8(ascii: "}") {
                throw JSONSyntaxError(
                    offset: position, reason: "unexpected character '}' (trailing comma or missing key)")
            }
            throw unexpected(input, position, expecting: "a string key")
        }
        try scanString(input, &position, into: &nodes, flags: JSONNode.isKey)
        position = skipWhitespace(input, position)
        guard position < input.count else { throw endOfInput(input.count) }
        guard input[position] == UInt8(ascii: ":") else { throw unexpected(input, position, expecting: "':'") }
        position = skipWhitespace(input, position + 1)
    }

    /// Scans the string whose opening quote is at `position`, validating escapes, control characters and
    /// UTF-8, appends its node and leaves `position` just past the closing quote.
    @inline(__always)
    private static func scanString(
        _ input: UnsafeBufferPointer<UInt8>, _ position: inout Int, into nodes: inout [JSONNode],
        flags initialFlags: UInt8
    ) throws(JSONSyntaxError) {
        let end = input.count
        let start = position + 1
        var cursor = start
        var flags = initialFlags
        while true {
            cursor = skipPlainStringBytes(input, cursor)
            guard cursor < end else {
                throw JSONSyntaxError(offset: end, reason: "unexpected end of input (unterminated string)")
            }
            let byte = input[cursor]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                flags |= JSONNode.hasEscapes
                cursor = try scanEscape(input, cursor, flags: &flags)
            } else if byte >= 0x80 {
                flags |= JSONNode.hasNonASCII
                let length = validUTF8Length(input, cursor)
                if length == 0 {
                    flags |= JSONNode.needsRepair
                    cursor += 1
                } else {
                    cursor += length
                }
            } else {
                throw JSONSyntaxError(offset: cursor, reason: "control character \(hexScalar(byte)) in string")
            }
        }
        nodes.append(
            JSONNode(
                kind: .string, flags: flags, start: UInt32(truncatingIfNeeded: start),
                end: UInt32(truncatingIfNeeded: cursor), next: UInt32(truncatingIfNeeded: nodes.count + 1), count: 0))
        position = cursor + 1
    }

    /// Returns the first position at or after `start` holding `"`, `\`, a byte < 0x20 or a byte >= 0x80
    /// (or the end). Eight bytes at a time: string bodies are the bulk of log bytes.
    @inline(__always)
    private static func skipPlainStringBytes(_ input: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var cursor = start
        let end = input.count
        #if _endian(little)
            if let base = input.baseAddress {
                let ones: UInt64 = 0x0101_0101_0101_0101
                let highs: UInt64 = 0x8080_8080_8080_8080
                while cursor + 8 <= end {
                    let word = UnsafeRawPointer(base + cursor).loadUnaligned(as: UInt64.self)
                    let quote = word ^ (ones &* 0x22)
                    let backslash = word ^ (ones &* 0x5C)
                    // Classic "has zero byte" tests; the lowest flagged byte is always exact, later ones may not be.
                    let special =
                        (word & highs)
                        | ((word &- ones &* 0x20) & ~word & highs)
                        | ((quote &- ones) & ~quote & highs)
                        | ((backslash &- ones) & ~backslash & highs)
                    if special != 0 { return cursor + special.trailingZeroBitCount >> 3 }
                    cursor += 8
                }
            }
        #endif
        while cursor < end {
            let byte = input[cursor]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { return cursor }
            cursor += 1
        }
        return cursor
    }

    /// Validates the escape whose backslash is at `backslash` and returns the position after it.
    /// Lone surrogates are accepted but set ``JSONNode/needsRepair``.
    @inline(__always)
    private static func scanEscape(
        _ input: UnsafeBufferPointer<UInt8>, _ backslash: Int, flags: inout UInt8
    ) throws(JSONSyntaxError) -> Int {
        let end = input.count
        guard backslash + 1 < end else {
            throw JSONSyntaxError(offset: end, reason: "unexpected end of input (unterminated string)")
        }
        switch input[backslash + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return backslash + 2
        case UInt8(ascii: "u"):
            let unit = try unicodeEscapeUnit(input, backslash)
            switch unit {
            case 0xD800...0xDBFF:
                // A high surrogate is only whole when a low-surrogate escape follows immediately; a malformed
                // follower is left for the main loop so its own error (if any) is reported at its own offset.
                let next = backslash + 6
                if next + 1 < end, input[next] == UInt8(ascii: "\\"), input[next + 1] == UInt8(ascii: "u"),
                    next + 6 <= end
                {
                    let low = JSONDocument.hex4(input, next + 2)
                    if (0xDC00...0xDFFF).contains(low) { return next + 6 }
                }
                flags |= JSONNode.needsRepair
                return next
            case 0xDC00...0xDFFF:
                flags |= JSONNode.needsRepair
                return backslash + 6
            default:
                return backslash + 6
            }
        default:
            let escaped = input[backslash + 1]
            let shown = (0x21...0x7E).contains(escaped) ? String(UnicodeScalar(escaped)) : hexByte(escaped)
            throw JSONSyntaxError(offset: backslash, reason: "invalid escape \\\(shown)")
        }
    }

    /// The code unit of the `\uXXXX` escape at `backslash`, after checking its four hex digits.
    @inline(__always)
    private static func unicodeEscapeUnit(
        _ input: UnsafeBufferPointer<UInt8>, _ backslash: Int
    ) throws(JSONSyntaxError) -> UInt32 {
        var unit: UInt32 = 0
        for offset in 2..<6 {
            guard backslash + offset < input.count else {
                throw JSONSyntaxError(offset: input.count, reason: "unexpected end of input (unterminated string)")
            }
            let digit = JSONDocument.hexDigit(input[backslash + offset])
            guard digit < 16 else {
                throw JSONSyntaxError(offset: backslash, reason: "invalid escape \\u (expected four hex digits)")
            }
            unit = unit << 4 | digit
        }
        return unit
    }

    /// Length of the well-formed UTF-8 sequence starting at `position` (lead byte >= 0x80), or 0 if it is
    /// ill-formed (Unicode Table 3-7: no overlongs, no surrogates, nothing above U+10FFFF).
    @inline(__always)
    private static func validUTF8Length(_ input: UnsafeBufferPointer<UInt8>, _ position: Int) -> Int {
        let end = input.count
        let lead = input[position]
        @inline(__always) func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            position + offset < end && (low...high).contains(input[position + offset])
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : 0
        case 0xE0:
            return continuation(1, 0xA0) && continuation(2) ? 3 : 0
        case 0xED:
            return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0
        case 0xE1...0xEF:
            return continuation(1) && continuation(2) ? 3 : 0
        case 0xF0:
            return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3:
            return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4:
            return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default:
            return 0
        }
    }

    /// Validates a number against the JSON grammar `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    /// and appends its node; the text is kept, not converted.
    @inline(__always)
    private static func scanNumber(
        _ input: UnsafeBufferPointer<UInt8>, _ position: inout Int, into nodes: inout [JSONNode]
    ) throws(JSONSyntaxError) {
        let end = input.count
        let start = position
        var cursor = position
        @inline(__always) func isDigit(_ offset: Int) -> Bool {
            offset < end && input[offset] &- UInt8(ascii: "0") < 10
        }
        @inline(__always) func requireDigit(_ offset: Int) throws(JSONSyntaxError) {
            guard offset < end else { throw endOfInput(end) }
            guard isDigit(offset) else { throw JSONSyntaxError(offset: offset, reason: "invalid number") }
        }
        if input[cursor] == UInt8(ascii: "-") { cursor += 1 }
        try requireDigit(cursor)
        if input[cursor] == UInt8(ascii: "0") {
            cursor += 1
            if isDigit(cursor) { throw JSONSyntaxError(offset: cursor, reason: "invalid number (leading zero)") }
        } else {
            while isDigit(cursor) { cursor += 1 }
        }
        if cursor < end, input[cursor] == UInt8(ascii: ".") {
            cursor += 1
            try requireDigit(cursor)
            while isDigit(cursor) { cursor += 1 }
        }
        if cursor < end, input[cursor] | 0x20 == UInt8(ascii: "e") {
            cursor += 1
            if cursor < end, input[cursor] == UInt8(ascii: "+") || input[cursor] == UInt8(ascii: "-") { cursor += 1 }
            try requireDigit(cursor)
            while isDigit(cursor) { cursor += 1 }
        }
        nodes.append(
            JSONNode(
                kind: .number, flags: 0, start: UInt32(truncatingIfNeeded: start),
                end: UInt32(truncatingIfNeeded: cursor), next: UInt32(truncatingIfNeeded: nodes.count + 1), count: 0))
        position = cursor
    }

    /// Matches `true` / `false` / `null` at `position` and appends its node.
    @inline(__always)
    private static func scanLiteral(
        _ input: UnsafeBufferPointer<UInt8>, _ position: inout Int, _ literal: StaticString, _ kind: JSONKind,
        into nodes: inout [JSONNode]
    ) throws(JSONSyntaxError) {
        let length = literal.utf8CodeUnitCount
        let expected = literal.utf8Start
        for offset in 1..<length {
            let index = position + offset
            guard index < input.count else { throw endOfInput(input.count) }
            guard input[index] == expected[offset] else {
                throw JSONSyntaxError(offset: index, reason: "invalid literal (expected '\(literal)')")
            }
        }
        nodes.append(
            JSONNode(
                kind: kind, flags: 0, start: UInt32(truncatingIfNeeded: position),
                end: UInt32(truncatingIfNeeded: position + length), next: UInt32(truncatingIfNeeded: nodes.count + 1),
                count: 0))
        position += length
    }

    // MARK: - Errors

    /// The error for input that stops while more is required.
    private static func endOfInput(_ end: Int) -> JSONSyntaxError {
        JSONSyntaxError(offset: end, reason: "unexpected end of input")
    }

    /// The error for a byte that cannot start the expected token. NUL gets its own fixed wording because it
    /// usually means a binary or padded file rather than a typo.
    private static func unexpected(_ input: UnsafeBufferPointer<UInt8>, _ position: Int, expecting: String)
        -> JSONSyntaxError
    {
        let byte = input[position]
        let what: String
        switch byte {
        case 0: return JSONSyntaxError(offset: position, reason: "unexpected NUL byte")
        case 0x01..<0x20, 0x7F: what = "control character \(hexScalar(byte))"
        case 0x80...: what = "byte \(hexByte(byte)) (non-ASCII outside a string)"
        default: what = "character '\(String(UnicodeScalar(byte)))'"
        }
        return JSONSyntaxError(offset: position, reason: "unexpected \(what) (expected \(expecting))")
    }

    /// `U+00XX` for a byte, as used in control-character messages.
    private static func hexScalar(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: 4 - hex.count) + hex
    }

    /// `0xXX` for a byte.
    private static func hexByte(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return "0x" + (hex.count == 1 ? "0" : "") + hex
    }
}
