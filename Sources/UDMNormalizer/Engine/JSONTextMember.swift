/// The `| json_text "PATH"` stage: a string that holds JSON text, read as JSON, and the member at a
/// dotted path inside it.
///
/// GuardDuty's API and AWS CLI output carry `service.additionalInfo` as `{value: "<JSON text>", type}`
/// where EventBridge and S3 exports carry the same keys as an object; this stage lets one table rule
/// reach a key of either form (`service.additionalInfo.value | json_text "anomalies.anomalousAPIs"`).
/// The text is parsed with the record parser (same strictness and depth limit) once per record: a
/// string of the record that redaction read already (see `JSONTextReads`) is not parsed again, and
/// the rules that read members of one string share one read.
enum JSONTextMember {
    /// The member of the JSON text `text` at `path` (member names separated by `.`; an empty path is
    /// the whole value): a string's decoded text, a number's or boolean's as written, an object's or
    /// array's compact JSON. Nil when the text is not JSON, or the member is absent or `null`.
    static func member(of text: String, at path: String) -> String? {
        document(of: text).flatMap { member(of: $0, at: path) }
    }

    /// The JSON text `text` parsed, or nil when it is not JSON.
    static func document(of text: String) -> JSONDocument? {
        try? JSONParser.parse(Array(text.utf8))
    }

    /// The member of a parsed JSON text at `path`, as `member(of:at:)` says.
    static func member(of document: JSONDocument, at path: String) -> String? {
        var node = document.root
        for name in path.split(separator: ".", omittingEmptySubsequences: true) {
            guard let next = document.member(node, String(name)) else { return nil }
            node = next
        }
        switch document.kind(node) {
        case .null: return nil
        case .string: return document.string(node)
        case .object, .array: return document.compactJSON(node)
        default: return String(decoding: document.withRawBytes(node) { Array($0) }, as: UTF8.self)
        }
    }
}
