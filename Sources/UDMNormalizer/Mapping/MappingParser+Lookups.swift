/// Lookups: the `@lookup` header and its rows.
extension MappingParser {
    func parseLookupHeader(_ cursor: inout TokenCursor, location: TableLocation) throws(MappingError)
        -> LookupSyntax
    {
        let name = try cursor.expectWord("a lookup name")
        var kind = LookupSyntax.Kind.exact
        if cursor.skip(word: "range") { kind = .range } else if cursor.skip(word: "prefix") { kind = .prefix }
        guard cursor.skip(word: "default") else {
            throw cursor.error("expected 'default VALUE' or 'default empty': every lookup states what a miss gives")
        }
        let defaultToken = cursor.peek
        let value = try cursor.expectValue()
        let isEmpty = defaultToken?.kind == .word && value == "empty"
        return LookupSyntax(name: name, kind: kind, defaultValue: isEmpty ? nil : value, location: location)
    }

    func parseLookupRow(_ cursor: inout TokenCursor, kind: LookupSyntax.Kind) throws(MappingError)
        -> LookupSyntax.Row
    {
        let location = TableLocation(file: fileName, line: cursor.location.line, column: cursor.column)
        var row = LookupSyntax.Row(key: "", range: nil, value: "", location: location)
        switch kind {
        case .exact, .prefix:
            row.key = try cursor.expectValue()
            if kind == .prefix, row.key.isEmpty {
                throw location.error(
                    "a prefix row needs a non-empty key (the table's default covers every other value)")
            }
        case .range:
            let lowerInclusive: Bool
            if cursor.skip(symbol: "[") {
                lowerInclusive = true
            } else if cursor.skip(symbol: "(") {
                lowerInclusive = false
            } else {
                throw cursor.error("expected a range row such as '[1, 4) = LOW'")
            }
            let lower = try cursor.expectNumber()
            guard cursor.skip(symbol: ",") else { throw cursor.error("expected ',' between the bounds") }
            let upper = try cursor.expectNumber()
            let upperInclusive: Bool
            if cursor.skip(symbol: "]") {
                upperInclusive = true
            } else if cursor.skip(symbol: ")") {
                upperInclusive = false
            } else {
                throw cursor.error("expected ']' or ')' to close the range")
            }
            guard lower <= upper else { throw location.error("the range's lower bound is above its upper bound") }
            row.range = (lower, lowerInclusive, upper, upperInclusive)
            row.key = "\(lowerInclusive ? "[" : "(")\(lower), \(upper)\(upperInclusive ? "]" : ")")"
        }
        guard cursor.skip(symbol: "=") else { throw cursor.error("expected '=' between key and value") }
        row.value = try cursor.expectValue()
        try cursor.expectEnd()
        return row
    }
}
