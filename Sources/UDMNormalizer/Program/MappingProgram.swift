/// A compiled table set lowered for the engine: every rule, target, source expression, condition
/// and stage as plain data in flat arrays, addressed by number.
///
/// Immutable and shared by every thread. The interpreter (`RecordMapper`) reads it through a
/// ``MappingProgram/View`` of a ``FrozenProgram``, so walking hundreds of rules per record counts no
/// references and copies no arrays. The compile-time model (`CompiledRule`, `TargetPath`,
/// `Condition`) stays for lint, documentation, `explain` and coverage; diagnostics name a rule by
/// its number in `ruleIDs`.
struct MappingProgram: Sendable {
    /// The rules of one mapping file: a range of `rules`.
    struct File: Sendable {
        var id: ObjectIdentifier
        var ruleStart: Int32
        var ruleCount: Int32
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
    /// The compiled paths whose walk has a `[key=value]` selection, which runs as compiled.
    var walkedPaths: [SourcePath] = []
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
    /// Separators of the cut transforms.
    var texts: [String] = []

    /// The rules of `file` (a file of the table set the program was lowered from).
    func ruleRange(of file: CompiledMappingFile) -> Range<Int> {
        files.ruleRange(of: file)
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
        /// Read only for diagnostics, classifications and the rare `[*]` walk and cut transform.
        let ruleIDs: UnsafeBufferPointer<RuleID>
        let fieldPaths: UnsafeBufferPointer<String>
        let walkedPaths: UnsafeBufferPointer<SourcePath>
        let walkSteps: UnsafeBufferPointer<ProgramWalkStep>
        let texts: UnsafeBufferPointer<String>

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
    /// The rules of `file` in the program these entries describe (empty when it has none).
    func ruleRange(of file: CompiledMappingFile) -> Range<Int> {
        let id = ObjectIdentifier(file)
        for entry in self where entry.id == id {
            return Int(entry.ruleStart)..<Int(entry.ruleStart + entry.ruleCount)
        }
        return 0..<0
    }
}
