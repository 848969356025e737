/// Reads YARA-L 2.0 rule files: `rule NAME { meta: … events: … match: … outcome: … condition: … }`.
///
/// Every construct it does not run is a parse error naming it at `FILE:LINE:COLUMN`, never ignored:
/// `options:`, `before`/`after`/`every` windows, non-existence (`!$e`), unknown functions, regular
/// expressions RE2 refuses, placeholders outside a binding.
struct RuleParser {
    private let tokens: [RuleToken]
    let file: String
    private var index = 0

    static let sectionNames = ["meta", "events", "match", "outcome", "condition", "options"]

    /// The rules of one file.
    static func parse(_ text: String, file: String) throws(RuleParseError) -> [DetectionRule] {
        var parser = RuleParser(tokens: try RuleLexer.tokens(of: text, file: file), file: file)
        var rules: [DetectionRule] = []
        while parser.current.kind != .end {
            rules.append(try parser.rule())
        }
        guard !rules.isEmpty else {
            throw RuleParseError(file: file, location: RuleLocation(line: 1, column: 1), message: "no rule in the file")
        }
        return rules
    }

    private init(tokens: [RuleToken], file: String) {
        self.tokens = tokens
        self.file = file
    }

    private var current: RuleToken { tokens[index] }
    private func peek(_ offset: Int) -> RuleToken { tokens[min(index + offset, tokens.count - 1)] }

    @discardableResult
    private mutating func advance() -> RuleToken {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private func error(_ message: String, at token: RuleToken? = nil) -> RuleParseError {
        RuleParseError(file: file, location: (token ?? current).location, message: message)
    }

    private mutating func expectPunct(_ character: Character, _ context: String) throws(RuleParseError) {
        guard current.isPunct(character) else {
            throw error("expected '\(character)' \(context), found '\(current.text)'")
        }
        advance()
    }

    /// A section header (`events:`) or the rule's closing brace ends a section.
    private var atSectionEnd: Bool {
        if current.isPunct("}") || current.kind == .end { return true }
        if case .identifier(let name) = current.kind, Self.sectionNames.contains(name), peek(1).isPunct(":") {
            return true
        }
        return false
    }

    // MARK: Rule and sections

    private mutating func rule() throws(RuleParseError) -> DetectionRule {
        let start = current
        guard start.isIdentifier("rule") else { throw error("expected 'rule NAME {', found '\(start.text)'") }
        advance()
        guard case .identifier(let name) = current.kind else { throw error("expected the rule's name after 'rule'") }
        advance()
        try expectPunct("{", "after the rule's name")
        var meta: [(key: String, value: String)] = []
        var events: [RuleExpression]?
        var matchVariables: [String] = []
        var window: Int?
        var matchToken: RuleToken?
        var outcomes: [(name: String, expression: OutcomeExpression)] = []
        var condition: RuleCondition?
        var seen: Set<String> = []
        while !current.isPunct("}") {
            guard case .identifier(let section) = current.kind, peek(1).isPunct(":") else {
                throw error(
                    "expected a section (meta:, events:, match:, outcome:, condition:), found '\(current.text)'")
            }
            let header = advance()
            advance()
            guard seen.insert(section).inserted else { throw error("section '\(section):' appears twice", at: header) }
            switch section {
            case "meta": meta = try metaSection()
            case "events": events = try eventsSection()
            case "match":
                matchToken = header
                (matchVariables, window) = try matchSection()
            case "outcome": outcomes = try outcomeSection()
            case "condition": condition = try conditionExpression()
            case "options": throw error("the 'options:' section is not supported", at: header)
            default: throw error("unknown section '\(section):'", at: header)
            }
        }
        advance()
        guard let events else { throw error("rule \(name) has no events: section", at: start) }
        guard let condition else { throw error("rule \(name) has no condition: section", at: start) }
        var rule = DetectionRule(
            name: name, file: file, location: start.location, meta: meta, events: events,
            matchVariables: matchVariables, window: window, outcomes: outcomes, condition: condition,
            eventVariables: [], entityVariables: [], lists: [])
        try validate(&rule, start: start, matchToken: matchToken)
        return rule
    }

    private mutating func metaSection() throws(RuleParseError) -> [(key: String, value: String)] {
        var meta: [(key: String, value: String)] = []
        while !atSectionEnd {
            guard case .identifier(let key) = current.kind else { throw error("expected 'key = value' in meta:") }
            advance()
            guard current.isOp("=") else { throw error("expected '=' after meta key '\(key)'") }
            advance()
            switch current.kind {
            case .string(let text): meta.append((key, text))
            case .number(let number): meta.append((key, RuleScalar.numberText(number)))
            case .identifier(let word) where word == "true" || word == "false": meta.append((key, word))
            default: throw error("a meta value is a string, a number, true or false, not '\(current.text)'")
            }
            advance()
        }
        return meta
    }

    private mutating func eventsSection() throws(RuleParseError) -> [RuleExpression] {
        var statements: [RuleExpression] = []
        while !atSectionEnd {
            statements.append(try statement())
        }
        guard !statements.isEmpty else { throw error("the events: section is empty") }
        return statements
    }

    /// One top-level statement: placeholder bindings are allowed here only.
    private mutating func statement() throws(RuleParseError) -> RuleExpression {
        let start = current
        let expression = try orExpression(allowBinding: true)
        if case .bind = expression { return expression }
        try checkNoBinding(expression, start)
        return expression
    }

    private func checkNoBinding(_ expression: RuleExpression, _ start: RuleToken) throws(RuleParseError) {
        switch expression {
        case .bind(_, let placeholder, let location):
            throw RuleParseError(
                file: file, location: location,
                message:
                    "placeholder $\(placeholder) is bound inside 'or', 'not' or parentheses; bind it on its own line")
        case .and(let children), .or(let children):
            for child in children { try checkNoBinding(child, start) }
        case .not(let child): try checkNoBinding(child, start)
        default: return
        }
    }

    private mutating func matchSection() throws(RuleParseError) -> ([String], Int) {
        var variables: [String] = []
        while true {
            guard case .variable(let name) = current.kind else {
                throw error("expected a placeholder ($name) in match:, found '\(current.text)'")
            }
            variables.append(name)
            advance()
            if current.isPunct(",") {
                advance()
                continue
            }
            break
        }
        guard current.isIdentifier("over") else { throw error("expected 'over DURATION' in match:") }
        advance()
        guard case .duration(let seconds, _) = current.kind else {
            throw error("expected a duration (5m, 1h, 2d) after 'over', found '\(current.text)'")
        }
        advance()
        if case .identifier(let word) = current.kind, ["before", "after", "every"].contains(word) {
            throw error("'\(word)' windows are not supported; only 'over DURATION'")
        }
        guard atSectionEnd else { throw error("unexpected '\(current.text)' after the match window") }
        return (variables, seconds)
    }

    private mutating func outcomeSection() throws(RuleParseError) -> [(name: String, expression: OutcomeExpression)] {
        var outcomes: [(name: String, expression: OutcomeExpression)] = []
        while !atSectionEnd {
            guard case .variable(let name) = current.kind else {
                throw error("expected '$name = expression' in outcome:, found '\(current.text)'")
            }
            advance()
            guard current.isOp("=") else { throw error("expected '=' after outcome variable $\(name)") }
            advance()
            outcomes.append((name, try additive()))
        }
        return outcomes
    }

    // MARK: Boolean expressions

    private mutating func orExpression(allowBinding: Bool = false) throws(RuleParseError) -> RuleExpression {
        var children = [try andExpression(allowBinding: allowBinding)]
        while current.isIdentifier("or") {
            advance()
            children.append(try andExpression(allowBinding: false))
        }
        return children.count == 1 ? children[0] : .or(children)
    }

    private mutating func andExpression(allowBinding: Bool) throws(RuleParseError) -> RuleExpression {
        var children = [try notExpression(allowBinding: allowBinding)]
        while current.isIdentifier("and") {
            advance()
            children.append(try notExpression(allowBinding: false))
        }
        return children.count == 1 ? children[0] : .and(children)
    }

    private mutating func notExpression(allowBinding: Bool) throws(RuleParseError) -> RuleExpression {
        if current.isIdentifier("not") {
            advance()
            return .not(try notExpression(allowBinding: false))
        }
        if current.isOp("!") { throw error("'!' is not YARA-L; write 'not'") }
        return try primary(allowBinding: allowBinding)
    }

    private mutating func primary(allowBinding: Bool) throws(RuleParseError) -> RuleExpression {
        if current.isPunct("(") {
            advance()
            var children: [RuleExpression] = []
            while !current.isPunct(")") {
                if current.kind == .end || atSectionEnd { throw error("unbalanced '(': expected ')'") }
                children.append(try orExpression())
            }
            advance()
            return children.count == 1 ? children[0] : .and(children)
        }
        let start = current
        let left = try operand()
        if case .op(let op) = current.kind, let comparison = RuleComparison(rawValue: op) {
            advance()
            let rightToken = current
            var right = try operand()
            var nocase = false
            if current.isIdentifier("nocase") {
                advance()
                nocase = true
                if case .regex(let pattern) = right { right = .regex(pattern.folded()) }
            }
            if case .placeholder(let name) = right {
                return try binding(left, name, comparison, start: start, allowBinding: allowBinding)
            }
            if case .placeholder(let name) = left {
                return try binding(right, name, comparison, start: start, allowBinding: allowBinding)
            }
            if case .regex = left { throw error("a regular expression goes on the right of '='", at: start) }
            if case .regex = right, comparison != .equal, comparison != .notEqual {
                throw error("a regular expression is compared with '=' or '!=' only", at: rightToken)
            }
            return .compare(left, comparison, right, nocase: nocase, start.location)
        }
        if current.isIdentifier("in") {
            advance()
            var kind = ReferenceList.Kind.string
            if current.isIdentifier("regex") {
                kind = .regex
                advance()
            } else if current.isIdentifier("cidr") {
                kind = .cidr
                advance()
            }
            guard case .list(let name) = current.kind else {
                throw error("expected a reference list (%name) after 'in'")
            }
            advance()
            return .inList(left, list: name, kind, start.location)
        }
        if case .call = left { return .call(left) }
        throw error("expected a comparison (=, !=, <, >, <=, >=) or 'in %list' after '\(start.text)'", at: current)
    }

    private func binding(
        _ value: RuleOperand, _ placeholder: String, _ comparison: RuleComparison, start: RuleToken, allowBinding: Bool
    ) throws(RuleParseError) -> RuleExpression {
        guard comparison == .equal else {
            throw error(
                "placeholder $\(placeholder) can only be bound with '=', not '\(comparison.rawValue)'", at: start)
        }
        switch value {
        case .field, .call: break
        default: throw error("placeholder $\(placeholder) must be bound to a field or a function of fields", at: start)
        }
        return .bind(value, placeholder: placeholder, start.location)
    }

    private mutating func operand() throws(RuleParseError) -> RuleOperand {
        let token = current
        if atSectionEnd { throw error("expected a value, found '\(token.text)'") }
        switch token.kind {
        case .identifier(let word) where word == "any" || word == "all":
            guard case .variable = peek(1).kind else { break }
            advance()
            guard case .field(let variable, let path, _) = try operand() else {
                throw error("'\(word)' quantifies a repeated field ($e.field)", at: token)
            }
            return .field(variable: variable, path, RuleQuantifier(rawValue: word))
        case .variable(let name):
            advance()
            guard current.isPunct("."), !current.spaceBefore else { return .placeholder(name) }
            return .field(variable: name, try path(), nil)
        case .string(let text):
            advance()
            return .string(text)
        case .regex(let pattern):
            advance()
            do {
                return .regex(try RE2Pattern(pattern))
            } catch {
                throw self.error(error.message, at: token)
            }
        case .number(let number):
            advance()
            return .number(number)
        case .op("-"):
            if case .number(let number) = peek(1).kind {
                advance()
                advance()
                return .number(-number)
            }
        case .identifier(let word) where word == "true" || word == "false":
            advance()
            return .string(word)
        case .identifier:
            return try call()
        case .count(let name):
            throw error("#\(name) (a count) belongs in condition:, not here", at: token)
        case .list(let name):
            throw error("reference list %\(name) is read with 'in %\(name)'", at: token)
        default:
            break
        }
        throw error("expected a value, found '\(token.text)'", at: token)
    }

    /// `.a.b["key"].c` after an event variable.
    private mutating func path() throws(RuleParseError) -> RuleFieldPath {
        var steps: [RuleFieldPath.Step] = []
        while current.isPunct("."), !current.spaceBefore {
            advance()
            guard case .identifier(let name) = current.kind else {
                throw error("expected a field name after '.', found '\(current.text)'")
            }
            advance()
            if current.isPunct("["), !current.spaceBefore {
                advance()
                guard case .string(let key) = current.kind else {
                    throw error("a map field is read with a quoted key: \(name)[\"key\"]")
                }
                advance()
                try expectPunct("]", "after the map key")
                steps.append(.map(name, key: key))
            } else {
                steps.append(.field(name))
            }
        }
        return RuleFieldPath(steps: steps)
    }

    /// `name.name(args)`.
    private mutating func functionName() throws(RuleParseError) -> (RuleFunction, RuleToken) {
        let start = current
        guard case .identifier(var name) = current.kind else { throw error("expected a function name") }
        advance()
        while current.isPunct(".") {
            advance()
            guard case .identifier(let part) = current.kind else { throw error("expected a name after '.'") }
            name += "." + part
            advance()
        }
        guard current.isPunct("(") else {
            throw error("unexpected '\(name)': a field is read through an event variable ($e.\(name))", at: start)
        }
        guard let function = RuleFunction(rawValue: name) else {
            throw error("function '\(name)' is not supported", at: start)
        }
        return (function, start)
    }

    private mutating func call() throws(RuleParseError) -> RuleOperand {
        let (function, start) = try functionName()
        advance()
        var arguments: [RuleOperand] = []
        if !current.isPunct(")") {
            while true {
                let token = current
                var argument = try operand()
                if arguments.count == function.patternArgument {
                    guard case .string(let pattern) = argument else {
                        throw error("the pattern of \(function.rawValue) is a string literal", at: token)
                    }
                    do {
                        argument = .regex(try RE2Pattern(pattern))
                    } catch {
                        throw self.error(error.message, at: token)
                    }
                }
                arguments.append(argument)
                if current.isPunct(",") {
                    advance()
                    continue
                }
                break
            }
        }
        try expectPunct(")", "to close \(function.rawValue)(")
        guard function.arity.contains(arguments.count) else {
            throw error(
                "\(function.rawValue) takes \(function.arity.lowerBound == function.arity.upperBound ? "\(function.arity.lowerBound)" : "\(function.arity.lowerBound) to \(function.arity.upperBound)") arguments, not \(arguments.count)",
                at: start)
        }
        return .call(function, arguments, start.location)
    }

    // MARK: Outcome expressions

    private mutating func additive() throws(RuleParseError) -> OutcomeExpression {
        var left = try multiplicative()
        while case .op(let op) = current.kind, op == "+" || op == "-" {
            advance()
            left = .arithmetic(Character(op), left, try multiplicative())
        }
        return left
    }

    private mutating func multiplicative() throws(RuleParseError) -> OutcomeExpression {
        var left = try unary()
        while case .op(let op) = current.kind, op == "*" || op == "/" {
            advance()
            left = .arithmetic(Character(op), left, try unary())
        }
        return left
    }

    private mutating func unary() throws(RuleParseError) -> OutcomeExpression {
        if current.isOp("-") {
            advance()
            return .negate(try unary())
        }
        let token = current
        switch token.kind {
        case .number(let number):
            advance()
            return .number(number)
        case .string(let text):
            advance()
            return .string(text)
        case .punct("("):
            advance()
            let inner = try additive()
            try expectPunct(")", "to close '('")
            return inner
        case .variable(let name):
            advance()
            guard current.isPunct("."), !current.spaceBefore else { return .outcome(name) }
            return .field(variable: name, try path())
        case .identifier(let word) where word == "if" && peek(1).isPunct("("):
            advance()
            advance()
            let condition = try orExpression()
            try checkNoBinding(condition, token)
            try expectPunct(",", "after the condition of if(")
            let then = try additive()
            var otherwise: OutcomeExpression?
            if current.isPunct(",") {
                advance()
                otherwise = try additive()
            }
            try expectPunct(")", "to close if(")
            return .ifThen(condition, then, otherwise)
        case .identifier(let word) where peek(1).isPunct("("):
            if let aggregate = OutcomeAggregate(rawValue: word) {
                advance()
                advance()
                let inner = try additive()
                try expectPunct(")", "to close \(word)(")
                return .aggregate(aggregate, inner)
            }
            let (function, start) = try functionName()
            advance()
            var arguments: [OutcomeExpression] = []
            if !current.isPunct(")") {
                while true {
                    arguments.append(try additive())
                    if current.isPunct(",") {
                        advance()
                        continue
                    }
                    break
                }
            }
            try expectPunct(")", "to close \(function.rawValue)(")
            if function.patternArgument != nil {
                throw error("\(function.rawValue) is supported in events:, not in outcome:", at: start)
            }
            guard function.arity.contains(arguments.count) else {
                throw error("\(function.rawValue) does not take \(arguments.count) arguments", at: start)
            }
            return .call(function, arguments)
        case .identifier(let word):
            throw error(
                "'\(word)' is not supported in outcome: (aggregates: \(OutcomeAggregate.allCases.map(\.rawValue).joined(separator: ", ")), if, arithmetic)",
                at: token)
        default:
            throw error("expected an outcome value, found '\(token.text)'", at: token)
        }
    }

    // MARK: Condition

    private mutating func conditionExpression() throws(RuleParseError) -> RuleCondition {
        var children = [try conditionAnd()]
        while current.isIdentifier("or") {
            advance()
            children.append(try conditionAnd())
        }
        guard atSectionEnd || current.isPunct(")") else {
            throw error("unexpected '\(current.text)' in condition:")
        }
        return children.count == 1 ? children[0] : .or(children)
    }

    private mutating func conditionAnd() throws(RuleParseError) -> RuleCondition {
        var children = [try conditionPrimary()]
        while current.isIdentifier("and") {
            advance()
            children.append(try conditionPrimary())
        }
        return children.count == 1 ? children[0] : .and(children)
    }

    private mutating func conditionPrimary() throws(RuleParseError) -> RuleCondition {
        let token = current
        if token.isOp("!") || token.isIdentifier("not") {
            throw error("non-existence ('\(token.text)' in condition:) is not supported")
        }
        if token.isPunct("(") {
            advance()
            let inner = try conditionExpression()
            try expectPunct(")", "to close '('")
            return inner
        }
        let term: RuleConditionTerm
        switch token.kind {
        case .variable(let name):
            advance()
            guard case .op(let op) = current.kind, let comparison = RuleComparison(rawValue: op) else {
                return .present(name)
            }
            advance()
            return .compare(.outcome(name), comparison, try conditionNumber())
        case .count(let name): term = .eventCount(name)
        default: throw error("expected $variable or #variable in condition:, found '\(token.text)'")
        }
        advance()
        guard case .op(let op) = current.kind, let comparison = RuleComparison(rawValue: op) else {
            throw error("a count is compared with a number: \(token.text) > 1")
        }
        advance()
        return .compare(term, comparison, try conditionNumber())
    }

    private mutating func conditionNumber() throws(RuleParseError) -> Double {
        guard case .number(let number) = current.kind else { throw error("expected a number, found '\(current.text)'") }
        advance()
        return number
    }
}
