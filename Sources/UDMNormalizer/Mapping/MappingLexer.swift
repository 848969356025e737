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
struct MappingLexer {
    let location: TableLocation

    /// Characters that may appear in a bare word (paths, keywords, enum values, lookup keys).
    private static func isWordCharacter(_ c: Unicode.Scalar) -> Bool {
        isLetterOrDigit(c) || c == "_" || c == "." || c == "-" || c == ":" || c == "*" || c == "/" || c == "$"
            || c == "%"
    }

    private static func isLetterOrDigit(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") }
        return c.properties.isAlphabetic || c.properties.numericType != nil
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    private static let oneCharacterSymbols: Set<Unicode.Scalar> = Set("|+=(),[]<>".unicodeScalars)

    /// `->`, `??`, `==`, `!=`, `>=` or `<=` when `first` and `second` spell one.
    private static func twoCharacterSymbol(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> String? {
        switch (first, second) {
        case ("-", ">"): return "->"
        case ("?", "?"): return "??"
        case ("=", "="): return "=="
        case ("!", "="): return "!="
        case (">", "="): return ">="
        case ("<", "="): return "<="
        default: return nil
        }
    }

    /// Tokenizes `line`; a `#` outside a string starts a comment that runs to the end of the line.
    func tokenize(_ line: String) throws(MappingError) -> [MappingToken] {
        // Unicode scalars, not Characters: tables are read at every start-up, and grapheme
        // segmentation costs far more than the (ASCII) syntax needs.
        // An ASCII line (nearly all are) maps byte for byte, which is far cheaper than decoding.
        let bytes = Array(line.utf8)
        let isASCII = bytes.allSatisfy { $0 < 0x80 }
        let chars = isASCII ? bytes.map { Unicode.Scalar($0) } : Array(line.unicodeScalars)
        func text(_ range: Range<Int>) -> String {
            isASCII ? String(decoding: bytes[range], as: UTF8.self) : Self.text(chars[range])
        }
        var tokens: [MappingToken] = []
        var i = 0
        func fail(_ message: String, at index: Int) -> MappingError {
            location.error(message, column: index + 1)
        }
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\t" || c == "\r" {
                i += 1
                continue
            }
            if c == "#" { break }
            let start = i
            if c == "\"" {
                let (text, end) = try readString(chars, from: i, fail: fail)
                tokens.append(MappingToken(kind: .string, text: text, column: start + 1))
                i = end
                continue
            }
            if c == "@" && tokens.isEmpty {
                i += 1
                while i < chars.count, Self.isLetterOrDigit(chars[i]) || chars[i] == "_" { i += 1 }
                tokens.append(MappingToken(kind: .directive, text: text((start + 1)..<i), column: start + 1))
                continue
            }
            if i + 1 < chars.count, let symbol = Self.twoCharacterSymbol(c, chars[i + 1]) {
                tokens.append(MappingToken(kind: .symbol, text: symbol, column: start + 1))
                i += 2
                continue
            }
            if Self.oneCharacterSymbols.contains(c) {
                tokens.append(MappingToken(kind: .symbol, text: String(c), column: start + 1))
                i += 1
                continue
            }
            if Self.isWordCharacter(c) && c != "-"
                || (c == "-" && i + 1 < chars.count && (Self.isDigit(chars[i + 1]) || chars[i + 1] == "i"))
            {
                i = try readWord(chars, from: i, fail: fail)
                tokens.append(MappingToken(kind: .word, text: text(start..<i), column: start + 1))
                continue
            }
            throw fail("unexpected character '\(c)'", at: i)
        }
        return tokens
    }

    private static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var string = ""
        string.unicodeScalars.append(contentsOf: scalars)
        return string
    }

    /// Reads a bare word; bracket groups (`[*]`, `[0]`, `["Request ID"]`, `[attribute=userAgent]`) belong to the word.
    private func readWord(_ chars: [Unicode.Scalar], from start: Int, fail: (String, Int) -> MappingError)
        throws(MappingError) -> Int
    {
        var i = start
        while i < chars.count {
            let c = chars[i]
            if c == "-" && i + 1 < chars.count && chars[i + 1] == ">" { break }
            if c == "[" && i > start {
                var j = i + 1
                while j < chars.count && chars[j] != "]" {
                    if chars[j] == "\"" {
                        let (_, end) = try readString(chars, from: j, fail: fail)
                        j = end
                    } else {
                        j += 1
                    }
                }
                guard j < chars.count else { throw fail("unclosed '['", i) }
                i = j + 1
                continue
            }
            guard Self.isWordCharacter(c) else { break }
            i += 1
        }
        return i
    }

    /// Reads a double-quoted string with `\"`, `\\`, `\t`, `\n` escapes; returns its value and the index after it.
    private func readString(_ chars: [Unicode.Scalar], from start: Int, fail: (String, Int) -> MappingError)
        throws(MappingError) -> (String, Int)
    {
        var i = start + 1
        var value = ""
        while i < chars.count {
            let c = chars[i]
            if c == "\"" { return (value, i + 1) }
            if c == "\\" {
                guard i + 1 < chars.count else { break }
                switch chars[i + 1] {
                case "\"": value.append("\"")
                case "\\": value.append("\\")
                case "t": value.append("\t")
                case "n": value.append("\n")
                default: throw fail("unknown escape '\\\(chars[i + 1])' in string", i)
                }
                i += 2
                continue
            }
            value.unicodeScalars.append(c)
            i += 1
        }
        throw fail("unterminated string", start)
    }
}
