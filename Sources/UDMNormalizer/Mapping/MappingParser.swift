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
        "log_type", "keys", "match", "when", "end", "lookup", "define", "check", "eventbridge", "dedupe_key", "opaque",
        "ignore",
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

    static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
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
}
