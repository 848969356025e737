extension RuleParser {
    /// Checks what the sections say of each other and fills the rule's variable lists.
    func validate(_ rule: inout DetectionRule, start: RuleToken, matchToken: RuleToken?) throws(RuleParseError) {
        func fail(_ message: String, _ location: RuleLocation? = nil) -> RuleParseError {
            RuleParseError(file: file, location: location ?? start.location, message: message)
        }
        var variables: [String] = []
        var graphPaths: [String: Bool] = [:]
        var placeholders: Set<String> = []
        var lists: [String] = []
        for statement in rule.events {
            statement.forEachOperand { operand in
                if case .field(let variable, let path, _) = operand {
                    if !variables.contains(variable) { variables.append(variable) }
                    graphPaths[variable] = (graphPaths[variable] ?? true) && path.isGraph
                }
            }
            collect(statement, placeholders: &placeholders, lists: &lists)
        }
        for statement in rule.events {
            var usesPlaceholder: String?
            statement.forEachOperand { if case .placeholder(let name) = $0 { usesPlaceholder = name } }
            if let name = usesPlaceholder {
                throw fail("placeholder $\(name) is compared, not bound; bind it with '$e.field = $\(name)'")
            }
        }
        rule.eventVariables = variables
        rule.entityVariables = Set(variables.filter { graphPaths[$0] == true })
        for variable in variables where !rule.entityVariables.contains(variable) {
            if graphPaths[variable] == false,
                rule.events.contains(where: { statement in
                    statement.fields.contains { $0.variable == variable && $0.path.isGraph }
                })
            {
                throw fail("$\(variable) reads both event fields and graph.… entity fields")
            }
        }
        rule.lists = lists
        for name in rule.matchVariables where !placeholders.contains(name) {
            throw fail("match variable $\(name) is not bound in events: ($e.field = $\(name))", matchToken?.location)
        }
        let outcomeNames = Set(rule.outcomes.map(\.name))
        var defined: Set<String> = []
        for index in rule.outcomes.indices {
            let (name, expression) = rule.outcomes[index]
            for (variable, _) in expression.fields where !variables.contains(variable) {
                throw fail("outcome $\(name) reads $\(variable), which events: does not define")
            }
            let resolved = Self.placeholders(in: expression, placeholders, defined: defined)
            try checkOutcomeReferences(resolved, defined: defined, name: name, fail: fail)
            rule.outcomes[index].expression = resolved
            defined.insert(name)
        }
        rule.condition = try resolve(
            rule.condition, variables: Set(variables), placeholders: placeholders, outcomes: outcomeNames, fail: fail)
        let eventVariables = variables.filter { !rule.entityVariables.contains($0) }
        if rule.window == nil {
            if eventVariables.count > 1 {
                throw fail("a rule over several event variables needs a match: section")
            }
            if Self.hasCounts(rule.condition) {
                throw fail("counts in condition: need a match: section")
            }
        }
        if eventVariables.isEmpty { throw fail("events: reads no event variable") }
    }

    /// `$name` in an outcome is an earlier outcome, else a placeholder.
    static func placeholders(in expression: OutcomeExpression, _ names: Set<String>, defined: Set<String>)
        -> OutcomeExpression
    {
        func walk(_ expression: OutcomeExpression) -> OutcomeExpression {
            switch expression {
            case .outcome(let name) where !defined.contains(name) && names.contains(name): return .placeholder(name)
            case .aggregate(let aggregate, let inner): return .aggregate(aggregate, walk(inner))
            case .negate(let inner): return .negate(walk(inner))
            case .arithmetic(let op, let left, let right): return .arithmetic(op, walk(left), walk(right))
            case .ifThen(let condition, let then, let otherwise):
                return .ifThen(condition, walk(then), otherwise.map(walk))
            case .call(let function, let arguments): return .call(function, arguments.map(walk))
            default: return expression
            }
        }
        return walk(expression)
    }

    private func collect(_ expression: RuleExpression, placeholders: inout Set<String>, lists: inout [String]) {
        switch expression {
        case .bind(_, let name, _): placeholders.insert(name)
        case .inList(_, let name, _, _): if !lists.contains(name) { lists.append(name) }
        case .and(let children), .or(let children):
            for child in children { collect(child, placeholders: &placeholders, lists: &lists) }
        case .not(let child): collect(child, placeholders: &placeholders, lists: &lists)
        case .compare, .call: break
        }
    }

    private func checkOutcomeReferences(
        _ expression: OutcomeExpression, defined: Set<String>, name: String,
        fail: (String, RuleLocation?) -> RuleParseError
    ) throws(RuleParseError) {
        switch expression {
        case .outcome(let other):
            guard defined.contains(other) else {
                throw fail(
                    "outcome $\(name) reads $\(other), which is neither an earlier outcome nor an event field", nil)
            }
        case .aggregate(_, let inner), .negate(let inner):
            try checkOutcomeReferences(inner, defined: defined, name: name, fail: fail)
        case .arithmetic(_, let left, let right):
            try checkOutcomeReferences(left, defined: defined, name: name, fail: fail)
            try checkOutcomeReferences(right, defined: defined, name: name, fail: fail)
        case .ifThen(_, let then, let otherwise):
            try checkOutcomeReferences(then, defined: defined, name: name, fail: fail)
            if let otherwise { try checkOutcomeReferences(otherwise, defined: defined, name: name, fail: fail) }
        case .call(_, let arguments):
            for argument in arguments { try checkOutcomeReferences(argument, defined: defined, name: name, fail: fail) }
        case .number, .string, .field, .placeholder: break
        }
    }

    private func resolve(
        _ condition: RuleCondition, variables: Set<String>, placeholders: Set<String>, outcomes: Set<String>,
        fail: (String, RuleLocation?) -> RuleParseError
    ) throws(RuleParseError) -> RuleCondition {
        switch condition {
        case .and(let children):
            var out: [RuleCondition] = []
            for child in children {
                out.append(
                    try resolve(child, variables: variables, placeholders: placeholders, outcomes: outcomes, fail: fail)
                )
            }
            return .and(out)
        case .or(let children):
            var out: [RuleCondition] = []
            for child in children {
                out.append(
                    try resolve(child, variables: variables, placeholders: placeholders, outcomes: outcomes, fail: fail)
                )
            }
            return .or(out)
        case .present(let name):
            guard variables.contains(name) else {
                if outcomes.contains(name) {
                    throw fail("outcome $\(name) is compared in condition: ($\(name) > N)", nil)
                }
                throw fail("condition: names $\(name), which events: does not define", nil)
            }
            return condition
        case .compare(.eventCount(let name), let comparison, let number):
            if variables.contains(name) { return condition }
            if placeholders.contains(name) { return .compare(.placeholderCount(name), comparison, number) }
            throw fail("condition: counts #\(name), which is neither an event variable nor a placeholder", nil)
        case .compare(.outcome(let name), _, _):
            guard outcomes.contains(name) else {
                throw fail("condition: compares $\(name), which outcome: does not define", nil)
            }
            return condition
        case .compare(.placeholderCount, _, _):
            return condition
        }
    }

    static func hasCounts(_ condition: RuleCondition) -> Bool {
        switch condition {
        case .and(let children), .or(let children): return children.contains(where: hasCounts)
        case .present: return false
        case .compare(let term, _, _):
            if case .outcome = term { return false }
            return true
        }
    }
}
