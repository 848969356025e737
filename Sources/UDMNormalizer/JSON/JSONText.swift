/// JSON string literals for tools built on the library (dead-letter files, reports).
package enum JSONText {
    /// `text` as a quoted JSON string, escaped the way the UDM writer escapes strings.
    ///
    /// ```swift
    /// let line = #"{"origin": "# + JSONText.quoted(origin) + "}"
    /// ```
    ///
    /// - Parameter text: Any text; `"`, `\` and control characters are escaped.
    package static func quoted(_ text: String) -> String {
        var out = OutputBuffer(capacity: text.utf8.count + 16)
        JSONStringEscaper.appendQuoted(text, to: &out)
        return out.string
    }
}
