/// What the writers need of each schema field, flattened: field `f` of message `m` is slot
/// `fieldBase[m] + f` of the per-field buffers, and its `"name":` bytes are a range of `keyBytes`.
///
/// Fixed buffers allocated once (the schema never changes): the writer reads them for every
/// field of every event, and reading a buffer costs no reference counting where an array would.
final class OutputLayout: @unchecked Sendable {
    /// How a field's values are written.
    enum Shape: UInt8, Sendable {
        /// One value.
        case single
        /// A JSON array of values.
        case repeated
        /// A `google.protobuf.Struct`: one JSON object whose members are the field's entries.
        case structObject
    }

    let fieldBase: UnsafeMutableBufferPointer<Int32>
    let keyStart: UnsafeMutableBufferPointer<Int32>
    let keyEnd: UnsafeMutableBufferPointer<Int32>
    let shape: UnsafeMutableBufferPointer<Shape>
    let keyBytes: UnsafeMutableBufferPointer<UInt8>

    init(messages: [UDMSchema.Message]) {
        var fieldBase: [Int32] = []
        var keyStart: [Int32] = []
        var keyEnd: [Int32] = []
        var shape: [Shape] = []
        var keyBytes: [UInt8] = []
        for message in messages {
            fieldBase.append(Int32(shape.count))
            for field in message.fields {
                keyStart.append(Int32(keyBytes.count))
                keyBytes.append(UInt8(ascii: "\""))
                keyBytes.append(contentsOf: field.name.utf8)
                keyBytes.append(contentsOf: "\":".utf8)
                keyEnd.append(Int32(keyBytes.count))
                if case .structObject = field.type {
                    shape.append(.structObject)
                } else {
                    shape.append(field.isRepeated ? .repeated : .single)
                }
            }
        }
        func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
            let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
            _ = buffer.initialize(from: array)
            return UnsafeMutableBufferPointer(rebasing: buffer[0..<array.count])
        }
        self.fieldBase = copy(fieldBase)
        self.keyStart = copy(keyStart)
        self.keyEnd = copy(keyEnd)
        self.shape = copy(shape)
        self.keyBytes = copy(keyBytes)
    }

    deinit {
        fieldBase.deallocate()
        keyStart.deallocate()
        keyEnd.deallocate()
        shape.deallocate()
        keyBytes.deallocate()
    }

    /// The `"name":` bytes of a field slot.
    func key(_ slot: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: keyBytes[Int(keyStart[slot])..<Int(keyEnd[slot])])
    }
}
