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
            byteLists: Self.freeze(program.byteLists), ruleIDs: Self.freeze(program.ruleIDs),
            fieldPaths: Self.freeze(program.fieldPaths), walkedPaths: Self.freeze(program.walkedPaths),
            walkSteps: Self.freeze(program.walkSteps), texts: Self.freeze(program.texts))
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
        Self.release(view.walkedPaths)
        Self.release(view.walkSteps)
        Self.release(view.texts)
    }

    /// The rules of `file` (a file of the table set the program was lowered from).
    func ruleRange(of file: CompiledMappingFile) -> Range<Int> {
        files.ruleRange(of: file)
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
