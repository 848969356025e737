/// What the writers need of each schema field, flattened: field `f` of message `m` is slot
/// `fieldBase[m] + f` of the per-field arrays, and its `"name":` bytes are a range of `keyBytes`.
struct OutputLayout: Sendable {
    /// How a field's values are written.
    enum Shape: UInt8, Sendable {
        /// One value.
        case single
        /// A JSON array of values.
        case repeated
        /// A `google.protobuf.Struct`: one JSON object whose members are the field's entries.
        case structObject
    }

    let fieldBase: [Int32]
    let keyStart: [Int32]
    let keyEnd: [Int32]
    let shape: [Shape]
    let keyBytes: [UInt8]

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
                keyBytes.append(contentsOf: "\"\(field.name)\":".utf8)
                keyEnd.append(Int32(keyBytes.count))
                if case .structObject = field.type {
                    shape.append(.structObject)
                } else {
                    shape.append(field.isRepeated ? .repeated : .single)
                }
            }
        }
        self.fieldBase = fieldBase
        self.keyStart = keyStart
        self.keyEnd = keyEnd
        self.shape = shape
        self.keyBytes = keyBytes
    }
}
