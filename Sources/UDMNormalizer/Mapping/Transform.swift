/// A value conversion named in a rule's `| …` stages.
enum Transform: Sendable, Hashable {
    case lower, upper, trim
    /// Any scalar to its text.
    case string
    case int, float, bool
    /// ISO 8601 / RFC 3339 text (zone optional, space or `T`) or epoch seconds / milliseconds → RFC 3339 UTC.
    case timestamp
    /// An object or array → its compact JSON text.
    case json
    /// Look the value up in the named table.
    case lookup(String)
    /// Text after the last occurrence of the argument (`| after_last "/"` on an ARN gives the resource name).
    case afterLast(String)
    /// Text after the first occurrence of the argument (`| after_first "/"` on an assumed-role ARN gives `ROLE/SESSION`).
    case afterFirst(String)
    /// Text before the first occurrence of the argument (`| before_first ":"` on a GuardDuty type gives its threat purpose).
    case beforeFirst(String)
    /// JSON text read as JSON: the member at the dotted path (`| json_text "anomalies.anomalousAPIs"`), see `JSONTextMember`.
    case jsonText(String)
    /// A list of `API:outcome` calls reduced to one outcome (`success`, the class every call's outcome
    /// has in the named lookup, or `mixed`): `| call_outcome guardduty-call-outcomes`, see `CallOutcomeSummary`.
    case callOutcome(String)
    /// `HOST:CALL` → `SERVICE:Noun`, the verb being the longest key of the named prefix lookup the call
    /// starts with (`| call_noun google-secops-collection-verbs`), see `CallNoun`.
    case callNoun(String)
    /// An object → one label per leaf (`key` is the dotted path below the object); only for label lists.
    case flatten
    /// `KEY:VALUE , KEY:VALUE` text → one label per entry, see `KeyValueEntries`; only for label lists.
    case entries

    static let names = [
        "lower", "upper", "trim", "string", "int", "float", "bool", "timestamp", "json", "lookup", "after_last",
        "after_first", "before_first", "flatten", "entries", "json_text", "call_outcome", "call_noun",
    ]

    init(name: String, argument: String?, location: TableLocation, column: Int) throws(MappingError) {
        func noArgument(_ t: Transform) throws(MappingError) -> Transform {
            if let argument { throw location.error("'\(name)' takes no argument, found '\(argument)'", column: column) }
            return t
        }
        switch name {
        case "lower": self = try noArgument(.lower)
        case "upper": self = try noArgument(.upper)
        case "trim": self = try noArgument(.trim)
        case "string": self = try noArgument(.string)
        case "int": self = try noArgument(.int)
        case "float": self = try noArgument(.float)
        case "bool": self = try noArgument(.bool)
        case "timestamp": self = try noArgument(.timestamp)
        case "json": self = try noArgument(.json)
        case "flatten": self = try noArgument(.flatten)
        case "entries": self = try noArgument(.entries)
        case "lookup", "after_last", "after_first", "before_first", "json_text", "call_noun", "call_outcome":
            guard let argument else { throw location.error("'\(name)' needs an argument", column: column) }
            switch name {
            case "lookup": self = .lookup(argument)
            case "after_last": self = .afterLast(argument)
            case "after_first": self = .afterFirst(argument)
            case "json_text": self = .jsonText(argument)
            case "call_noun": self = .callNoun(argument)
            case "call_outcome": self = .callOutcome(argument)
            default: self = .beforeFirst(argument)
            }
        default:
            throw location.error(
                "unknown stage '\(name)'\(NearestName.nearest(to: name, among: Self.names + ["resource", "target_key", "when"]).map { "; did you mean '\($0)'?" } ?? "") (the stages: \(Self.names.joined(separator: ", ")), resource, target_key, when)",
                column: column)
        }
    }
}
