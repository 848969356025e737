/// Conditions: `exists`, comparisons, `in (…)`, `in keys`, named conditions, `not` / `and` / `or`.
extension MappingParser {
    func parseCondition(_ cursor: inout TokenCursor) throws(MappingError) -> ConditionSyntax {
        var left = try parseConjunction(&cursor)
        while cursor.skip(word: "or") { left = .or(left, try parseConjunction(&cursor)) }
        return left
    }

    func parseConjunction(_ cursor: inout TokenCursor) throws(MappingError) -> ConditionSyntax {
        var left = try parseUnary(&cursor)
        while cursor.skip(word: "and") { left = .and(left, try parseUnary(&cursor)) }
        return left
    }

    func parseUnary(_ cursor: inout TokenCursor) throws(MappingError) -> ConditionSyntax {
        if cursor.skip(word: "not") { return .not(try parseUnary(&cursor)) }
        if cursor.skip(symbol: "(") {
            let inner = try parseCondition(&cursor)
            guard cursor.skip(symbol: ")") else { throw cursor.error("expected ')'") }
            return inner
        }
        let column = cursor.column
        let word = try cursor.expectWord(
            "a condition (exists PATH, missing PATH, PATH == VALUE, PATH != VALUE, PATH in (…), PATH > NUMBER, is_ip)")
        switch word {
        case "exists":
            let pathColumn = cursor.column
            return .exists(path: try cursor.expectWord("a source path"), column: pathColumn)
        case "missing":
            let pathColumn = cursor.column
            return .missing(path: try cursor.expectWord("a source path"), column: pathColumn)
        case "is_ip", "is_not_empty", "is_not_zero": return .valuePredicate(name: word, column: column)
        default: break
        }
        if let defined = cursor.defines[word], !cursor.continuesComparison { return defined }
        if cursor.skip(symbol: "==") { return .equals(path: word, values: [try cursor.expectValue()], column: column) }
        for comparison in [">=", "<=", ">", "<"] where cursor.skip(symbol: comparison) {
            return .compare(path: word, operator: comparison, value: try cursor.expectNumber(), column: column)
        }
        if cursor.skip(symbol: "!=") {
            return .notEquals(path: word, values: [try cursor.expectValue()], column: column)
        }
        if cursor.skip(word: "consists_of") {
            return .consistsOf(path: word, characters: try cursor.expectValue(), column: column)
        }
        if cursor.skip(word: "only_keys_of") {
            return .onlyKeysOf(path: word, lookup: try cursor.expectWord("a lookup name"), column: column)
        }
        if cursor.skip(word: "contains") {
            return .contains(path: word, text: try cursor.expectValue(), column: column)
        }
        if cursor.skip(word: "in") {
            if cursor.skip(word: "keys") {
                let lookup = try cursor.expectWord("a lookup name")
                var values: [String]?
                if cursor.skip(word: "with") {
                    guard cursor.skip(symbol: "(") else { throw cursor.error("expected '(' after 'with'") }
                    var list = [try cursor.expectValue()]
                    while cursor.skip(symbol: ",") { list.append(try cursor.expectValue()) }
                    guard cursor.skip(symbol: ")") else { throw cursor.error("expected ')' to close the 'with' list") }
                    values = list
                }
                return .inLookupKeys(path: word, lookup: lookup, values: values, column: column)
            }
            guard cursor.skip(symbol: "(") else { throw cursor.error("expected '(' or 'keys' after 'in'") }
            var values = [try cursor.expectValue()]
            while cursor.skip(symbol: ",") { values.append(try cursor.expectValue()) }
            guard cursor.skip(symbol: ")") else { throw cursor.error("expected ')' to close the 'in' list") }
            return .equals(path: word, values: values, column: column)
        }
        throw cursor.error(
            "expected '==', '!=', 'in', 'contains', 'consists_of', 'only_keys_of', '>', '>=', '<' or '<=' after '\(word)'"
        )
    }
}
