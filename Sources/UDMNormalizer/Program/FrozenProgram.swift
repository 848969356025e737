/// A ``MappingProgram`` copied once into memory its table set owns (``FrozenArray``s), for as
/// long as the table set lives: a record's run reads it through ``view``, plain pointers, with no
/// reference counted.
///
/// Reading the program out of the shared table set for each record copied the value, which
/// retained and released each of its arrays — atomic operations on memory every worker thread
/// shares, about 1.5% of the time with two workers.
final class FrozenProgram: Sendable {
    private let files: FrozenArray<MappingProgram.File>
    private let rules: FrozenArray<ProgramRule>
    private let targets: FrozenArray<ProgramTarget>
    private let targetSteps: FrozenArray<ProgramTargetStep>
    private let sources: FrozenArray<ProgramSource>
    private let sourceParts: FrozenArray<Int32>
    private let paths: FrozenArray<ProgramPath>
    private let conditions: FrozenArray<ProgramCondition>
    private let recordConditions: FrozenArray<ProgramRecordCondition>
    private let stages: FrozenArray<ProgramStage>
    private let resources: FrozenArray<ProgramResource>
    private let integers: FrozenArray<Int32>
    private let bytes: FrozenArray<UInt8>
    private let byteLists: FrozenArray<ProgramBytes>
    private let lookups: FrozenArray<ProgramLookup>
    private let lookupSlots: FrozenArray<Int32>
    private let lookupRows: FrozenArray<ProgramLookupRow>
    private let lookupRanges: FrozenArray<ProgramLookupRange>
    private let checks: FrozenArray<MappingProgram.Check>
    private let exclusions: FrozenArray<MappingProgram.Exclusion>
    private let ruleIDs: FrozenArray<RuleID>
    private let fieldPaths: FrozenArray<String>
    private let walkSteps: FrozenArray<ProgramWalkStep>
    private let texts: FrozenArray<String>
    private let checkIDs: FrozenArray<RuleID>
    private let lookupRowIDs: FrozenArray<RuleID>

    init(_ program: MappingProgram) {
        files = FrozenArray(program.files)
        rules = FrozenArray(program.rules)
        targets = FrozenArray(program.targets)
        targetSteps = FrozenArray(program.targetSteps)
        sources = FrozenArray(program.sources)
        sourceParts = FrozenArray(program.sourceParts)
        paths = FrozenArray(program.paths)
        conditions = FrozenArray(program.conditions)
        recordConditions = FrozenArray(program.recordConditions)
        stages = FrozenArray(program.stages)
        resources = FrozenArray(program.resources)
        integers = FrozenArray(program.integers)
        bytes = FrozenArray(program.bytes)
        byteLists = FrozenArray(program.byteLists)
        lookups = FrozenArray(program.lookups)
        lookupSlots = FrozenArray(program.lookupSlots)
        lookupRows = FrozenArray(program.lookupRows)
        lookupRanges = FrozenArray(program.lookupRanges)
        checks = FrozenArray(program.checks)
        exclusions = FrozenArray(program.exclusions)
        ruleIDs = FrozenArray(program.ruleIDs)
        fieldPaths = FrozenArray(program.fieldPaths)
        walkSteps = FrozenArray(program.walkSteps)
        texts = FrozenArray(program.texts)
        checkIDs = FrozenArray(program.checkIDs)
        lookupRowIDs = FrozenArray(program.lookupRowIDs)
    }

    /// The program's arrays as plain pointers, valid while this object lives.
    var view: MappingProgram.View {
        MappingProgram.View(
            rules: rules.buffer, targets: targets.buffer, targetSteps: targetSteps.buffer, sources: sources.buffer,
            sourceParts: sourceParts.buffer, paths: paths.buffer, conditions: conditions.buffer,
            recordConditions: recordConditions.buffer, stages: stages.buffer, resources: resources.buffer,
            integers: integers.buffer, bytes: bytes.buffer, byteLists: byteLists.buffer, lookups: lookups.buffer,
            lookupSlots: lookupSlots.buffer, lookupRows: lookupRows.buffer, lookupRanges: lookupRanges.buffer,
            checks: checks.buffer, exclusions: exclusions.buffer, ruleIDs: ruleIDs.buffer,
            fieldPaths: fieldPaths.buffer, walkSteps: walkSteps.buffer, texts: texts.buffer, checkIDs: checkIDs.buffer,
            lookupRowIDs: lookupRowIDs.buffer)
    }

    /// What the program runs for `file` (a file of the table set the program was lowered from).
    func entry(of file: CompiledMappingFile) -> MappingProgram.File? {
        files.buffer.entry(of: file)
    }

    /// The rules of `file` (a file of the table set the program was lowered from).
    func ruleRange(of file: CompiledMappingFile) -> Range<Int> {
        files.buffer.entry(of: file)?.rules ?? 0..<0
    }
}
