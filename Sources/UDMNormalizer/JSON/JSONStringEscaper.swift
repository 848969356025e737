/// Writes JSON string literals into a byte buffer.
///
/// Escaping policy (one canonical form, so identical values always serialize to identical bytes):
/// `"` and `\` are backslash-escaped; control characters below U+0020 use `\b \f \n \r \t` when one exists
/// and `\u00xx` otherwise; DEL (U+007F) becomes `\u007f`; U+2028 and U+2029 become `\u2028` / `\u2029` so the
/// output is also safe to embed in JavaScript. Everything else, including `/` and all other non-ASCII, is
/// written as raw UTF-8. Hex digits are lowercase.
enum JSONStringEscaper {
    /// Appends `"..."` for a Swift string.
    static func appendQuoted(_ string: String, to out: inout OutputBuffer) {
        out.append(UInt8(ascii: "\""))
        appendEscapedContent(string, to: &out)
        out.append(UInt8(ascii: "\""))
    }

    /// Appends the string's content escaped as in ``appendQuoted(_:to:)``, without the quotes
    /// (for building composite strings piece by piece).
    static func appendEscapedContent(_ string: String, to out: inout OutputBuffer) {
        var string = string
        string.withUTF8 { appendEscaped(utf8: $0, to: &out) }
    }

    /// ``appendQuoted(_:to:)`` for a byte array.
    static func appendQuoted(_ string: String, to out: inout [UInt8]) {
        out.append { appendQuoted(string, to: &$0) }
    }

    /// ``appendEscapedContent(_:to:)`` for a byte array.
    static func appendEscapedContent(_ string: String, to out: inout [UInt8]) {
        out.append { appendEscapedContent(string, to: &$0) }
    }

    /// ``appendQuoted(node:of:to:)`` for a byte array.
    @discardableResult
    static func appendQuoted(node: Int, of document: JSONDocument, to out: inout [UInt8]) -> Bool {
        var repaired = false
        out.append { repaired = appendQuoted(node: node, of: document, to: &$0) }
        return repaired
    }

    /// Appends `"..."` for string node `node` of `document`, byte-identical to
    /// `appendQuoted(document.string(node), to: &out)` but without materialising a `String` unless the
    /// value needs U+FFFD repair.
    ///
    /// Unescaped strings are escaped straight from the source bytes (a single copy when nothing needs
    /// escaping); escaped strings are decoded and re-escaped escape by escape. A non-string node is
    /// quoted from its raw text.
    ///
    /// - Returns: true if a U+FFFD substitution happened (invalid UTF-8 or a lone surrogate), so the
    ///   caller can record a diagnostic.
    @discardableResult
    static func appendQuoted(node: Int, of document: JSONDocument, to out: inout OutputBuffer) -> Bool {
        let isString = document.kind(node) == .string
        guard isString, !document.needsRepair(node) else {
            appendQuoted(document.string(node), to: &out)
            return isString
        }
        let range = document.rawRange(node)
        out.append(UInt8(ascii: "\""))
        document.bytes.withUnsafeBufferPointer { buffer in
            let source = UnsafeBufferPointer(rebasing: buffer[range])
            if document.hasEscapes(node) {
                appendReescaped(source, to: &out)
            } else if !document.hasNonASCII(node), !containsDEL(source) {
                // The parser already excluded quotes, backslashes and control bytes: copy as is.
                out.append(source)
            } else {
                appendEscaped(utf8: source, to: &out)
            }
        }
        out.append(UInt8(ascii: "\""))
        return false
    }

    // MARK: - Internals

    /// Escapes well-formed UTF-8, copying maximal runs that need no escaping in one go.
    static func appendEscaped(utf8 source: UnsafeBufferPointer<UInt8>, to out: inout OutputBuffer) {
        let end = source.count
        var runStart = 0
        var index = 0
        while index < end {
            // Eight bytes at a time while none can need escaping (most text is plain ASCII).
            if index + 8 <= end, let base = source.baseAddress,
                isPlainASCII(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            {
                index += 8
                continue
            }
            let byte = source[index]
            if byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            if byte >= 0x80 {
                // U+2028 / U+2029 are E2 80 A8 / E2 80 A9; every other non-ASCII sequence is copied raw.
                if byte == 0xE2, index + 2 < end, source[index + 1] == 0x80, source[index + 2] & 0xFE == 0xA8 {
                    out.append(UnsafeBufferPointer(rebasing: source[runStart..<index]))
                    appendUnicodeEscape(source[index + 2] == 0xA8 ? 0x2028 : 0x2029, to: &out)
                    index += 3
                    runStart = index
                } else {
                    index += 1
                }
                continue
            }
            out.append(UnsafeBufferPointer(rebasing: source[runStart..<index]))
            appendEscapedASCII(byte, to: &out)
            index += 1
            runStart = index
        }
        out.append(UnsafeBufferPointer(rebasing: source[runStart..<end]))
    }

    /// Re-escapes a parser-validated string body that contains escapes and needs no repair: raw runs go
    /// through ``appendEscaped(utf8:to:)``, each escape is decoded to its scalar and written canonically.
    private static func appendReescaped(_ source: UnsafeBufferPointer<UInt8>, to out: inout OutputBuffer) {
        let end = source.count
        var runStart = 0
        var index = 0
        while index < end {
            guard source[index] == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            appendEscaped(utf8: UnsafeBufferPointer(rebasing: source[runStart..<index]), to: &out)
            let escaped = source[index + 1]
            index += 2
            switch escaped {
            case UInt8(ascii: "b"): appendEscapedASCII(0x08, to: &out)
            case UInt8(ascii: "f"): appendEscapedASCII(0x0C, to: &out)
            case UInt8(ascii: "n"): appendEscapedASCII(0x0A, to: &out)
            case UInt8(ascii: "r"): appendEscapedASCII(0x0D, to: &out)
            case UInt8(ascii: "t"): appendEscapedASCII(0x09, to: &out)
            case UInt8(ascii: "u"):
                appendScalar(JSONDocument.decodeUnicodeEscape(source, at: &index, end: end), to: &out)
            default: appendScalar(UInt32(escaped), to: &out)  // \" \\ \/
            }
            runStart = index
        }
        appendEscaped(utf8: UnsafeBufferPointer(rebasing: source[runStart..<end]), to: &out)
    }

    /// Writes one decoded scalar with the canonical escaping.
    private static func appendScalar(_ scalar: UInt32, to out: inout OutputBuffer) {
        switch scalar {
        case 0..<0x80:
            let byte = UInt8(scalar)
            if byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
                out.append(byte)
            } else {
                appendEscapedASCII(byte, to: &out)
            }
        case 0x2028, 0x2029:
            appendUnicodeEscape(UInt16(scalar), to: &out)
        default:
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4) { scratch in
                let length = JSONDocument.encodeUTF8(scalar, into: scratch, at: 0)
                out.append(UnsafeBufferPointer(rebasing: scratch[0..<length]))
            }
        }
    }

    /// Writes the escape for an ASCII byte that needs one (`"`, `\`, control characters, DEL).
    private static func appendEscapedASCII(_ byte: UInt8, to out: inout OutputBuffer) {
        let short: UInt8
        switch byte {
        case UInt8(ascii: "\""): short = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): short = UInt8(ascii: "\\")
        case 0x08: short = UInt8(ascii: "b")
        case 0x0C: short = UInt8(ascii: "f")
        case 0x0A: short = UInt8(ascii: "n")
        case 0x0D: short = UInt8(ascii: "r")
        case 0x09: short = UInt8(ascii: "t")
        default:
            appendUnicodeEscape(UInt16(byte), to: &out)
            return
        }
        out.append(UInt8(ascii: "\\"))
        out.append(short)
    }

    /// Writes `\uxxxx` with lowercase hex digits.
    private static func appendUnicodeEscape(_ unit: UInt16, to out: inout OutputBuffer) {
        @inline(__always) func hex(_ nibble: UInt16) -> UInt8 {
            let value = UInt8(nibble & 0xF)
            return value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
        }
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "u"))
        out.append(hex(unit >> 12))
        out.append(hex(unit >> 8))
        out.append(hex(unit >> 4))
        out.append(hex(unit))
    }

    /// True when none of the eight bytes of `word` needs escaping or is non-ASCII: each is at least
    /// 0x20, below 0x7F, and neither `"` nor `\`. (Word-at-a-time tests; a false "no" only sends the
    /// bytes through the byte loop.)
    @inline(__always)
    private static func isPlainASCII(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high = ones &* 0x80
        func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & high != 0 }
        let belowSpace = (word &- ones &* 0x20) & ~word & high
        let fromDEL = (word | (word &+ ones)) & high
        return belowSpace | fromDEL == 0 && !hasZeroByte(word ^ (ones &* 0x22)) && !hasZeroByte(word ^ (ones &* 0x5C))
    }

    /// True if the buffer contains DEL (0x7F), checked eight bytes at a time: it is the only byte an
    /// unescaped ASCII string body can contain that still needs escaping.
    private static func containsDEL(_ source: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let end = source.count
        if let base = source.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101
            while index + 8 <= end {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) ^ (ones &* 0x7F)
                if (word &- ones) & ~word & (ones &* 0x80) != 0 { return true }
                index += 8
            }
        }
        while index < end {
            if source[index] == 0x7F { return true }
            index += 1
        }
        return false
    }
}
