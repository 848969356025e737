/// The `| call_noun LOOKUP` stage: what kind of thing an API call acts on, from the call's service and
/// name (`monitoring.amazonaws.com:DescribeAlarms` → `monitoring:Alarms`).
///
/// The value is `HOST:CALL`. The service is the host's first label; the noun is the call's name
/// without its verb and without trailing version digits, as written (`ListFunctions20150331` →
/// `Functions`). The verb is the longest key of the prefix lookup LOOKUP the call starts with, and
/// only such a key: a call under no listed verb has no noun, so the table says which calls the rule
/// is about (the google-secops profile lists `Describe`, `List`, `Get`).
enum CallNoun {
    /// `SERVICE:Noun` for `value`, where `verbLength` gives the length in bytes of the longest verb
    /// the call name starts with (nil: none). Nil when the value has no `:`, no service, no verb, or
    /// nothing left of the name after the verb and the trailing digits.
    static func noun(of value: String, verbLength: (Substring) -> Int?) -> String? {
        guard let colon = value.firstIndex(of: ":") else { return nil }
        let host = value[..<colon]
        let call = value[value.index(after: colon)...]
        let service = host.prefix { $0 != "." }
        guard !service.isEmpty, let verb = verbLength(call) else { return nil }
        var noun = call[call.utf8.index(call.startIndex, offsetBy: verb)...]
        while let last = noun.last, last.isASCII, last.isNumber { noun.removeLast() }
        // A verb cut must end at a word boundary: `Describe` + `Alarms`, not `Get` + `aways`.
        guard let first = noun.unicodeScalars.first, first.properties.isUppercase else { return nil }
        return service + ":" + noun
    }
}
