/// Where a text value's bytes are in an event's text arena (see `UDMEventBuilder.text`).
struct TextRef: Sendable, Equatable {
    var start: Int32
    var count: Int32
}

/// A value placed in a UDM field, kept in the cheapest form that can be written later.
///
/// Plain data (node numbers and arena offsets, no strings): events are built and copied on the hot
/// path, and a payload that needs reference counting would cost an atomic operation per copy.
enum OutputValue: Sendable, Equatable {
    /// A string node of the record: written straight from the source bytes when no re-escaping is needed.
    case sourceString(Int)
    /// Any node of the record, written as compact JSON (numbers, booleans, objects into `additional`).
    case sourceJSON(Int)
    /// Text in the event's arena, written as a JSON string.
    case text(TextRef)
    /// Text in the event's arena written unquoted: a number or `true` / `false`.
    case literal(TextRef)
}
