import Foundation

/// One value as a rule compares it: a field's value on one unnested row, a literal or a function's result.
///
/// An absent field reads as `""` in text comparisons and 0 in numeric ones.
enum RuleScalar: Sendable, Hashable {
    case absent
    case string(String)
    case number(Double)
    case bool(Bool)

    var text: String {
        switch self {
        case .absent: return ""
        case .string(let text): return text
        case .number(let number): return Self.numberText(number)
        case .bool(let value): return value ? "true" : "false"
        }
    }

    /// The value as a number; nil for text that is not one.
    var number: Double? {
        switch self {
        case .absent: return 0
        case .number(let number): return number
        case .bool(let value): return value ? 1 : 0
        case .string(let text): return Double(text.trimmingCharacters(in: .whitespaces))
        }
    }

    /// What a placeholder cannot be bound to: absent, "", false, 0 and enum `*_UNSPECIFIED` values.
    var isZero: Bool {
        switch self {
        case .absent: return true
        case .string(let text): return text.isEmpty || text.hasSuffix("_UNSPECIFIED")
        case .number(let number): return number == 0
        case .bool(let value): return !value
        }
    }

    var isNumeric: Bool {
        if case .number = self { return true }
        return false
    }

    /// `3` for 3.0, `2.5` otherwise.
    static func numberText(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }
}
