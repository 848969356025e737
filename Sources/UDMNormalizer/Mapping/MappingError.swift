/// An error in a mapping table, located at a file, line and column (all 1-based).
///
/// Printed as `file:line:col: message`, the form editors and CI annotators understand.
public struct MappingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The table file's name (as given when loading, e.g. `cloudtrail.map`).
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// 1-based column number (in characters).
    public var column: Int
    /// What is wrong, in words.
    public var message: String

    /// Creates an error at a location.
    ///
    /// - Parameters:
    ///   - file: The table file's name (`cloudtrail.map`).
    ///   - line: 1-based line number; 0 for an error about the file as a whole.
    ///   - column: 1-based column number, in characters.
    ///   - message: What is wrong, in words.
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:col: message`, or `file: message` for an error about the whole file (line 0).
    public var description: String { line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)" }
}

/// A position in a mapping file, carried by every syntax node so later stages can report errors.
struct TableLocation: Sendable, Hashable, CustomStringConvertible {
    var file: String
    var line: Int
    var column: Int

    /// The rule's id in reports and diagnostics: `file:line`.
    var ruleID: RuleID { RuleID(file: file, line: line) }
    var description: String { "\(file):\(line):\(column)" }

    func error(_ message: String, column: Int? = nil) -> MappingError {
        MappingError(file: file, line: line, column: column ?? self.column, message: message)
    }
}
