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

/// A record path: its interned prefix (resolved once per record), and for a path with `[*]` the
/// compiled path to walk below it.
struct ProgramPath: Sendable {
    /// The interned prefix (-1 when the path starts with `[*]`).
    var prefix: Int32
    /// `MappingProgram.walkedPaths` for a path with `[*]`; -1 when the prefix is the whole path.
    var walk: Int32
    /// The prefix covers this many steps of the walked path.
    var prefixLength: Int32

    @inline(__always)
    var fansOut: Bool { walk >= 0 }
}
