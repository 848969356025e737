/// One stage after the source is read.
enum ProgramStage: Sendable {
    case transform(ProgramTransform)
    /// `MappingSet.lookupTables`.
    case lookup(Int32)
    /// A value condition: its root in `MappingProgram.conditions`.
    case when(Int32)
}

/// A value conversion of a rule (see `Transform`); separators are `MappingProgram.texts`.
enum ProgramTransform: Sendable, Equatable {
    case lower, upper, trim, string, int, float, bool, timestamp, json
    case afterLast(Int32)
    case afterFirst(Int32)
    case beforeFirst(Int32)
    /// The member path is `MappingProgram.texts`.
    case jsonText(Int32)
    /// The outcome classes are the lookup `MappingSet.lookupTables[table]`.
    case callOutcome(Int32)
    /// The verbs are the prefix lookup `MappingSet.lookupTables[table]`.
    case callNoun(Int32)
}
