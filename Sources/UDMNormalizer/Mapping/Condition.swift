/// A compiled condition: over record fields, or over the value a rule is mapping (`is_ip`).
indirect enum Condition: Sendable {
    case exists(SourcePath)
    case missing(SourcePath)
    case equals(SourcePath, Set<String>)
    case notEquals(SourcePath, Set<String>)
    /// The value being mapped is an IPv4 or IPv6 address.
    case isIP
    case isNotEmpty
    case not(Condition)
    case and(Condition, Condition)
    case or(Condition, Condition)

    init(_ syntax: ConditionSyntax, location: TableLocation, keyCase: SourcePath.KeyCase = .exact) throws(MappingError) {
        switch syntax {
        case .exists(let path, let column): self = .exists(try SourcePath(path, location: location, column: column, keyCase: keyCase))
        case .missing(let path, let column): self = .missing(try SourcePath(path, location: location, column: column, keyCase: keyCase))
        case .equals(let path, let values, let column): self = .equals(try SourcePath(path, location: location, column: column, keyCase: keyCase), Set(values))
        case .notEquals(let path, let values, let column): self = .notEquals(try SourcePath(path, location: location, column: column, keyCase: keyCase), Set(values))
        case .valuePredicate(let name, let column):
            switch name {
            case "is_ip": self = .isIP
            case "is_not_empty": self = .isNotEmpty
            default: throw location.error("unknown predicate '\(name)'", column: column)
            }
        case .not(let inner): self = .not(try Condition(inner, location: location, keyCase: keyCase))
        case .and(let a, let b): self = .and(try Condition(a, location: location, keyCase: keyCase), try Condition(b, location: location, keyCase: keyCase))
        case .or(let a, let b): self = .or(try Condition(a, location: location, keyCase: keyCase), try Condition(b, location: location, keyCase: keyCase))
        }
    }

    /// True when the condition reads the value being mapped, so it must run after the source is read.
    var readsValue: Bool {
        switch self {
        case .isIP, .isNotEmpty: return true
        case .exists, .missing, .equals, .notEquals: return false
        case .not(let c): return c.readsValue
        case .and(let a, let b), .or(let a, let b): return a.readsValue || b.readsValue
        }
    }

    /// Every source path the condition reads.
    var paths: [SourcePath] {
        switch self {
        case .exists(let p), .missing(let p), .equals(let p, _), .notEquals(let p, _): return [p]
        case .isIP, .isNotEmpty: return []
        case .not(let c): return c.paths
        case .and(let a, let b), .or(let a, let b): return a.paths + b.paths
        }
    }
}

extension Condition {
    /// Evaluates the condition on a record; `value` is the rule's current value, if any.
    func holds(in document: JSONDocument, root: Int, value: MappedValue?) -> Bool {
        switch self {
        case .exists(let path):
            guard let node = document.value(of: path, from: root) else { return false }
            return !document.isEmptyValue(node)
        case .missing(let path):
            guard let node = document.value(of: path, from: root) else { return true }
            return document.isEmptyValue(node)
        case .equals(let path, let values):
            guard let node = document.value(of: path, from: root) else { return false }
            return values.contains(document.scalarText(node))
        case .notEquals(let path, let values):
            guard let node = document.value(of: path, from: root) else { return true }
            return !values.contains(document.scalarText(node))
        case .isIP:
            guard let value else { return false }
            return IPAddress.isValid(value.text(in: document))
        case .isNotEmpty:
            guard let value else { return false }
            return !value.isEmpty(in: document)
        case .not(let inner):
            return !inner.holds(in: document, root: root, value: value)
        case .and(let a, let b):
            return a.holds(in: document, root: root, value: value) && b.holds(in: document, root: root, value: value)
        case .or(let a, let b):
            return a.holds(in: document, root: root, value: value) || b.holds(in: document, root: root, value: value)
        }
    }
}

extension JSONDocument {
    /// null, "", {} and [] carry no information, so rules treat them as absent ("first non-empty wins").
    func isEmptyValue(_ node: Int) -> Bool {
        switch kind(node) {
        case .null: return true
        case .string: return isEmptyString(node)
        case .object, .array: return nodes[node].count == 0
        default: return false
        }
    }

    /// The text a condition compares: a string's decoded value, otherwise the JSON text (`true`, `12`, `null`).
    func scalarText(_ node: Int) -> String {
        kind(node) == .string ? string(node) : rawText(node)
    }
}
