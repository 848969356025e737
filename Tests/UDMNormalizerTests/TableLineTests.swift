import Testing

@testable import UDMNormalizer

/// Table lines stay short: a line whose code ends with `\` goes on on the next, and `mappings check`
/// warns about a line over 160 characters.
@Suite struct TableLineTests {
    @Test func aLineEndingWithABackslashGoesOnOnTheNext() throws {
        let table = """
            @log_type TEST
            @match exists kind \\
                and exists time
            time -> metadata.event_timestamp
            "GENERIC_EVENT" -> metadata.event_type
            name ?? \\
                other -> target.hostname \\
                | when kind == "a\\\\"   # the string ends with a backslash
            "a\\\\" -> target.user.userid   # a backslash at the end of a string is no continuation
            """
        let mappings = try MappingSet(files: [("lines.map", table)])
        let rules = try #require(mappings.files.first).rules
        #expect(rules.map(\.id.line) == [4, 5, 6, 9])
        #expect(rules[2].syntax.text == #"name ?? other -> target.hostname | when kind == "a\\""#)
        #expect(rules[2].syntax.comment == "the string ends with a backslash")
        var event: UDMEvent?
        let record = #"{"kind":"a\\","time":"2024-01-01T00:00:00Z","other":"h"}"#
        if case .normalized(let normalized) = Normalizer(mappings: mappings).normalize(record: Array(record.utf8)) {
            event = normalized
        }
        #expect(try #require(event).values(at: "target.hostname") == ["h"])
        do {
            _ = try MappingSet(files: [("bad.map", "@log_type TEST\n@match exists kind \\\n  and\n")])
            Issue.record("a continued condition missing its end was accepted")
        } catch {
            #expect(error.line == 2, "\(error)")
        }
    }

    @Test func checkWarnsAboutALongLine() throws {
        let long = "name -> target.hostname   # " + String(repeating: "x", count: 140)
        let table = "@log_type TEST\n@match exists kind\n\(long)\n"
        let findings = try MappingLinter.lint(MappingSet(files: [("long.map", table)]))
        #expect(
            findings.map(\.description) == [
                "long.map:3:161: warning: line of \(long.count) characters: keep table lines within 160 (end a line with '\\' to go on on the next, or name a long condition with @define)"
            ])
        #expect(MappingLinter.lint(.builtin).isEmpty, "the built-in tables keep their lines within 160 characters")
    }
}
