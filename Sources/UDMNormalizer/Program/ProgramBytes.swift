/// A range of `MappingProgram.bytes`.
struct ProgramBytes: Sendable {
    var start: Int32
    var count: Int32
}

/// A record condition of a rule: its number among the table set's distinct record conditions
/// (answered once per record) and its root in `MappingProgram.conditions`.
struct ProgramRecordCondition: Sendable {
    var number: Int32
    var condition: Int32
}
