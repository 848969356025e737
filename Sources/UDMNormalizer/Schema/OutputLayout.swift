/// What the writers need of each schema field, flattened: field `f` of message `m` is slot
/// `fieldBase[m] + f` of the per-field buffers, and its `"name":` bytes are a range of `keyBytes`.
///
/// Fixed buffers (``FrozenArray``s) made once (the schema never changes): the writer reads them for
/// every field of every event, and reading a buffer costs no reference counting where an array would.
final class OutputLayout: Sendable {
    /// How a field's values are written.
    enum Shape: UInt8, Sendable {
        /// One value.
        case single
        /// A JSON array of values.
        case repeated
        /// A `google.protobuf.Struct`: one JSON object whose members are the field's entries.
        case structObject
    }

    let fieldBase: FrozenArray<Int32>
    let keyStart: FrozenArray<Int32>
    let keyEnd: FrozenArray<Int32>
    let shape: FrozenArray<Shape>
    let keyBytes: FrozenArray<UInt8>

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
        self.fieldBase = FrozenArray(fieldBase)
        self.keyStart = FrozenArray(keyStart)
        self.keyEnd = FrozenArray(keyEnd)
        self.shape = FrozenArray(shape)
        self.keyBytes = FrozenArray(keyBytes)
    }

    /// The `"name":` bytes of a field slot.
    func key(_ slot: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: keyBytes.buffer[Int(keyStart[slot])..<Int(keyEnd[slot])])
    }
}
