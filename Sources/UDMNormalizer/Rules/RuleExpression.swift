/// A boolean expression of an `events:` section or of an `if(…)`.
indirect enum RuleExpression: Sendable {
    case and([RuleExpression])
    case or([RuleExpression])
    case not(RuleExpression)
    /// `left op right`, `nocase` folding case; a regex on the right (`= /…/`) searches.
    case compare(RuleOperand, RuleComparison, RuleOperand, nocase: Bool, RuleLocation)
    /// `value in %list`, `value in regex %list`, `value in cidr %list`.
    case inList(RuleOperand, list: String, ReferenceList.Kind, RuleLocation)
    /// A function used as a predicate: `re.regex($e.f, "…")`, `net.ip_in_range_cidr(…)`.
    case call(RuleOperand)
    /// `$e.f = $placeholder` (or `re.capture(…) = $placeholder`): binds the placeholder.
    case bind(RuleOperand, placeholder: String, RuleLocation)

    /// Visits every operand, call arguments included.
    func forEachOperand(_ body: (RuleOperand) -> Void) {
        switch self {
        case .and(let children), .or(let children):
            for child in children { child.forEachOperand(body) }
        case .not(let child): child.forEachOperand(body)
        case .compare(let left, _, let right, _, _):
            left.forEach(body)
            right.forEach(body)
        case .inList(let value, _, _, _): value.forEach(body)
        case .call(let call): call.forEach(body)
        case .bind(let value, _, _): value.forEach(body)
        }
    }

    /// The event variables the expression reads.
    var variables: Set<String> {
        var names: Set<String> = []
        forEachOperand { if case .field(let variable, _, _) = $0 { names.insert(variable) } }
        return names
    }

    /// Every field read, with its variable.
    var fields: [(variable: String, path: RuleFieldPath)] {
        var out: [(String, RuleFieldPath)] = []
        forEachOperand { if case .field(let variable, let path, _) = $0 { out.append((variable, path)) } }
        return out
    }
}

/// `=`, `!=`, `<`, `<=`, `>`, `>=`.
enum RuleComparison: String, Sendable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    func holds(_ order: Int) -> Bool {
        switch self {
        case .equal: return order == 0
        case .notEqual: return order != 0
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        case .greater: return order > 0
        case .greaterOrEqual: return order >= 0
        }
    }
}

/// `any $e.f` / `all $e.f`: a repeated field compared without unnesting.
enum RuleQuantifier: String, Sendable {
    case any, all
}

/// A value in an expression.
indirect enum RuleOperand: Sendable {
    case field(variable: String, RuleFieldPath, RuleQuantifier?)
    case placeholder(String)
    case string(String)
    case number(Double)
    case regex(RE2Pattern)
    case call(RuleFunction, [RuleOperand], RuleLocation)

    /// `any $e.f` / `all $e.f`.
    var isQuantified: Bool {
        if case .field(_, _, _?) = self { return true }
        return false
    }

    func forEach(_ body: (RuleOperand) -> Void) {
        body(self)
        if case .call(_, let arguments, _) = self {
            for argument in arguments { argument.forEach(body) }
        }
    }
}
