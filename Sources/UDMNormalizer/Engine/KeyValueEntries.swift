/// The entries of a `KEY:VALUE , KEY:VALUE` list, as the `| entries` stage writes them to a label
/// list (one label each) and `| call_outcome` reads them (each call's outcome).
///
/// Entries are separated by `,`; each is split at its last `:` (so a key may hold `:` itself, a value
/// not). Entries may sit in groups, `GROUP:[KEY:VALUE , KEY:VALUE] , GROUP:[…]`, as GuardDuty writes
/// its anomalous API calls per service (`iam.amazonaws.com:[ListRoles:AccessDenied , GetUser:success]`):
/// the group's name and brackets are dropped, the entries kept. Whitespace around keys and values is
/// trimmed; an entry with no `:`, an empty key or an empty value is no entry.
enum KeyValueEntries {
    /// The (key, value) entries of `text`, in order.
    static func entries(in text: String) -> [(key: Substring, value: Substring)] {
        var entries: [(key: Substring, value: Substring)] = []
        // A group's "GROUP:[" opens before its first entry and "]" closes after its last, so both are
        // trimmed off the entry they touch.
        for rawEntry in text.split(separator: ",") {
            var entry = rawEntry.trimmingWhitespace()
            if let open = entry.lastIndex(of: "[") { entry = entry[entry.index(after: open)...] }
            if let close = entry.firstIndex(of: "]") { entry = entry[..<close] }
            guard let colon = entry.lastIndex(of: ":") else { continue }
            let key = entry[..<colon].trimmingWhitespace()
            let value = entry[entry.index(after: colon)...].trimmingWhitespace()
            if !key.isEmpty, !value.isEmpty { entries.append((key, value)) }
        }
        return entries
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> Substring {
        var result = self
        while let first = result.first, first.isWhitespace { result = result.dropFirst() }
        while let last = result.last, last.isWhitespace { result = result.dropLast() }
        return result
    }
}
