/// A compiled `@lookup` table: exact keys, numeric ranges or key prefixes, with an explicit default.
struct LookupTable: Sendable {
    struct RangeRow: Sendable {
        var lower: Double, lowerInclusive: Bool, upper: Double, upperInclusive: Bool
        var value: String
        var rowID: RuleID

        func contains(_ x: Double) -> Bool {
            (lowerInclusive ? x >= lower : x > lower) && (upperInclusive ? x <= upper : x < upper)
        }
    }

    let name: String
    let location: TableLocation
    let isRange: Bool
    /// Keys match the start of the value; the longest matching key wins (`@lookup NAME prefix`).
    let isPrefix: Bool
    /// nil means `default empty`: a miss gives no value.
    let defaultValue: String?
    private(set) var exact: [String: (value: String, rowID: RuleID)] = [:]
    private(set) var ranges: [RangeRow] = []

    init(_ syntax: LookupSyntax) throws(MappingError) {
        name = syntax.name
        location = syntax.location
        isRange = syntax.kind == .range
        isPrefix = syntax.kind == .prefix
        defaultValue = syntax.defaultValue
        if syntax.kind != .range { exact.reserveCapacity(syntax.rows.count) }
        for row in syntax.rows {
            if let range = row.range {
                ranges.append(
                    RangeRow(
                        lower: range.lower, lowerInclusive: range.lowerInclusive, upper: range.upper,
                        upperInclusive: range.upperInclusive, value: row.value, rowID: row.location.ruleID))
            } else {
                if let earlier = exact[row.key] {
                    throw row.location.error("key '\(row.key)' is already in lookup '\(name)' at \(earlier.rowID)")
                }
                exact[row.key] = (row.value, row.location.ruleID)
            }
        }
    }

    /// The exact rows, by key.
    var exactRows: [String: (value: String, rowID: RuleID)] { exact }
    /// The range rows, in table order.
    var rangeRows: [RangeRow] { ranges }

    /// Every value the table can produce, for checking them against an enum.
    var allValues: [(value: String, rowID: RuleID)] {
        var values = exact.values.map { ($0.value, $0.rowID) } + ranges.map { ($0.value, $0.rowID) }
        if let defaultValue { values.append((defaultValue, location.ruleID)) }
        return values
    }
}
