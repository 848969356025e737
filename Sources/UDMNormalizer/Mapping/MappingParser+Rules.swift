/// Rules: `SOURCE -> TARGET | STAGE …` and their source expressions.
extension MappingParser {
    func parseRule(_ cursor: inout TokenCursor, location: TableLocation) throws(MappingError) -> RuleSyntax {
        let ruleLocation = TableLocation(file: fileName, line: location.line, column: cursor.column)
        let source = try parseSourceExpression(&cursor)
        guard cursor.skip(symbol: "->") else {
            throw cursor.error("expected '->' between source and target")
        }
        let targetColumn = cursor.column
        let target = try cursor.expectWord("a UDM field path")
        var stages: [StageSyntax] = []
        while cursor.skip(symbol: "|") {
            let column = cursor.column
            let name = try cursor.expectWord("a stage (such as lower, json or lookup NAME) or 'when'")
            if name == "when" {
                stages.append(.when(try parseCondition(&cursor)))
            } else if name == "resource" {
                let resourceType = try cursor.expectWord("a resource_type value (VIRTUAL_MACHINE, STORAGE_BUCKET, …)")
                guard let token = cursor.peek, token.kind == .string else {
                    throw cursor.error(
                        "expected the resource subtype in quotes after the resource type (\"AWS::EC2::Instance\")")
                }
                cursor.advance()
                stages.append(.resource(type: resourceType, subtype: token.text, column: column))
            } else if name == "target_key" {
                let keys = try cursor.expectWord("the lookup of key classes (none, used, key)")
                let verbs = try cursor.expectWord(
                    "the prefix lookup of the verbs whose response names what the call made")
                let types = try cursor.expectWord("the lookup of resource types by SERVICE:Stem")
                stages.append(.targetKey(keys: keys, verbs: verbs, types: types, column: column))
            } else {
                var argument: String?
                if let token = cursor.peek, token.kind == .word || token.kind == .string {
                    argument = token.text
                    cursor.advance()
                }
                stages.append(.transform(name: name, argument: argument, column: column))
            }
        }
        try cursor.expectEnd()
        return RuleSyntax(
            location: ruleLocation, source: source, target: target, targetColumn: targetColumn, stages: stages,
            scope: [])
    }

    func parseSourceExpression(_ cursor: inout TokenCursor) throws(MappingError) -> SourceExpressionSyntax {
        var alternatives = [try parseConcatenation(&cursor)]
        while cursor.skip(symbol: "??") { alternatives.append(try parseConcatenation(&cursor)) }
        return alternatives.count == 1 ? alternatives[0] : .firstNonEmpty(alternatives)
    }

    func parseConcatenation(_ cursor: inout TokenCursor) throws(MappingError) -> SourceExpressionSyntax {
        var parts = [try parseOperand(&cursor)]
        while cursor.skip(symbol: "+") { parts.append(try parseOperand(&cursor)) }
        return parts.count == 1 ? parts[0] : .concatenation(parts)
    }

    func parseOperand(_ cursor: inout TokenCursor) throws(MappingError) -> SourceExpressionSyntax {
        guard let token = cursor.peek else { throw cursor.error("expected a source path or a quoted constant") }
        cursor.advance()
        switch token.kind {
        case .string: return .literal(token.text, column: token.column)
        case .word: return .path(token.text, column: token.column)
        default:
            throw cursor.error(
                "expected a source path or a quoted constant, found '\(token.text)'", column: token.column)
        }
    }
}
