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
    /// For `| target_key` (the general target rule): its lookups (`keys` -1 for `| resource`), the
    /// `Resource` fields it writes, and the steps to `src.resource` (see `TargetKeySearch`).
    var keys: Int32 = -1
    var scopedKeys: UInt64 = 0
    var addedKeys: UInt64 = 0
    var verbs: Int32 = -1
    var types: Int32 = -1
    var name: Int32 = -1
    var productObjectID: Int32 = -1
    var attribute: Int32 = -1
    var attributeMessage: Int32 = -1
    var labels: Int32 = -1
    var sourceStart: Int32 = 0
    var sourceCount: Int32 = 0
    /// `eventSource`, `requestParameters`, `responseElements`: numbers into `MappingProgram.paths`.
    var servicePath: Int32 = -1
    var requestPath: Int32 = -1
    var responsePath: Int32 = -1
}
