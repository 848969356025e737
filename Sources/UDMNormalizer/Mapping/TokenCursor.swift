/// A read position in one line's tokens, with error helpers that point at the current column.
struct TokenCursor {
    /// The file's named conditions defined above the line (`@define`).
    var defines: [String: ConditionSyntax] = [:]
    let tokens: [MappingToken]
    let location: TableLocation
    let lineLength: Int
    private(set) var index = 0

    init(tokens: [MappingToken], location: TableLocation, lineLength: Int) {
        self.tokens = tokens
        self.location = location
        self.lineLength = lineLength
    }

    var peek: MappingToken? { index < tokens.count ? tokens[index] : nil }
    /// Column of the next token, or one past the end of the line.
    var column: Int { peek?.column ?? lineLength + 1 }

    mutating func advance() { index += 1 }

    /// True when the next token continues a comparison (`==`, `in`, `contains`, …): the word before
    /// it is a path, not a named condition.
    var continuesComparison: Bool {
        guard let token = peek else { return false }
        switch token.kind {
        case .symbol: return ["==", "!=", ">=", "<=", ">", "<"].contains(token.text)
        case .word: return ["in", "contains", "consists_of"].contains(token.text)
        default: return false
        }
    }

    func error(_ message: String, column: Int? = nil) -> MappingError {
        location.error(message, column: column ?? self.column)
    }

    mutating func skip(symbol: String) -> Bool {
        guard let token = peek, token.kind == .symbol, token.text == symbol else { return false }
        index += 1
        return true
    }

    mutating func skip(word: String) -> Bool {
        guard let token = peek, token.kind == .word, token.text == word else { return false }
        index += 1
        return true
    }

    mutating func expectWord(_ what: String) throws(MappingError) -> String {
        guard let token = peek, token.kind == .word else {
            throw error("expected \(what)\(peek.map { ", found '\($0.text)'" } ?? "")")
        }
        index += 1
        return token.text
    }

    /// A constant: a quoted string or a bare word (`USER_LOGIN`, `true`, `42`).
    mutating func expectValue() throws(MappingError) -> String {
        guard let token = peek, token.kind == .word || token.kind == .string else {
            throw error("expected a value\(peek.map { ", found '\($0.text)'" } ?? "")")
        }
        index += 1
        return token.text
    }

    mutating func expectNumber() throws(MappingError) -> Double {
        let column = self.column
        let text = try expectWord("a number")
        if text == "inf" { return .infinity }
        if text == "-inf" { return -.infinity }
        guard let value = Double(text) else { throw error("'\(text)' is not a number", column: column) }
        return value
    }

    func expectEnd() throws(MappingError) {
        if let token = peek { throw error("unexpected '\(token.text)' at the end of the line", column: token.column) }
    }
}
