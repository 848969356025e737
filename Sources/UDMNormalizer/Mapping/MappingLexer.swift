/// One token of a mapping-table line.
struct MappingToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A path, keyword, bare word or number: `userIdentity.arn`, `labels["Request ID"]`, `when`, `USER_LOGIN`, `4.5`.
        case word
        /// A double-quoted string; `text` holds the decoded value.
        case string
        /// `@log_type`, `@when`, …; `text` holds the name without `@`.
        case directive
        /// `->`, `|`, `??`, `+`, `==`, `!=`, `=`, `(`, `)`, `,`, `[`, `]`
        case symbol
    }
    var kind: Kind
    var text: String
    /// 1-based column of the token's first character.
    var column: Int
}

/// Splits one line of a mapping table into tokens.
///
/// The grammar is line-oriented (one rule per line), so the lexer never sees more than a line and
/// every error it raises names that line and the column of the offending character.
///
/// It reads the line's UTF-8 bytes as they lie in the table text: tables are read at every
/// start-up, and the syntax is ASCII (only words and strings may hold other text), so no line is
/// decoded or copied; a token's text is made once, from its bytes.
struct MappingLexer {
    let location: TableLocation

    /// ASCII bytes that may appear in a bare word (paths, keywords, enum values, lookup keys);
    /// a non-ASCII letter or digit may too (see `wordScalarLength`).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        // One bit per ASCII byte (letters, digits and `_.-:*/$%`): a shift and a mask per byte of
        // every word of every table, instead of a dozen comparisons.
        let wordBytesBelow64: UInt64 = 0x07FF_E430_0000_0000
        let wordBytesFrom64: UInt64 = 0x07FF_FFFE_87FF_FFFE
        return byte < 64 ? wordBytesBelow64 >> byte & 1 != 0 : byte < 128 && wordBytesFrom64 >> (byte - 64) & 1 != 0
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || isDigit(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// The one-character symbols: `|+=(),[]<>`.
    private static func oneCharacterSymbol(_ byte: UInt8) -> String? {
        switch byte {
        case UInt8(ascii: "|"): "|"
        case UInt8(ascii: "+"): "+"
        case UInt8(ascii: "="): "="
        case UInt8(ascii: "("): "("
        case UInt8(ascii: ")"): ")"
        case UInt8(ascii: ","): ","
        case UInt8(ascii: "["): "["
        case UInt8(ascii: "]"): "]"
        case UInt8(ascii: "<"): "<"
        case UInt8(ascii: ">"): ">"
        default: nil
        }
    }

    /// `->`, `??`, `==`, `!=`, `>=` or `<=` when `first` and `second` spell one.
    private static func twoCharacterSymbol(_ first: UInt8, _ second: UInt8) -> String? {
        switch (first, second) {
        case (UInt8(ascii: "-"), UInt8(ascii: ">")): "->"
        case (UInt8(ascii: "?"), UInt8(ascii: "?")): "??"
        case (UInt8(ascii: "="), UInt8(ascii: "=")): "=="
        case (UInt8(ascii: "!"), UInt8(ascii: "=")): "!="
        case (UInt8(ascii: ">"), UInt8(ascii: "=")): ">="
        case (UInt8(ascii: "<"), UInt8(ascii: "=")): "<="
        default: nil
        }
    }

    /// The Unicode scalar whose UTF-8 starts at `index`, and how many bytes it takes (U+FFFD, 1 for a bad byte).
    private static func scalar(in line: ArraySlice<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        var iterator = line[index...].makeIterator()
        var decoder = UTF8()
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar): return (scalar, UTF8.width(scalar))
        case .emptyInput, .error: return ("\u{FFFD}", 1)
        }
    }

    /// The length in bytes of the non-ASCII letter or digit at `index`, or nil when it is neither.
    private static func wordScalarLength(in line: ArraySlice<UInt8>, at index: Int) -> Int? {
        let (scalar, length) = scalar(in: line, at: index)
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil ? length : nil
    }

    /// Tokenizes the UTF-8 bytes of one line; a `#` outside a string starts a comment that runs to
    /// the end of the line. Columns count Unicode scalars from 1.
    func tokenize(_ line: ArraySlice<UInt8>) throws(MappingError) -> [MappingToken] {
        let isASCII = line.allSatisfy { $0 < 0x80 }
        let lineStart = line.startIndex
        func column(_ index: Int) -> Int {
            // Bytes that do not continue a scalar start one: on an ASCII line, every byte.
            isASCII ? index - lineStart + 1 : line[lineStart..<index].count { $0 & 0xC0 != 0x80 } + 1
        }
        func fail(_ message: String, at index: Int) -> MappingError {
            location.error(message, column: column(index))
        }
        var tokens: [MappingToken] = []
        tokens.reserveCapacity(8)
        var i = lineStart
        let end = line.endIndex
        while i < end {
            let c = line[i]
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") {
                i += 1
                continue
            }
            if c == UInt8(ascii: "#") { break }
            let start = i
            if c == UInt8(ascii: "\"") {
                let (text, after) = try readString(line, from: i, fail: fail)
                tokens.append(MappingToken(kind: .string, text: text, column: column(start)))
                i = after
                continue
            }
            if c == UInt8(ascii: "@") && tokens.isEmpty {
                i += 1
                while i < end, Self.isASCIILetterOrDigit(line[i]) || line[i] == UInt8(ascii: "_") { i += 1 }
                tokens.append(
                    MappingToken(
                        kind: .directive, text: String(decoding: line[(start + 1)..<i], as: UTF8.self),
                        column: column(start)))
                continue
            }
            if i + 1 < end, let symbol = Self.twoCharacterSymbol(c, line[i + 1]) {
                tokens.append(MappingToken(kind: .symbol, text: symbol, column: column(start)))
                i += 2
                continue
            }
            if let symbol = Self.oneCharacterSymbol(c) {
                tokens.append(MappingToken(kind: .symbol, text: symbol, column: column(start)))
                i += 1
                continue
            }
            let startsWord =
                c == UInt8(ascii: "-")
                ? i + 1 < end && (Self.isDigit(line[i + 1]) || line[i + 1] == UInt8(ascii: "i"))
                : Self.isWordByte(c) || (c >= 0x80 && Self.wordScalarLength(in: line, at: i) != nil)
            if startsWord {
                i = try readWord(line, from: i, fail: fail)
                tokens.append(
                    MappingToken(
                        kind: .word, text: String(decoding: line[start..<i], as: UTF8.self), column: column(start)))
                continue
            }
            throw fail("unexpected character '\(Self.scalar(in: line, at: i).0)'", at: i)
        }
        return tokens
    }

    /// Reads a bare word; bracket groups (`[*]`, `[0]`, `["Request ID"]`, `[attribute=userAgent]`) belong to the word.
    private func readWord(_ line: ArraySlice<UInt8>, from start: Int, fail: (String, Int) -> MappingError)
        throws(MappingError) -> Int
    {
        var i = start
        let end = line.endIndex
        while i < end {
            let c = line[i]
            if c == UInt8(ascii: "-") && i + 1 < end && line[i + 1] == UInt8(ascii: ">") { break }
            if c == UInt8(ascii: "[") && i > start {
                var j = i + 1
                while j < end && line[j] != UInt8(ascii: "]") {
                    if line[j] == UInt8(ascii: "\"") {
                        j = try readString(line, from: j, fail: fail).end
                    } else {
                        j += 1
                    }
                }
                guard j < end else { throw fail("unclosed '['", i) }
                i = j + 1
                continue
            }
            if c >= 0x80, let length = Self.wordScalarLength(in: line, at: i) {
                i += length
                continue
            }
            guard Self.isWordByte(c) else { break }
            i += 1
        }
        return i
    }

    /// Reads a double-quoted string with `\"`, `\\`, `\t`, `\n` escapes; returns its value and the index after it.
    private func readString(_ line: ArraySlice<UInt8>, from start: Int, fail: (String, Int) -> MappingError)
        throws(MappingError) -> (value: String, end: Int)
    {
        var i = start + 1
        // Bytes up to the first escape are taken as they are; most strings have none.
        var value: [UInt8] = []
        var copiedUpTo = i
        while i < line.endIndex {
            let c = line[i]
            if c == UInt8(ascii: "\"") {
                if copiedUpTo == start + 1 { return (String(decoding: line[copiedUpTo..<i], as: UTF8.self), i + 1) }
                value.append(contentsOf: line[copiedUpTo..<i])
                return (String(decoding: value, as: UTF8.self), i + 1)
            }
            if c == UInt8(ascii: "\\") {
                guard i + 1 < line.endIndex else { break }
                value.append(contentsOf: line[copiedUpTo..<i])
                switch line[i + 1] {
                case UInt8(ascii: "\""): value.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): value.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "t"): value.append(UInt8(ascii: "\t"))
                case UInt8(ascii: "n"): value.append(UInt8(ascii: "\n"))
                default:
                    throw fail("unknown escape '\\\(Self.scalar(in: line, at: i + 1).0)' in string", i)
                }
                i += 2
                copiedUpTo = i
                continue
            }
            i += 1
        }
        throw fail("unterminated string", start)
    }
}
