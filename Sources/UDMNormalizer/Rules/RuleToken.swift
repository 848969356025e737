/// Where a piece of a rule file is: 1-based line and column (columns count UTF-8 bytes, as
/// editors that jump to `FILE:LINE:COLUMN` do for ASCII rule files).
package struct RuleLocation: Sendable, Hashable, CustomStringConvertible {
    package var line: Int
    package var column: Int

    package var description: String { "\(line):\(column)" }
}

/// One token of a YARA-L 2.0 rule file.
struct RuleToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A name: `rule`, `events`, `and`, `re`, `nocase`, a field name.
        case identifier(String)
        /// `$name`: an event variable, a placeholder or an outcome variable.
        case variable(String)
        /// `#name`: a count of an event variable's events or of a placeholder's values.
        case count(String)
        /// `%name`: a reference list.
        case list(String)
        /// `"text"` or `` `text` ``, escapes resolved.
        case string(String)
        /// `/pattern/`, the pattern as written between the slashes (`\/` resolved).
        case regex(String)
        /// `12`, `3.5`.
        case number(Double)
        /// `15m`, `1h`: a match window in seconds.
        case duration(Int, String)
        /// `=`, `!=`, `<`, `<=`, `>`, `>=`, `+`, `-`, `*`, `/`, `!`.
        case op(String)
        /// `(`, `)`, `[`, `]`, `{`, `}`, `,`, `.`, `:`.
        case punct(Character)
        case end
    }

    var kind: Kind
    var location: RuleLocation
    /// Whether a blank (space, newline or comment) precedes the token.
    var spaceBefore: Bool

    /// The token as the user wrote it, for messages.
    var text: String {
        switch kind {
        case .identifier(let name): return name
        case .variable(let name): return "$" + name
        case .count(let name): return "#" + name
        case .list(let name): return "%" + name
        case .string(let text): return "\"\(text)\""
        case .regex(let pattern): return "/\(pattern)/"
        case .number(let number): return RuleScalar.numberText(number)
        case .duration(_, let text): return text
        case .op(let op): return op
        case .punct(let character): return String(character)
        case .end: return "end of file"
        }
    }

    func isIdentifier(_ name: String) -> Bool { kind == .identifier(name) }
    func isPunct(_ character: Character) -> Bool { kind == .punct(character) }
    func isOp(_ op: String) -> Bool { kind == .op(op) }
}
