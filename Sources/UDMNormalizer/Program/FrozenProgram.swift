/// A ``MappingProgram`` copied once into memory this object owns, for as long as its table set
/// lives: a record's run reads it through ``view``, plain pointers, with no reference counted.
///
/// Reading the program out of the shared table set for each record copied the value, which
/// retained and released each of its twenty arrays — atomic operations on memory every worker
/// thread shares, about 1.5% of the time with two workers. The memory never changes after `init`,
/// so sharing it between threads is safe; hence `@unchecked Sendable`.
final class FrozenProgram: @unchecked Sendable {
    let view: MappingProgram.View
    private let files: UnsafeBufferPointer<MappingProgram.File>

    init(_ program: MappingProgram) {
        files = Self.freeze(program.files)
        view = MappingProgram.View(
            rules: Self.freeze(program.rules), targets: Self.freeze(program.targets),
            targetSteps: Self.freeze(program.targetSteps), sources: Self.freeze(program.sources),
            sourceParts: Self.freeze(program.sourceParts), paths: Self.freeze(program.paths),
            conditions: Self.freeze(program.conditions), recordConditions: Self.freeze(program.recordConditions),
            stages: Self.freeze(program.stages), resources: Self.freeze(program.resources),
            integers: Self.freeze(program.integers), bytes: Self.freeze(program.bytes),
            byteLists: Self.freeze(program.byteLists),
            lookups: Self.freeze(program.lookups), lookupSlots: Self.freeze(program.lookupSlots),
            lookupRows: Self.freeze(program.lookupRows), lookupRanges: Self.freeze(program.lookupRanges),
            checks: Self.freeze(program.checks), exclusions: Self.freeze(program.exclusions),
            ruleIDs: Self.freeze(program.ruleIDs), fieldPaths: Self.freeze(program.fieldPaths),
            walkSteps: Self.freeze(program.walkSteps), texts: Self.freeze(program.texts),
            checkIDs: Self.freeze(program.checkIDs), lookupRowIDs: Self.freeze(program.lookupRowIDs))
    }

    deinit {
        Self.release(files)
        Self.release(view.rules)
        Self.release(view.targets)
        Self.release(view.targetSteps)
        Self.release(view.sources)
        Self.release(view.sourceParts)
        Self.release(view.paths)
        Self.release(view.conditions)
        Self.release(view.recordConditions)
        Self.release(view.stages)
        Self.release(view.resources)
        Self.release(view.integers)
        Self.release(view.bytes)
        Self.release(view.byteLists)
        Self.release(view.ruleIDs)
        Self.release(view.fieldPaths)
        Self.release(view.walkSteps)
        Self.release(view.texts)
        Self.release(view.lookups)
        Self.release(view.lookupSlots)
        Self.release(view.lookupRows)
        Self.release(view.lookupRanges)
        Self.release(view.checks)
        Self.release(view.exclusions)
        Self.release(view.checkIDs)
        Self.release(view.lookupRowIDs)
    }

    /// What the program runs for `file` (a file of the table set the program was lowered from).
    func entry(of file: CompiledMappingFile) -> MappingProgram.File? {
        files.entry(of: file)
    }

    /// The rules of `file` (a file of the table set the program was lowered from).
    func ruleRange(of file: CompiledMappingFile) -> Range<Int> {
        files.entry(of: file)?.rules ?? 0..<0
    }

    private static func freeze<Element>(_ array: [Element]) -> UnsafeBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: Swift.max(array.count, 1))
        _ = buffer.initialize(from: array)
        return UnsafeBufferPointer(rebasing: buffer[..<array.count])
    }

    private static func release<Element>(_ buffer: UnsafeBufferPointer<Element>) {
        let owned = UnsafeMutableBufferPointer(mutating: buffer)
        owned.deinitialize()
        owned.baseAddress?.deallocate()
    }
}
