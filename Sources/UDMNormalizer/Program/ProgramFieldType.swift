/// The scalar type a rule's target holds, as plain data (the schema's `FieldType` carries a string
/// for types the tables cannot write, which would make every copy of a rule count references).
struct ProgramFieldType: Sendable, Equatable {
    enum Kind: UInt8, Sendable {
        case string, bytes, enumeration, timestamp, int32, int64, uint32, uint64, float, double, bool
        /// A type a rule can name but never write (a duration; the tables reject the others when compiled).
        case unwritable
    }
    var kind: Kind
    /// For `enumeration`: the index into `UDMSchema.enums`.
    var enumeration: Int32

    init(_ type: UDMSchema.FieldType) {
        enumeration = -1
        switch type {
        case .string: kind = .string
        case .bytes: kind = .bytes
        case .enumeration(let index):
            kind = .enumeration
            enumeration = Int32(index)
        case .timestamp: kind = .timestamp
        case .int32: kind = .int32
        case .int64: kind = .int64
        case .uint32: kind = .uint32
        case .uint64: kind = .uint64
        case .float: kind = .float
        case .double: kind = .double
        case .bool: kind = .bool
        case .duration, .message, .structObject, .other: kind = .unwritable
        }
    }

    /// The schema's type for an integer kind, for the range check.
    var integerType: UDMSchema.FieldType {
        switch kind {
        case .int32: return .int32
        case .uint32: return .uint32
        case .uint64: return .uint64
        default: return .int64
        }
    }
}
