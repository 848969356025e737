/// A compiled condition: over record fields, or over the value a rule is mapping (`is_ip`).
indirect enum Condition: Sendable {
    case exists(SourcePath)
    case missing(SourcePath)
    case equals(SourcePath, ComparisonValues)
    case notEquals(SourcePath, ComparisonValues)
    case compare(SourcePath, String, Double)
    /// A non-empty string whose every byte is one of the (ASCII) characters listed.
    case consistsOf(SourcePath, [UInt8])
    /// The field's text (a string's value, otherwise its JSON text) contains these UTF-8 bytes.
    case contains(SourcePath, [UInt8])
    /// The value being mapped is an IPv4 or IPv6 address.
    case isIP
    case isNotEmpty
    /// The value being mapped is not the number 0 (`0`, `0.0`, `-0`, also as text); other values hold.
    case isNotZero
    case not(Condition)
    case and(Condition, Condition)
    case or(Condition, Condition)

    init(
        _ syntax: ConditionSyntax, location: TableLocation, keyCase: SourcePath.KeyCase = .exact,
        interner: PathInterner? = nil
    ) throws(MappingError) {
        switch syntax {
        case .exists(let path, let column):
            self = .exists(
                try SourcePath.compiled(path, location: location, column: column, keyCase: keyCase, interner: interner))
        case .missing(let path, let column):
            self = .missing(
                try SourcePath.compiled(path, location: location, column: column, keyCase: keyCase, interner: interner))
        case .equals(let path, let values, let column):
            self = .equals(
                try SourcePath.compiled(path, location: location, column: column, keyCase: keyCase, interner: interner),
                ComparisonValues(values))
        case .notEquals(let path, let values, let column):
            self = .notEquals(
                try SourcePath.compiled(path, location: location, column: column, keyCase: keyCase, interner: interner),
                ComparisonValues(values))
        case .compare(let path, let op, let value, let column):
            self = .compare(
                try SourcePath.compiled(path, location: location, column: column, keyCase: keyCase, interner: interner),
                op, value)
        case .consistsOf(let path, let characters, let column):
            guard !characters.isEmpty, characters.utf8.allSatisfy({ $0 < 0x80 }) else {
                throw location.error(
                    "'consists_of' takes one or more ASCII characters, not \"\(characters)\"", column: column)
            }
            self = .consistsOf(
                try SourcePath.compiled(path, location: location, column: column, keyCase: keyCase, interner: interner),
                Array(characters.utf8))
        case .contains(let path, let text, let column):
            self = .contains(
                try SourcePath.compiled(path, location: location, column: column, keyCase: keyCase, interner: interner),
                Array(text.utf8))
        case .valuePredicate(let name, let column):
            switch name {
            case "is_ip": self = .isIP
            case "is_not_empty": self = .isNotEmpty
            case "is_not_zero": self = .isNotZero
            default: throw location.error("unknown predicate '\(name)'", column: column)
            }
        case .not(let inner):
            self = .not(try Condition(inner, location: location, keyCase: keyCase, interner: interner))
        case .and(let a, let b):
            self = .and(
                try Condition(a, location: location, keyCase: keyCase, interner: interner),
                try Condition(b, location: location, keyCase: keyCase, interner: interner))
        case .or(let a, let b):
            self = .or(
                try Condition(a, location: location, keyCase: keyCase, interner: interner),
                try Condition(b, location: location, keyCase: keyCase, interner: interner))
        }
    }

    /// True when the condition reads the value being mapped, so it must run after the source is read.
    var readsValue: Bool {
        switch self {
        case .isIP, .isNotEmpty, .isNotZero: return true
        case .exists, .missing, .equals, .notEquals, .compare, .consistsOf, .contains: return false
        case .not(let c): return c.readsValue
        case .and(let a, let b), .or(let a, let b): return a.readsValue || b.readsValue
        }
    }

    /// Every source path the condition reads.
    var paths: [SourcePath] {
        switch self {
        case .exists(let p), .missing(let p), .equals(let p, _), .notEquals(let p, _), .compare(let p, _, _),
            .consistsOf(let p, _),
            .contains(let p, _):
            return [p]
        case .isIP, .isNotEmpty, .isNotZero: return []
        case .not(let c): return c.paths
        case .and(let a, let b), .or(let a, let b): return a.paths + b.paths
        }
    }
}

extension Condition {
    /// Evaluates the condition on a record; `value` is the rule's current value, if any.
    func holds(in resolver: PathResolver, value: ValueView? = nil) -> Bool {
        let document = resolver.document
        switch self {
        case .exists(let path):
            guard let node = resolver.value(of: path) else { return false }
            return !document.isEmptyValue(node)
        case .missing(let path):
            guard let node = resolver.value(of: path) else { return true }
            return document.isEmptyValue(node)
        case .equals(let path, let values):
            guard let node = resolver.value(of: path) else { return false }
            return values.matches(node, in: document)
        case .notEquals(let path, let values):
            guard let node = resolver.value(of: path) else { return true }
            return !values.matches(node, in: document)
        case .compare(let path, let op, let limit):
            guard let node = resolver.value(of: path), document.kind(node) == .number || document.kind(node) == .string,
                let number = JSONNumber.double(document.scalarText(node))
            else { return false }
            switch op {
            case ">": return number > limit
            case ">=": return number >= limit
            case "<": return number < limit
            default: return number <= limit
            }
        case .consistsOf(let path, let characters):
            guard let node = resolver.value(of: path), document.kind(node) == .string, !document.isEmptyString(node)
            else { return false }
            if !document.isVerbatim(node) {
                return document.string(node).utf8.allSatisfy { characters.contains($0) }
            }
            return document.withRawBytes(node) { $0.allSatisfy { characters.contains($0) } }
        case .contains(let path, let needle):
            guard let node = resolver.value(of: path) else { return false }
            switch document.kind(node) {
            case .object, .array: return false
            default:
                let text = Array(document.scalarText(node).utf8)
                guard text.count >= needle.count else { return false }
                return needle.isEmpty
                    || (0...(text.count - needle.count)).contains {
                        text[$0..<($0 + needle.count)].elementsEqual(needle)
                    }
            }
        case .isIP:
            return value?.isIPAddress(in: document) ?? false
        case .isNotEmpty:
            return value?.isNotEmpty(in: document) ?? false
        case .isNotZero:
            return value?.isNotZero(in: document) ?? false
        case .not(let inner):
            return !inner.holds(in: resolver, value: value)
        case .and(let a, let b):
            return a.holds(in: resolver, value: value) && b.holds(in: resolver, value: value)
        case .or(let a, let b):
            return a.holds(in: resolver, value: value) || b.holds(in: resolver, value: value)
        }
    }
}

/// The values a condition compares with, kept as UTF-8 so that comparing a record's value
/// allocates nothing: strings without escapes and non-string scalars compare as raw bytes.
struct ComparisonValues: Sendable {
    let values: [[UInt8]]

    init(_ texts: [String]) {
        values = texts.map { Array($0.utf8) }
    }

    func matches(_ node: Int, in document: JSONDocument) -> Bool {
        switch document.kind(node) {
        case .object, .array:
            return false
        case .string where !document.isVerbatim(node):
            let text = Array(document.string(node).utf8)
            return values.contains(text)
        default:
            return document.withRawBytes(node) { raw in values.contains { $0.elementsEqual(raw) } }
        }
    }
}

extension JSONDocument {
    /// null, "", {} and [] carry no information, so rules treat them as absent ("first non-empty wins").
    func isEmptyValue(_ node: Int) -> Bool {
        switch kind(node) {
        case .null: return true
        case .string: return isEmptyString(node)
        case .object, .array: return count(node) == 0
        default: return false
        }
    }

    /// The text a condition compares: a string's decoded value, otherwise the JSON text (`true`, `12`, `null`).
    func scalarText(_ node: Int) -> String {
        kind(node) == .string ? string(node) : rawText(node)
    }
}
