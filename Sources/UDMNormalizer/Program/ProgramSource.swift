/// What a rule reads, as a node of a flat expression tree: parts are numbers into
/// `MappingProgram.sourceParts`, which hold numbers into `MappingProgram.sources`.
enum ProgramSource: Sendable {
    /// `MappingProgram.paths`.
    case path(Int32)
    /// A constant: a range of `MappingProgram.bytes`.
    case literal(ProgramBytes)
    /// The parts' texts joined; absent when a part is absent.
    case concatenation(start: Int32, count: Int32)
    /// The first part with a non-empty value.
    case firstNonEmpty(start: Int32, count: Int32)
}

/// A record path: its interned prefix (resolved once per record), and the steps below it, from the
/// first `[*]` on (a range of `MappingProgram.walkSteps`; empty when the prefix is the whole path).
struct ProgramPath: Sendable {
    /// The interned prefix (-1 when the path starts with `[*]`: the walk starts at the record's root).
    var prefix: Int32
    var stepStart: Int32
    var stepCount: Int32
    /// True when the path has a `[*]`.
    var fansOut: Bool
}

/// One step of a path below its prefix.
enum ProgramWalkStep: Sendable {
    /// An object member (a range of `MappingProgram.bytes`, and its other-case spelling when the
    /// table reads first letters in any case: `hasAlternate`), or on an array the element `index`
    /// (-1: the key is not a number).
    case key(ProgramBytes, alternate: ProgramBytes, hasAlternate: Bool, index: Int32)
    /// Every element of an array.
    case each
    /// `[key=value]` on an array: its first object element whose member `key` (or its other-case
    /// spelling `alternate`, as for `key`) is a string with the text `value`.
    case select(key: ProgramBytes, alternate: ProgramBytes, hasAlternate: Bool, value: ProgramBytes)
}
