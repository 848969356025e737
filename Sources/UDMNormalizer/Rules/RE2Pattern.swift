import Foundation

/// A regular expression in RE2 syntax, as YARA-L takes them, run with `NSRegularExpression`.
///
/// RE2 has no look-around, back-references, atomic groups, possessive quantifiers, recursion or
/// conditionals; a pattern with one of them is refused (Google SecOps refuses it too), so a rule
/// that runs here runs there. Matching is an unanchored search.
package struct RE2Pattern: Sendable {
    package let pattern: String
    package let caseInsensitive: Bool
    private let regex: NSRegularExpression

    /// The construct RE2 does not accept, or nil.
    static func unsupportedConstruct(in pattern: String) -> String? {
        let bytes = Array(pattern.utf8)
        var index = 0
        var inClass = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                let next = bytes[index + 1]
                if !inClass, next >= UInt8(ascii: "1"), next <= UInt8(ascii: "9") {
                    return "back-reference \\\(Character(UnicodeScalar(next)))"
                }
                if !inClass, next == UInt8(ascii: "k") || next == UInt8(ascii: "g") {
                    return "back-reference \\\(Character(UnicodeScalar(next)))"
                }
                index += 2
                continue
            }
            if inClass {
                if byte == UInt8(ascii: "]") { inClass = false }
                index += 1
                continue
            }
            if byte == UInt8(ascii: "[") {
                inClass = true
                index += 1
                // `[]…]` and `[^]…]` take the bracket as a member.
                if index < bytes.count, bytes[index] == UInt8(ascii: "^") { index += 1 }
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1 }
                continue
            }
            if byte == UInt8(ascii: "("), index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "?") {
                let third = bytes[index + 2]
                let fourth = index + 3 < bytes.count ? bytes[index + 3] : 0
                switch third {
                case UInt8(ascii: "="): return "look-ahead (?="
                case UInt8(ascii: "!"): return "negative look-ahead (?!"
                case UInt8(ascii: ">"): return "atomic group (?>"
                case UInt8(ascii: "("): return "conditional (?("
                case UInt8(ascii: "R"), UInt8(ascii: "0")...UInt8(ascii: "9"): return "recursion (?R)"
                case UInt8(ascii: "<") where fourth == UInt8(ascii: "=") || fourth == UInt8(ascii: "!"):
                    return "look-behind (?<\(Character(UnicodeScalar(fourth)))"
                default: break
                }
            }
            if byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "?")
                || byte == UInt8(ascii: "}"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "+"),
                index > 0
            {
                return "possessive quantifier \(Character(UnicodeScalar(byte)))+"
            }
            index += 1
        }
        return nil
    }

    /// Compiles `pattern`, or says why not (an RE2-refused construct or a syntax error).
    init(_ pattern: String, caseInsensitive: Bool = false) throws(RE2Error) {
        if let construct = Self.unsupportedConstruct(in: pattern) {
            throw RE2Error(message: "regular expression /\(pattern)/ uses \(construct), which RE2 does not accept")
        }
        do {
            regex = try NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
        } catch {
            throw RE2Error(message: "regular expression /\(pattern)/ is not valid")
        }
        self.pattern = pattern
        self.caseInsensitive = caseInsensitive
    }

    /// The same pattern, case folded.
    func folded() -> RE2Pattern {
        (try? RE2Pattern(pattern, caseInsensitive: true)) ?? self
    }

    /// Whether the pattern occurs in `text`.
    func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// The first capture group of the first match (the whole match when there is no group); "" when none.
    func capture(_ text: String) -> String {
        guard let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return "" }
        let range = match.numberOfRanges > 1 ? match.range(at: 1) : match.range
        guard range.location != NSNotFound, let found = Range(range, in: text) else { return "" }
        return String(text[found])
    }

    /// Every match replaced with `template` (`\1` for a group, as RE2 writes it).
    func replace(_ text: String, with template: String) -> String {
        var converted = ""
        var escaping = false
        for character in template {
            if escaping {
                converted += character.isNumber ? "$\(character)" : String(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                converted += character == "$" ? "\\$" : String(character)
            }
        }
        return regex.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text), withTemplate: converted)
    }
}

/// Why a pattern was refused.
struct RE2Error: Error {
    var message: String
}
