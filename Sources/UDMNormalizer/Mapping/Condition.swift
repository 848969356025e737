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
    /// The field is absent, or an object whose member names are all among the values.
    case onlyKeys(SourcePath, ComparisonValues)
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
        interner: PathInterner? = nil, lookupKeys: LookupKeyIndex? = nil
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
        case .onlyKeysOf(let path, let lookup, let column):
            guard let keys = lookupKeys?.keys(lookup, giving: nil) else {
                throw location.error("'only_keys_of \(lookup)': no exact lookup of that name", column: column)
            }
            self = .onlyKeys(
                try SourcePath.compiled(path, location: location, column: column, keyCase: keyCase, interner: interner),
                ComparisonValues(keys))
        case .valuePredicate(let name, let column):
            switch name {
            case "is_ip": self = .isIP
            case "is_not_empty": self = .isNotEmpty
            case "is_not_zero": self = .isNotZero
            default: throw location.error("unknown predicate '\(name)'", column: column)
            }
        case .inLookupKeys(let path, let lookup, let values, let column):
            guard let keys = lookupKeys?.keys(lookup, giving: values) else {
                throw location.error("'in keys \(lookup)': no exact lookup of that name", column: column)
            }
            guard !keys.isEmpty else {
                throw location.error("'in keys \(lookup)' lists no key: no row gives those values", column: column)
            }
            self = .equals(
                try SourcePath.compiled(path, location: location, column: column, keyCase: keyCase, interner: interner),
                ComparisonValues(keys))
        case .not(let inner):
            self = .not(
                try Condition(inner, location: location, keyCase: keyCase, interner: interner, lookupKeys: lookupKeys))
        case .and(let a, let b):
            self = .and(
                try Condition(a, location: location, keyCase: keyCase, interner: interner, lookupKeys: lookupKeys),
                try Condition(b, location: location, keyCase: keyCase, interner: interner, lookupKeys: lookupKeys))
        case .or(let a, let b):
            self = .or(
                try Condition(a, location: location, keyCase: keyCase, interner: interner, lookupKeys: lookupKeys),
                try Condition(b, location: location, keyCase: keyCase, interner: interner, lookupKeys: lookupKeys))
        }
    }

    /// True when the condition reads the value being mapped, so it must run after the source is read.
    var readsValue: Bool {
        switch self {
        case .isIP, .isNotEmpty, .isNotZero: return true
        case .exists, .missing, .equals, .notEquals, .compare, .consistsOf, .contains, .onlyKeys: return false
        case .not(let c): return c.readsValue
        case .and(let a, let b), .or(let a, let b): return a.readsValue || b.readsValue
        }
    }

    /// Every source path the condition reads.
    var paths: [SourcePath] {
        switch self {
        case .exists(let p), .missing(let p), .equals(let p, _), .notEquals(let p, _), .compare(let p, _, _),
            .consistsOf(let p, _),
            .contains(let p, _), .onlyKeys(let p, _):
            return [p]
        case .isIP, .isNotEmpty, .isNotZero: return []
        case .not(let c): return c.paths
        case .and(let a, let b), .or(let a, let b): return a.paths + b.paths
        }
    }
}

/// The values a condition compares with, kept as UTF-8: the program compares a record's value
/// with them as bytes.
struct ComparisonValues: Sendable {
    let values: [[UInt8]]

    init(_ texts: [String]) {
        values = texts.map { Array($0.utf8) }
    }
}
