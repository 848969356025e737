/// Cuts a YARA-L 2.0 rule file into tokens, skipping `//` and `/* */` comments.
///
/// A `/` starts a regular expression where a value is expected (after `=`, `!=`, `(`, `,`, `in` or
/// at the start of a statement) and is a division elsewhere, as in `outcome:` arithmetic.
struct RuleLexer {
    private let bytes: [UInt8]
    private let file: String
    private var position = 0
    private var line = 1
    private var lineStart = 0

    init(text: String, file: String) {
        bytes = Array(text.utf8)
        self.file = file
    }

    static func tokens(of text: String, file: String) throws(RuleParseError) -> [RuleToken] {
        var lexer = RuleLexer(text: text, file: file)
        var tokens: [RuleToken] = []
        while true {
            let token = try lexer.next(after: tokens.last)
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private var location: RuleLocation { RuleLocation(line: line, column: position - lineStart + 1) }

    private func error(_ message: String, at location: RuleLocation? = nil) -> RuleParseError {
        RuleParseError(file: file, location: location ?? self.location, message: message)
    }

    private mutating func skipBlanks() throws(RuleParseError) -> Bool {
        var skipped = false
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") {
                position += 1
                line += 1
                lineStart = position
            } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                position += 1
            } else if byte == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "/") {
                while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
            } else if byte == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
                let start = location
                position += 2
                while position < bytes.count, !(bytes[position] == UInt8(ascii: "*") && peek(1) == UInt8(ascii: "/")) {
                    if bytes[position] == UInt8(ascii: "\n") {
                        line += 1
                        lineStart = position + 1
                    }
                    position += 1
                }
                guard position < bytes.count else { throw error("unterminated /* comment", at: start) }
                position += 2
            } else {
                break
            }
            skipped = true
        }
        return skipped
    }

    private func peek(_ offset: Int) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Whether a `/` here starts a regular expression: a value is expected after `previous`.
    private static func expectsValue(after previous: RuleToken?) -> Bool {
        guard let previous else { return true }
        switch previous.kind {
        case .op(let op): return op == "=" || op == "!="
        case .punct(let character): return character == "(" || character == "," || character == ":"
        case .identifier(let name): return name == "in" || name == "and" || name == "or" || name == "not"
        default: return false
        }
    }

    private mutating func name() -> String {
        let start = position
        while position < bytes.count, Self.isNameByte(bytes[position]) { position += 1 }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    mutating func next(after previous: RuleToken?) throws(RuleParseError) -> RuleToken {
        let spaced = try skipBlanks()
        let start = location
        func token(_ kind: RuleToken.Kind) -> RuleToken { RuleToken(kind: kind, location: start, spaceBefore: spaced) }
        guard position < bytes.count else { return token(.end) }
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "\""):
            return token(.string(try quoted()))
        case UInt8(ascii: "`"):
            position += 1
            let from = position
            while position < bytes.count, bytes[position] != UInt8(ascii: "`") {
                if bytes[position] == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = position + 1
                }
                position += 1
            }
            guard position < bytes.count else { throw error("unterminated `raw string`", at: start) }
            position += 1
            return token(.string(String(decoding: bytes[from..<(position - 1)], as: UTF8.self)))
        case UInt8(ascii: "/") where Self.expectsValue(after: previous):
            return token(.regex(try regex(start)))
        case UInt8(ascii: "$"), UInt8(ascii: "#"), UInt8(ascii: "%"):
            position += 1
            guard let first = peek(0), Self.isNameByte(first), !Self.isDigit(first) else {
                throw error("'\(Character(UnicodeScalar(byte)))' must be followed by a name", at: start)
            }
            let text = name()
            switch byte {
            case UInt8(ascii: "$"): return token(.variable(text))
            case UInt8(ascii: "#"): return token(.count(text))
            default: return token(.list(text))
            }
        case UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: ">"):
            position += 1
            if peek(0) == UInt8(ascii: "=") {
                position += 1
                return token(.op(String(UnicodeScalar(byte)) + "="))
            }
            return token(.op(String(UnicodeScalar(byte))))
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"):
            position += 1
            return token(.op(String(UnicodeScalar(byte))))
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
            UInt8(ascii: "}"), UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ":"):
            position += 1
            return token(.punct(Character(UnicodeScalar(byte))))
        default:
            if Self.isDigit(byte) { return token(try number(start)) }
            if Self.isNameByte(byte) { return token(.identifier(name())) }
            throw error("unexpected character '\(Character(UnicodeScalar(byte)))'", at: start)
        }
    }

    private mutating func quoted() throws(RuleParseError) -> String {
        let start = location
        position += 1
        var out: [UInt8] = []
        while position < bytes.count, bytes[position] != UInt8(ascii: "\"") {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") { throw error("unterminated string", at: start) }
            if byte == UInt8(ascii: "\\"), let escaped = peek(1) {
                switch escaped {
                case UInt8(ascii: "n"): out.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): out.append(UInt8(ascii: "\t"))
                case UInt8(ascii: "r"): out.append(UInt8(ascii: "\r"))
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(escaped)
                // Other escapes are kept: strings given to re.regex carry `\d`, `\.`.
                default: out += [byte, escaped]
                }
                position += 2
                continue
            }
            out.append(byte)
            position += 1
        }
        guard position < bytes.count else { throw error("unterminated string", at: start) }
        position += 1
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func regex(_ start: RuleLocation) throws(RuleParseError) -> String {
        position += 1
        var out: [UInt8] = []
        while position < bytes.count, bytes[position] != UInt8(ascii: "/") {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") { break }
            if byte == UInt8(ascii: "\\"), let escaped = peek(1) {
                if escaped == UInt8(ascii: "/") { out.append(escaped) } else { out += [byte, escaped] }
                position += 2
                continue
            }
            out.append(byte)
            position += 1
        }
        guard position < bytes.count, bytes[position] == UInt8(ascii: "/") else {
            throw error("unterminated regular expression /…/", at: start)
        }
        position += 1
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func number(_ start: RuleLocation) throws(RuleParseError) -> RuleToken.Kind {
        let from = position
        while position < bytes.count, Self.isDigit(bytes[position]) { position += 1 }
        if peek(0) == UInt8(ascii: "."), let next = peek(1), Self.isDigit(next) {
            position += 1
            while position < bytes.count, Self.isDigit(bytes[position]) { position += 1 }
        }
        let digits = String(decoding: bytes[from..<position], as: UTF8.self)
        guard position < bytes.count, Self.isNameByte(bytes[position]) else {
            return .number(Double(digits) ?? 0)
        }
        let unit = name()
        let seconds: Int
        switch unit {
        case "s": seconds = 1
        case "m": seconds = 60
        case "h": seconds = 3600
        case "d": seconds = 86400
        default: throw error("'\(digits)\(unit)' is neither a number nor a duration (s, m, h or d)", at: start)
        }
        guard let count = Int(digits) else {
            throw error("a duration is a whole number: '\(digits)\(unit)'", at: start)
        }
        return .duration(count * seconds, digits + unit)
    }
}
