/// A rule file that cannot be read: `FILE:LINE:COLUMN: error: MESSAGE`, naming the construct.
package struct RuleParseError: Error, Sendable, CustomStringConvertible {
    package var file: String
    package var location: RuleLocation
    package var message: String

    package init(file: String, location: RuleLocation, message: String) {
        self.file = file
        self.location = location
        self.message = message
    }

    package var description: String { "\(file):\(location.line):\(location.column): error: \(message)" }
}
