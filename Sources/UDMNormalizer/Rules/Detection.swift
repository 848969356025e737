/// One firing of a rule: the events it joined, the window they lie in, the match values and outcomes.
package struct Detection: Sendable {
    package var rule: String
    /// The match variables' values (`$user_id` → `alice`), in the match section's order.
    package var matchValues: [(name: String, value: String)]
    /// The first and last contributing event times (seconds since the epoch).
    package var windowStart: Double?
    package var windowEnd: Double?
    package var outcomes: [(name: String, value: OutcomeValue)]
    /// The origins (`file:line:Records[i]`) of the first 20 contributing events, in time order.
    package var origins: [String]
    /// How many events contributed.
    package var eventCount: Int

    static let originLimit = 20
}

/// An outcome variable's value.
package enum OutcomeValue: Sendable, Equatable, CustomStringConvertible {
    case number(Double)
    case text(String)
    case list([String])

    package var number: Double {
        switch self {
        case .number(let number): return number
        case .text(let text): return Double(text) ?? 0
        case .list(let values): return values.count == 1 ? Double(values[0]) ?? 0 : 0
        }
    }

    package var description: String {
        switch self {
        case .number(let number): return RuleScalar.numberText(number)
        case .text(let text): return text
        case .list(let values): return "[" + values.joined(separator: ", ") + "]"
        }
    }
}
