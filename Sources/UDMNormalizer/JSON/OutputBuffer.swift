/// A growable byte buffer the JSON writers and the string escaper append to directly.
///
/// Rendering an event appends a few hundred short pieces (keys, punctuation, string runs); on a
/// `[UInt8]` each append pays a uniqueness check and a generic copy. Here an append is a capacity
/// check and a `memcpy` into memory this value alone owns, which is why it cannot be copied.
struct OutputBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes written so far.
    private(set) var count = 0

    /// An empty buffer with room for `capacity` bytes before it first grows.
    init(capacity: Int = 4096) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `extra` more bytes, doubling so that a long series of appends stays linear.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        moved.update(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = newCapacity
    }

    /// Appends one byte.
    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// Appends the bytes of `bytes`.
    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Appends the bytes of `bytes`.
    @inline(__always)
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        append(bytes.bindMemory(to: UInt8.self))
    }

    /// Appends the bytes of `bytes`.
    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Appends the UTF-8 of a literal (`"{\"key\":"`), with no `String` made.
    @inline(__always)
    mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Calls `body` with the bytes written so far.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// A copy of the bytes written so far.
    var bytes: [UInt8] { withBytes { Array($0) } }

    /// The bytes written so far as text (invalid UTF-8 repaired).
    var string: String { withBytes { String(decoding: $0, as: UTF8.self) } }
}

extension Array where Element == UInt8 {
    /// Appends what `write` puts into a fresh ``OutputBuffer``: the bridge from the buffer's writers
    /// to callers that collect bytes in an array.
    mutating func append(writing write: (inout OutputBuffer) -> Void) {
        var buffer = OutputBuffer(capacity: 256)
        write(&buffer)
        buffer.withBytes { append(contentsOf: $0) }
    }
}
