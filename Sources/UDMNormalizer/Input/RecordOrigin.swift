/// Where a record stood in its input, kept as its parts: formatting it costs a string per record,
/// and most records are normalized without anyone reading where they came from, so the text is
/// made only when asked for (a failure, a diagnostic, ``NormalizedRecord/origin``).
///
/// Its ``description`` is the origin the CLI prints and `explain` takes: `source:line`, then
/// `:column` when the record does not start the line, then one `:key[index]` per envelope array
/// the record is an element of (`:[index]` for a top-level array).
struct RecordOrigin: Sendable, Hashable, CustomStringConvertible {
    /// One envelope array the record is inside: its member name (empty for a top-level array) and
    /// the element's index, counted from 0.
    struct Element: Sendable, Hashable {
        var key: String
        var index: Int
        /// Whether damage before the element hid element boundaries, so its index is a count of
        /// the boundaries that could be seen (printed `Records[~140]`).
        var approximate = false
    }

    /// The input's name (a path, `-`), or the origin of the value a nested input was decoded from.
    var source: String
    var line: Int
    /// Column of the record's first byte, counted from 1.
    var column: Int
    var elements: [Element] = []

    /// The origin of element `index` of the array `key` (empty for a top-level array) inside this one.
    func appending(key: String, index: Int, approximate: Bool = false) -> RecordOrigin {
        var origin = self
        origin.elements.append(Element(key: key, index: index, approximate: approximate))
        return origin
    }

    var description: String {
        var text = column == 1 ? "\(source):\(line)" : "\(source):\(line):\(column)"
        for element in elements { text += ":\(element.key)[\(element.approximate ? "~" : "")\(element.index)]" }
        return text
    }
}
