/// Where a rule writes: a range of steps (`MappingProgram.targetSteps`) from the event's root to the
/// leaf's message, and the leaf.
struct ProgramTarget: Sendable {
    enum Leaf: UInt8, Sendable {
        /// A scalar field; the first non-empty value wins.
        case scalar
        /// A repeated scalar written with `[]`: each value is appended.
        case appendedScalar
        /// A `Label` list with a fixed key: each firing appends one key/value pair.
        case label
        /// A `Label` list filled with many pairs at once (`| flatten`).
        case labelList
        /// A key of a `Struct` field (`additional["x"]`); the first value for a key wins.
        case structKey
    }
    var stepStart: Int32
    var stepCount: Int32
    var leaf: Leaf
    /// The leaf's field index within its message.
    var field: Int32
    /// A label's or struct field's key: a range of `MappingProgram.bytes` (empty for other leaves).
    var keyStart: Int32
    var keyCount: Int32
    /// Number of the instance the steps lead to when every step takes the first element (-1 otherwise).
    var instanceKey: Int32
}

/// One message-typed step of a target, with the message it leads to (so that creating the instance
/// needs no schema look-up).
struct ProgramTargetStep: Sendable {
    enum Element: UInt8, Sendable {
        /// Not repeated, or the first element.
        case first
        /// `[*]`: the element numbered by the source's fan-out index within the list's block.
        case fanOut
        /// `[]`: a new element each time the rule fires.
        case append
        /// `["name"]`: the one element of the name's block (the rule's fan group), whatever the fan-out index.
        case named
    }
    var field: Int32
    var element: Element
    var childMessage: Int32
}
