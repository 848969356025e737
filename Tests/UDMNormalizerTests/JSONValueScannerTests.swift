import Testing

@testable import UDMNormalizer

/// The bracket matcher that cuts values without parsing them: where a value ends, whatever the
/// chunks it arrives in, and where a closing bracket goes missing.
@Suite struct JSONValueScannerTests {
    /// Scans `text` handed over in pieces of `chunk` bytes, as a reader does.
    static func scan(_ text: String, chunk: Int) -> JSONValueScanner.Result {
        let bytes = Array(text.utf8)
        var scanner = JSONValueScanner(start: 0)
        var available = 0
        while true {
            available = min(bytes.count, available + chunk)
            let result = bytes.withUnsafeBufferPointer { scanner.scan(UnsafeBufferPointer(rebasing: $0[..<available])) }
            if result != .needMore || available == bytes.count { return result }
        }
    }

    @Test(arguments: [1, 2, 5, 1000])
    func valuesEndAtTheirClosingBracket(chunk: Int) {
        #expect(Self.scan(#"{"a": {"b": [1, 2]}, "c": "}{"} {"d": 1}"#, chunk: chunk) == .complete(end: 31))
        #expect(Self.scan(#"[{"a": "\"}"}, {}] ["#, chunk: chunk) == .complete(end: 18))
        #expect(Self.scan(#"{"a": {"b": 1}"#, chunk: chunk) == .needMore)
    }

    /// `}` then `{` (blanks between) inside an open value is never JSON: the value lost a closing
    /// bracket and the next one starts. Inside strings it is text.
    @Test(arguments: [1, 3, 1000])
    func aClosingBracketFollowedByAnOpeningOneIsAMissingBracket(chunk: Int) {
        #expect(Self.scan(#"{"a": {"b": 1} {"c": 2}"#, chunk: chunk) == .missingBracket(at: 13))
        #expect(Self.scan("{\"a\": [1, [2]\n\n[3]", chunk: chunk) == .missingBracket(at: 12))
        #expect(Self.scan(#"{"a": {"b": 1}, {"c": 2}}"#, chunk: chunk) == .complete(end: 25))
        #expect(Self.scan(#"{"a": {"b": "} {"}"#, chunk: chunk) == .needMore)
    }
}
