/// A condition as a node of a flat tree: operands are numbers into `MappingProgram.conditions`,
/// paths into `MappingProgram.paths`, texts ranges of `MappingProgram.bytes`.
enum ProgramCondition: Sendable {
    case exists(path: Int32)
    case missing(path: Int32)
    /// The field's text is one of a range of `MappingProgram.byteLists`.
    case equals(path: Int32, valueStart: Int32, valueCount: Int32)
    case notEquals(path: Int32, valueStart: Int32, valueCount: Int32)
    case compare(path: Int32, comparison: Comparison, limit: Double)
    /// A non-empty string whose every byte is one of the (ASCII) characters listed.
    case consistsOf(path: Int32, characters: ProgramBytes)
    /// The field's text (a string's value, otherwise its JSON text) contains these UTF-8 bytes.
    case contains(path: Int32, needle: ProgramBytes)
    /// The field is absent, or an object whose every member name is one of a range of `MappingProgram.byteLists`.
    case onlyKeys(path: Int32, valueStart: Int32, valueCount: Int32)
    /// The value being mapped is an IPv4 or IPv6 address.
    case isIP
    case isNotEmpty
    /// The value being mapped is not the number 0.
    case isNotZero
    case not(Int32)
    case and(Int32, Int32)
    case or(Int32, Int32)

    /// How `compare` compares the field's number with the limit.
    enum Comparison: UInt8, Sendable {
        case greater, greaterOrEqual, less, lessOrEqual

        init(_ text: String) {
            switch text {
            case ">": self = .greater
            case ">=": self = .greaterOrEqual
            case "<": self = .less
            default: self = .lessOrEqual
            }
        }
    }
}
