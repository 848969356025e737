/// A compiled table set lowered for the engine: every rule, target, source expression, condition
/// and stage as plain data in flat arrays, addressed by number.
///
/// Immutable and shared by every thread. The interpreter (`RecordMapper`) reads it through a
/// ``MappingProgram/View`` of a ``FrozenProgram``, so walking hundreds of rules per record counts no
/// references and copies no arrays. Everything a record needs runs here: which file takes it
/// (`@match`), its rules, `@check`, `@dedupe_key`, lookups and coverage exclusions. The compile-time
/// model (`CompiledRule`, `TargetPath`, `Condition`) only supplies rule texts and `file:line`
/// (and serves lint and documentation); diagnostics name a rule by its number in `ruleIDs`.
struct MappingProgram: Sendable {
    /// What the program runs for the records of one mapping file.
    struct File: Sendable {
        var id: ObjectIdentifier
        /// Its rules: a range of `rules`.
        var ruleStart: Int32
        var ruleCount: Int32
        /// `@match`: the root of its condition in `conditions` (-1: none, every record).
        var match: Int32 = -1
        /// `@check` lines: a range of `checks`.
        var checkStart: Int32 = 0
        var checkCount: Int32 = 0
        /// `@dedupe_key`: a number into `sources` (-1: none).
        var dedupeKey: Int32 = -1
        /// `@opaque` / `@ignore` paths: a range of `exclusions`.
        var exclusionStart: Int32 = 0
        var exclusionCount: Int32 = 0

        var rules: Range<Int> { Int(ruleStart)..<Int(ruleStart + ruleCount) }
        var checks: Range<Int> { Int(checkStart)..<Int(checkStart + checkCount) }
        var exclusions: Range<Int> { Int(exclusionStart)..<Int(exclusionStart + exclusionCount) }
    }

    /// A `@check` line: the root of its conditions (its `@when` scope and its own, joined with
    /// `and`), its message (a number into `texts`) and its `file:line` (into `checkIDs`).
    struct Check: Sendable {
        var condition: Int32
        var message: Int32
        var id: Int32
    }

    /// An `@opaque` or `@ignore` path: a number into `paths`, and the declaration as reports name it
    /// (`@ignore managementEvent`, a number into `texts`).
    struct Exclusion: Sendable {
        var path: Int32
        var declaration: Int32
    }

    var files: [File] = []
    var rules: [ProgramRule] = []
    /// Per rule, its `file:line` (for diagnostics and classifications).
    var ruleIDs: [RuleID] = []
    var targets: [ProgramTarget] = []
    var targetSteps: [ProgramTargetStep] = []
    /// Per target, its dotted field path (for diagnostics).
    var fieldPaths: [String] = []
    var sources: [ProgramSource] = []
    var sourceParts: [Int32] = []
    var paths: [ProgramPath] = []
    var walkSteps: [ProgramWalkStep] = []
    var conditions: [ProgramCondition] = []
    var recordConditions: [ProgramRecordCondition] = []
    var stages: [ProgramStage] = []
    var resources: [ProgramResource] = []
    /// Field numbers lists (a resource's naming fields).
    var integers: [Int32] = []
    /// Constants, keys, comparison values and character sets, as UTF-8.
    var bytes: [UInt8] = []
    /// Lists of byte ranges (the values an `equals` condition compares with).
    var byteLists: [ProgramBytes] = []
    /// Separators of the cut transforms, `@check` messages, exclusion declarations.
    var texts: [String] = []
    var checks: [Check] = []
    var checkIDs: [RuleID] = []
    var exclusions: [Exclusion] = []
    /// The `@lookup` tables, numbered as `ProgramStage.lookup` names them.
    var lookups: [ProgramLookup] = []
    var lookupSlots: [Int32] = []
    var lookupRows: [ProgramLookupRow] = []
    var lookupRanges: [ProgramLookupRange] = []
    /// Per lookup row, its `file:line` (for classifications).
    var lookupRowIDs: [RuleID] = []

    /// The rules of `file` (a file of the table set the program was lowered from).
    func ruleRange(of file: CompiledMappingFile) -> Range<Int> {
        files.entry(of: file)?.rules ?? 0..<0
    }

    /// The program's arrays as unsafe buffers (a ``FrozenProgram`` owns the memory they point at).
    struct View {
        let rules: UnsafeBufferPointer<ProgramRule>
        let targets: UnsafeBufferPointer<ProgramTarget>
        let targetSteps: UnsafeBufferPointer<ProgramTargetStep>
        let sources: UnsafeBufferPointer<ProgramSource>
        let sourceParts: UnsafeBufferPointer<Int32>
        let paths: UnsafeBufferPointer<ProgramPath>
        let conditions: UnsafeBufferPointer<ProgramCondition>
        let recordConditions: UnsafeBufferPointer<ProgramRecordCondition>
        let stages: UnsafeBufferPointer<ProgramStage>
        let resources: UnsafeBufferPointer<ProgramResource>
        let integers: UnsafeBufferPointer<Int32>
        let bytes: UnsafeBufferPointer<UInt8>
        let byteLists: UnsafeBufferPointer<ProgramBytes>
        let lookups: UnsafeBufferPointer<ProgramLookup>
        let lookupSlots: UnsafeBufferPointer<Int32>
        let lookupRows: UnsafeBufferPointer<ProgramLookupRow>
        let lookupRanges: UnsafeBufferPointer<ProgramLookupRange>
        let checks: UnsafeBufferPointer<Check>
        let exclusions: UnsafeBufferPointer<Exclusion>
        /// Read only for diagnostics, classifications and the rare `[*]` walk and cut transform.
        let ruleIDs: UnsafeBufferPointer<RuleID>
        let fieldPaths: UnsafeBufferPointer<String>
        let walkSteps: UnsafeBufferPointer<ProgramWalkStep>
        let texts: UnsafeBufferPointer<String>
        let checkIDs: UnsafeBufferPointer<RuleID>
        let lookupRowIDs: UnsafeBufferPointer<RuleID>

        /// The bytes of a range of `bytes`.
        @inline(__always)
        func bytes(_ range: ProgramBytes) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[Int(range.start)..<Int(range.start + range.count)])
        }

        /// The steps of a target, or of a resource's overflow.
        @inline(__always)
        func steps(start: Int32, count: Int32) -> UnsafeBufferPointer<ProgramTargetStep> {
            UnsafeBufferPointer(rebasing: targetSteps[Int(start)..<Int(start + count)])
        }
    }
}

extension Collection<MappingProgram.File> {
    /// The entry of `file` in the program these entries describe.
    func entry(of file: CompiledMappingFile) -> MappingProgram.File? {
        let id = ObjectIdentifier(file)
        for entry in self where entry.id == id { return entry }
        return nil
    }
}
