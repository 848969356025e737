/// A JSON syntax error, located by the byte offset at which the parser gave up.
///
/// Offsets are into the buffer handed to the parser (a skipped BOM still counts), so a
/// caller reading NDJSON can add the line's start offset to point at the byte in the whole file.
/// For truncated input the offset equals the buffer's length.
struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Byte offset in the parsed buffer of the offending byte (or the buffer length for truncated input).
    var offset: Int
    /// Human-readable reason, e.g. `"unexpected character 'x'"` or `"nesting deeper than 1000 levels"`.
    var reason: String

    /// Creates an error at `offset` with the given reason.
    ///
    /// - Parameters:
    ///   - offset: Byte offset in the parsed buffer.
    ///   - reason: What is wrong, in words.
    init(offset: Int, reason: String) {
        self.offset = offset
        self.reason = reason
    }

    /// `"byte <offset>: <reason>"`, the form used in diagnostics.
    var description: String { "byte \(offset): \(reason)" }
}
