/// One rule of a ``MappingProgram``: plain data only (numbers into the program's shared arrays), so
/// the interpreter walks the rules of a file without reference counting or copying arrays.
struct ProgramRule: Sendable {
    /// The source expression (`MappingProgram.sources`).
    var source: Int32
    /// The interned prefix that is the whole source (-1 when the source is anything else): when the
    /// record lacks it, or it is empty, the rule cannot write.
    var sourcePrefix: Int32
    /// For a single-valued scalar target reached through first elements only: its instance key and
    /// field. When that field is set already, the rule cannot write (-1: no such shortcut).
    var instanceKey: Int32
    var field: Int32
    /// `MappingProgram.targets`.
    var target: Int32
    /// The rule's record conditions: a range of `MappingProgram.recordConditions`.
    var recordConditionStart: Int32
    var recordConditionCount: Int32
    /// Transforms, lookups and value conditions in the order written: a range of `MappingProgram.stages`.
    var stageStart: Int32
    var stageCount: Int32
    /// For `| resource`: `MappingProgram.resources` (-1 for other rules).
    var resource: Int32
    /// For a `[*]` target: the number of the source list it fans out over (see `CompiledRule.fanGroup`).
    var fanGroup: Int32
    /// The end (exclusive) of the run of rules from this one on that all test this rule's first
    /// record condition (a `@when` block): when it fails, the engine skips the run at once.
    var blockEnd: Int32
    /// The schema type of the target's leaf.
    var leafType: ProgramFieldType
    /// The facts below, as bits.
    var flags: UInt8

    /// The target holds one value, so once set the rule need not run (first non-empty wins).
    static let isSingleValued: UInt8 = 0x01
    /// The rule writes `metadata.event_type` (its classification decision is reported).
    static let writesEventType: UInt8 = 0x02
    /// Every value the rule can write was checked against the target's enum when the table was compiled.
    static let valuesCheckedAtCompile: UInt8 = 0x04
    /// The rule has a record condition or a value condition: a constant it writes is a specific choice.
    static let isConditional: UInt8 = 0x08
    /// A label list target takes the value's `KEY:VALUE` entries (`| entries`), not an object's leaves.
    static let splitsEntries: UInt8 = 0x10

    @inline(__always)
    func has(_ flag: UInt8) -> Bool { flags & flag != 0 }
}
