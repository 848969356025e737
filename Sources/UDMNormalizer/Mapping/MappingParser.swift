/// Parses the text of one mapping file into `MappingFileSyntax`.
///
/// The grammar (documented for authors in `Mappings/README.md`):
/// ```
/// @log_type NAME                 the UDM log type this file produces
/// @match CONDITION               which records the file handles
/// @when CONDITION … @end         rules inside apply only when CONDITION holds (blocks nest)
/// @lookup NAME [range|prefix] default VALUE|empty … @end   a lookup table, one `KEY = VALUE` row a line
/// @opaque PATH / @ignore PATH    source subtrees excluded from field coverage
/// @keys first_letter_any_case   member names also match with the first letter's case flipped (PascalCase AWS CLI output)
/// @eventbridge "TYPE", …          EventBridge detail-types whose `detail` this file handles
/// @dedupe_key SOURCE             what identifies a record for de-duplication
/// @check CONDITION "MESSAGE"    a diagnostic on every record where CONDITION holds
/// @remove TARGET                 (extension tables) drop the built-in rules for TARGET in this scope
/// @extends FILE                  (extension tables) the built-in file the rules go into
/// @role $NAME NOUN when CONDITION   a rule written to `$NAME.…` writes `NOUN.…` where CONDITION holds
/// @define NAME = CONDITION       a named condition, usable below it in this file wherever a condition is
/// @precedence first|last         (extension tables) rules are added, replacing none, before or after the built-in ones for their target
/// SOURCE -> TARGET [| STAGE]*    a rule; STAGE is a transform, `when CONDITION` or `resource TYPE "SUBTYPE"`
/// ```
struct MappingParser {
    /// The directives a table line may start with (after `@`), as error messages list them.
    static let directives = [
        "log_type", "keys", "match", "when", "end", "lookup", "define", "check", "eventbridge", "dedupe_key", "opaque", "ignore",
        "remove", "extends", "role", "precedence", "redact", "redact_value", "redact_json_text", "redact_keep",
        "unredact",
    ]

    let fileName: String

    /// Parses a whole file; the first error stops parsing (it names file, line and column).
    func parse(_ text: String) throws(MappingError) -> MappingFileSyntax {
        var file = MappingFileSyntax(name: fileName)
        var scopes: [(ConditionSyntax, TableLocation, String)] = []
        // The open blocks' conditions and text, as every rule inside them takes them: made when a
        // block opens or closes rather than once per rule.
        var scopeConditions: [ConditionSyntax] = []
        var scopeText = ""
        var scopeStructure: [ConditionSyntax] = []
        func scopesChanged() {
            scopeConditions = scopes.map(\.0)
            scopeText = scopes.map(\.2).joined(separator: " and ")
            scopeStructure = RuleIdentity.structure(of: scopeConditions)
        }
        var openLookup: LookupSyntax?
        var roles: [String: [RoleCase]] = [:]
        // `@define NAME = CONDITION`: named conditions, replaced by their condition where used.
        var defines: [String: ConditionSyntax] = [:]
        var lineNumber = 0
        // Lines are cut at each "\n" byte: splitting the String by Character walks grapheme
        // clusters (slow at start-up) and would not cut at "\r\n", a single Character. A plain
        // index loop, since the generic `split` over a UTF-8 view cost more than the cutting.
        let bytes = Array(text.utf8)
        let utf8 = text.utf8
        var lineStart = 0
        while lineStart <= bytes.count {
            var lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            defer { lineStart = lineEnd + 1 }
            var line = bytes[lineStart..<lineEnd]
            lineNumber += 1
            let location = TableLocation(file: fileName, line: lineNumber, column: 1)
            // A line whose code ends with `\` goes on on the next line: the two are read as one line,
            // joined by a space, located at the first (so no table line need be long).
            var continued = false
            while lineEnd < bytes.count, let body = Self.continuationBody(line) {
                let nextEnd = bytes[(lineEnd + 1)...].firstIndex(of: 0x0A) ?? bytes.count
                let next = bytes[(lineEnd + 1)..<nextEnd].drop { $0 == 0x20 || $0 == 0x09 }
                line = ArraySlice(body + [0x20] + next)
                lineEnd = nextEnd
                lineNumber += 1
                continued = true
            }
            let tokens = try MappingLexer(location: location).tokenize(line)
            guard let first = tokens.first else { continue }
            // Characters, as columns count them; an ASCII line has one per byte (counting
            // Characters walks grapheme clusters).
            let lineLength =
                line.allSatisfy { $0 < 0x80 } ? line.count : String(decoding: line, as: UTF8.self).count
            var cursor = TokenCursor(tokens: tokens, location: location, lineLength: lineLength)
            cursor.defines = defines

            if let lookupKind = openLookup?.kind {
                if first.kind == .directive {
                    guard first.text == "end", tokens.count == 1, let lookup = openLookup else {
                        throw location.error(
                            "expected a lookup row or '@end' to close '@lookup \(openLookup?.name ?? "")'",
                            column: first.column)
                    }
                    file.lookups.append(lookup)
                    openLookup = nil
                    continue
                }
                // Appended in place: a copy of the open table per row would copy every row before it.
                let row = try parseLookupRow(&cursor, kind: lookupKind)
                openLookup?.rows.append(row)
                continue
            }

            if first.kind == .directive {
                cursor.advance()
                let here = TableLocation(file: fileName, line: lineNumber, column: first.column)
                switch first.text {
                case "log_type":
                    guard file.logType == nil else { throw here.error("'@log_type' given twice") }
                    file.logType = try cursor.expectWord("a log type name")
                    file.logTypeLocation = here
                case "match":
                    guard file.match == nil else { throw here.error("'@match' given twice") }
                    file.match = try parseCondition(&cursor)
                    file.matchText = String(decoding: line, as: UTF8.self)
                case "when":
                    scopes.append((try parseCondition(&cursor), here, Self.directiveArgument(line)))
                    scopesChanged()
                case "end":
                    guard !scopes.isEmpty else { throw here.error("'@end' without an open '@when' or '@lookup'") }
                    scopes.removeLast()
                    scopesChanged()
                case "lookup":
                    openLookup = try parseLookupHeader(&cursor, location: here)
                case "eventbridge":
                    repeat {
                        file.eventBridgeDetailTypes.append(try cursor.expectValue())
                    } while cursor.skip(symbol: ",")
                case "check":
                    let condition = try parseCondition(&cursor)
                    guard let token = cursor.peek, token.kind == .string else {
                        throw cursor.error("expected the diagnostic's message in quotes after the condition")
                    }
                    cursor.advance()
                    file.checks.append((condition, token.text, here, scopeConditions))
                case "remove":
                    let target = try cursor.expectWord("a UDM field path")
                    file.removals.append(
                        RemovalSyntax(
                            identity: RuleIdentity(scope: scopeConditions, scopeText: scopeText, target: target),
                            location: here))
                case "define":
                    let nameColumn = cursor.column
                    let name = try cursor.expectWord("a condition name")
                    guard Self.isConditionName(name) else {
                        throw here.error(
                            "'\(name)' cannot name a condition: use letters, digits and '_', not a word of the language",
                            column: nameColumn)
                    }
                    guard defines[name] == nil else {
                        throw here.error("condition '\(name)' is already defined in this file", column: nameColumn)
                    }
                    guard cursor.skip(symbol: "=") else {
                        throw cursor.error("expected '=' after the condition's name")
                    }
                    defines[name] = try parseCondition(&cursor)
                case "role":
                    guard scopes.isEmpty else {
                        throw here.error("'@role' must be at the top level, outside '@when' blocks")
                    }
                    let nameColumn = cursor.column
                    let name = try cursor.expectWord("a role name such as $resource")
                    guard name.hasPrefix("$"), name.count > 1, !name.contains(".") else {
                        throw here.error(
                            "a role name starts with '$' and has no '.' (e.g. $resource)", column: nameColumn)
                    }
                    let noun = try cursor.expectWord("the UDM noun the role stands for (principal, target, …)")
                    guard cursor.skip(word: "when") else {
                        throw cursor.error("expected 'when CONDITION' after the role's noun")
                    }
                    let condition = try parseCondition(&cursor)
                    // The argument's words are one space apart: the condition is what follows the third space.
                    let words = Self.directiveArgument(line).utf8.split(
                        separator: UInt8(ascii: " "), maxSplits: 3, omittingEmptySubsequences: true)
                    let conditionText = words.count == 4 ? String(Substring(words[3])) : ""
                    roles[name, default: []].append(
                        RoleCase(
                            noun: noun, condition: condition, conditionText: conditionText,
                            structure: RuleIdentity.structure(of: [condition])))
                case "extends":
                    guard file.extends == nil else { throw here.error("'@extends' given twice") }
                    file.extends = try cursor.expectValue()
                case "precedence":
                    let order = try cursor.expectWord("'first' or 'last'")
                    guard order == "first" || order == "last" else {
                        throw here.error("'@precedence' takes 'first' or 'last', not '\(order)'")
                    }
                    guard file.precedence == nil else { throw here.error("'@precedence' given twice") }
                    file.precedence = order == "first" ? .first : .last
                case "keys":
                    let mode = try cursor.expectWord("a key matching mode")
                    guard mode == "first_letter_any_case" else {
                        throw here.error("'@keys' takes 'first_letter_any_case', not '\(mode)'")
                    }
                    guard file.rules.isEmpty, file.match == nil else {
                        throw here.error("'@keys' must come before '@match' and the rules")
                    }
                    file.firstLetterAnyCase = true
                case "dedupe_key":
                    guard file.dedupeKey == nil else { throw here.error("'@dedupe_key' given twice") }
                    file.dedupeKey = (try parseSourceExpression(&cursor), here)
                case "opaque", "ignore":
                    repeat {
                        let column = cursor.column
                        let path = try cursor.expectWord("a source path")
                        file.excludedPaths.append(
                            ExcludedPathSyntax(
                                kind: first.text == "opaque" ? .opaque : .ignore, path: path,
                                location: TableLocation(file: fileName, line: lineNumber, column: column)))
                    } while cursor.skip(symbol: ",")
                case let name where Self.redactionDirectives.contains(name):
                    try Self.parseRedaction(name, cursor: &cursor, line: line, location: here, into: &file.redaction)
                default:
                    let nearest = NearestName.nearest(to: first.text, among: Self.directives)
                    throw here.error(
                        "unknown directive '@\(first.text)'\(nearest.map { "; did you mean '@\($0)'?" } ?? "") (expected \(Self.directives.dropLast().map { "@\($0)" }.joined(separator: ", ")) or @\(Self.directives.last ?? ""))"
                    )
                }
                try cursor.expectEnd()
                continue
            }
            var rule = try parseRule(&cursor, location: location)
            rule.scope = scopeConditions
            rule.scopeText = scopeText
            rule.scopeStructure = scopeStructure
            rule.line =
                continued
                ? Substring(String(decoding: line, as: UTF8.self))
                : Substring(
                    text.utf8[
                        utf8.index(
                            utf8.startIndex, offsetBy: lineStart)..<utf8.index(
                                utf8.startIndex, offsetBy: lineEnd)])
            if rule.target.utf8.first == UInt8(ascii: "$") {
                file.rules += try Self.expandingRole(of: rule, roles: roles)
            } else {
                file.rules.append(rule)
            }
        }
        if let lookup = openLookup { throw lookup.location.error("'@lookup \(lookup.name)' is not closed with '@end'") }
        if let (_, location, _) = scopes.last { throw location.error("'@when' is not closed with '@end'") }
        return file
    }

    /// Whether `name` can name a condition (`@define`): letters, digits and `_`, starting with a
    /// letter, and no word the condition language uses.
    static func isConditionName(_ name: String) -> Bool {
        let keywords: Set = [
            "exists", "missing", "not", "and", "or", "in", "keys", "with", "when", "contains", "consists_of",
            "is_ip", "is_not_empty", "is_not_zero",
        ]
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic, !keywords.contains(name) else {
            return false
        }
        return name.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }

    /// One `@role $NAME NOUN when CONDITION` line: where the role's rules write when CONDITION holds.
    struct RoleCase {
        var noun: String
        var condition: ConditionSyntax
        var conditionText: String
        /// `condition` as rule identities compare it.
        var structure: [ConditionSyntax]
    }

    /// A rule whose target starts with a role (`$resource.asset.hostname`) becomes one rule per case of
    /// the role, in the order the cases were declared, each writing the case's noun under the case's
    /// condition (added to the rule's `@when` scope). Other rules are returned as they are.
    static func expandingRole(of rule: RuleSyntax, roles: [String: [RoleCase]]) throws(MappingError) -> [RuleSyntax] {
        guard rule.target.hasPrefix("$") else { return [rule] }
        let name = String(rule.target.prefix { $0 != "." && $0 != "[" })
        guard let cases = roles[name] else {
            throw rule.location.error("no '@role \(name) …' is declared above this rule", column: rule.targetColumn)
        }
        let rest = rule.target.dropFirst(name.count)
        return cases.map { role in
            var expanded = rule
            expanded.target = role.noun + rest
            expanded.scope.append(role.condition)
            expanded.scopeStructure += role.structure
            expanded.scopeText =
                rule.scopeText.isEmpty ? role.conditionText : "\(rule.scopeText) and \(role.conditionText)"
            return expanded
        }
    }

    /// The line without its final `\` when its code (outside quotes, with no comment after it)
    /// ends with one: the line goes on on the next. Nil for other lines.
    static func continuationBody(_ line: ArraySlice<UInt8>) -> [UInt8]? {
        // A comment ends the line, so a continued line's last byte (spaces aside) is the `\`.
        guard let last = line.last(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }), last == 0x5C else {
            return nil
        }
        let (text, comment) = splitComment(line)
        guard comment.isEmpty, text.utf8.last == 0x5C else { return nil }
        // A `\` that ends a quoted string is no continuation (the string would be open).
        var inString = false
        var escaped = false
        for byte in text.utf8.dropLast() {
            if escaped {
                escaped = false
            } else if inString && byte == 0x5C {
                escaped = true
            } else if byte == 0x22 {
                inString.toggle()
            }
        }
        guard !inString else { return nil }
        var body = Array(text.utf8.dropLast())
        while let last = body.last, last == 0x20 || last == 0x09 { body.removeLast() }
        return body
    }

    /// A line's text before and after its `#` comment (a `#` inside quotes is text), both trimmed.
    /// Works on UTF-8 bytes: it runs on every line of every table at start-up.
    static func splitComment(_ line: Substring) -> (text: String, comment: String) {
        splitComment(Array(line.utf8)[...])
    }

    /// `splitComment` on a line's UTF-8 bytes.
    static func splitComment(_ bytes: ArraySlice<UInt8>) -> (text: String, comment: String) {
        var inString = false
        var escaped = false
        var split = bytes.endIndex
        for index in bytes.indices {
            let byte = bytes[index]
            if inString {
                if escaped {
                    escaped = false
                } else if byte == 0x5C {
                    escaped = true
                } else if byte == 0x22 {
                    inString = false
                }
            } else if byte == 0x22 {
                inString = true
            } else if byte == 0x23 {
                split = index
                break
            }
        }
        let comment = split < bytes.endIndex ? trimmed(bytes[(split + 1)...]) : ""
        return (trimmed(bytes[..<split]), comment)
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        var slice = bytes
        while let first = slice.first, first == 0x20 || first == 0x09 || first == 0x0D { slice = slice.dropFirst() }
        while let last = slice.last, last == 0x20 || last == 0x09 || last == 0x0D { slice = slice.dropLast() }
        return String(decoding: slice, as: UTF8.self)
    }

    /// The text after a directive's name, without its comment (`@when a == "b"  # why` → `a == "b"`).
    /// Runs of ASCII whitespace become one space; works on bytes, as `splitComment` does.
    static func directiveArgument(_ line: String) -> String {
        directiveArgument(Array(line.utf8)[...])
    }

    /// `directiveArgument` on a line's UTF-8 bytes, as they lie in the table text.
    static func directiveArgument(_ line: ArraySlice<UInt8>) -> String {
        let text = Array(splitComment(line).text.utf8)
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        guard let space = text.firstIndex(where: isSpace) else { return "" }
        var argument: [UInt8] = []
        var pendingSpace = false
        for byte in text[space...] {
            if isSpace(byte) {
                pendingSpace = !argument.isEmpty
                continue
            }
            if pendingSpace {
                argument.append(0x20)
                pendingSpace = false
            }
            argument.append(byte)
        }
        return String(decoding: argument, as: UTF8.self)
    }

    // MARK: Rules

    private func parseRule(_ cursor: inout TokenCursor, location: TableLocation) throws(MappingError) -> RuleSyntax {
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

    private func parseSourceExpression(_ cursor: inout TokenCursor) throws(MappingError) -> SourceExpressionSyntax {
        var alternatives = [try parseConcatenation(&cursor)]
        while cursor.skip(symbol: "??") { alternatives.append(try parseConcatenation(&cursor)) }
        return alternatives.count == 1 ? alternatives[0] : .firstNonEmpty(alternatives)
    }

    private func parseConcatenation(_ cursor: inout TokenCursor) throws(MappingError) -> SourceExpressionSyntax {
        var parts = [try parseOperand(&cursor)]
        while cursor.skip(symbol: "+") { parts.append(try parseOperand(&cursor)) }
        return parts.count == 1 ? parts[0] : .concatenation(parts)
    }

    private func parseOperand(_ cursor: inout TokenCursor) throws(MappingError) -> SourceExpressionSyntax {
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

    // MARK: Conditions

    private func parseCondition(_ cursor: inout TokenCursor) throws(MappingError) -> ConditionSyntax {
        var left = try parseConjunction(&cursor)
        while cursor.skip(word: "or") { left = .or(left, try parseConjunction(&cursor)) }
        return left
    }

    private func parseConjunction(_ cursor: inout TokenCursor) throws(MappingError) -> ConditionSyntax {
        var left = try parseUnary(&cursor)
        while cursor.skip(word: "and") { left = .and(left, try parseUnary(&cursor)) }
        return left
    }

    private func parseUnary(_ cursor: inout TokenCursor) throws(MappingError) -> ConditionSyntax {
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
            "expected '==', '!=', 'in', 'contains', 'consists_of', '>', '>=', '<' or '<=' after '\(word)'")
    }

    // MARK: Lookups

    private func parseLookupHeader(_ cursor: inout TokenCursor, location: TableLocation) throws(MappingError)
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

    private func parseLookupRow(_ cursor: inout TokenCursor, kind: LookupSyntax.Kind) throws(MappingError)
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

/// A read position in one line's tokens, with error helpers that point at the current column.
struct TokenCursor {
    /// The file's named conditions defined above the line (`@define`).
    var defines: [String: ConditionSyntax] = [:]
    let tokens: [MappingToken]
    let location: TableLocation
    let lineLength: Int
    private(set) var index = 0

    init(tokens: [MappingToken], location: TableLocation, lineLength: Int) {
        self.tokens = tokens
        self.location = location
        self.lineLength = lineLength
    }

    var peek: MappingToken? { index < tokens.count ? tokens[index] : nil }
    /// Column of the next token, or one past the end of the line.
    var column: Int { peek?.column ?? lineLength + 1 }

    mutating func advance() { index += 1 }

    /// True when the next token continues a comparison (`==`, `in`, `contains`, …): the word before
    /// it is a path, not a named condition.
    var continuesComparison: Bool {
        guard let token = peek else { return false }
        switch token.kind {
        case .symbol: return ["==", "!=", ">=", "<=", ">", "<"].contains(token.text)
        case .word: return ["in", "contains", "consists_of"].contains(token.text)
        default: return false
        }
    }

    func error(_ message: String, column: Int? = nil) -> MappingError {
        location.error(message, column: column ?? self.column)
    }

    mutating func skip(symbol: String) -> Bool {
        guard let token = peek, token.kind == .symbol, token.text == symbol else { return false }
        index += 1
        return true
    }

    mutating func skip(word: String) -> Bool {
        guard let token = peek, token.kind == .word, token.text == word else { return false }
        index += 1
        return true
    }

    mutating func expectWord(_ what: String) throws(MappingError) -> String {
        guard let token = peek, token.kind == .word else {
            throw error("expected \(what)\(peek.map { ", found '\($0.text)'" } ?? "")")
        }
        index += 1
        return token.text
    }

    /// A constant: a quoted string or a bare word (`USER_LOGIN`, `true`, `42`).
    mutating func expectValue() throws(MappingError) -> String {
        guard let token = peek, token.kind == .word || token.kind == .string else {
            throw error("expected a value\(peek.map { ", found '\($0.text)'" } ?? "")")
        }
        index += 1
        return token.text
    }

    mutating func expectNumber() throws(MappingError) -> Double {
        let column = self.column
        let text = try expectWord("a number")
        if text == "inf" { return .infinity }
        if text == "-inf" { return -.infinity }
        guard let value = Double(text) else { throw error("'\(text)' is not a number", column: column) }
        return value
    }

    func expectEnd() throws(MappingError) {
        if let token = peek { throw error("unexpected '\(token.text)' at the end of the line", column: token.column) }
    }
}
