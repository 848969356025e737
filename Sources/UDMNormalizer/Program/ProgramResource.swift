/// What a `| resource TYPE "SUBTYPE"` rule writes besides the identifying value.
struct ProgramResource: Sendable {
    /// The `Resource` message's fields: the identifying field the rule targets, its type and subtype.
    var identifier: Int32
    var resourceType: Int32
    var resourceSubtype: Int32
    /// The fields that say a resource is named already: a range of `MappingProgram.integers`.
    var namingFieldStart: Int32
    var namingFieldCount: Int32
    /// `resource_type` and `resource_subtype` values: ranges of `MappingProgram.bytes`.
    var typeValue: ProgramBytes
    var subtypeValue: ProgramBytes
    /// The steps to the `Resource` of each further value (a new `about` element): a range of
    /// `MappingProgram.targetSteps`.
    var overflowStart: Int32
    var overflowCount: Int32
}
