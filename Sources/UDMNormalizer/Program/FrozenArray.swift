/// An array copied once into memory this object owns, never written again, and read through
/// ``buffer``: plain pointers, so reading it counts no references (a Swift array read on every
/// rule of every record costs a retain and a release, atomic on memory all workers share).
///
/// The one owner of hand-allocated memory that threads share: the program (``FrozenProgram``),
/// the path prefixes (`PathTable`) and the writers' field layout (`OutputLayout`) keep their
/// arrays in these. The memory is freed with the last reference. `@unchecked Sendable` because
/// nothing writes the memory after `init`, so any thread may read it.
final class FrozenArray<Element: Sendable>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Element>
    private let base: UnsafeMutablePointer<Element>

    init(_ array: [Element]) {
        base = .allocate(capacity: Swift.max(array.count, 1))
        _ = UnsafeMutableBufferPointer(start: base, count: array.count).initialize(from: array)
        buffer = UnsafeBufferPointer(start: base, count: array.count)
    }

    deinit {
        base.deinitialize(count: buffer.count)
        base.deallocate()
    }

    var count: Int { buffer.count }

    @inline(__always)
    subscript(index: Int) -> Element { buffer[index] }
}
