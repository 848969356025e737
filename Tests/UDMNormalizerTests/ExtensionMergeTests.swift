import Testing

@testable import UDMNormalizer

/// An extension rule replaces a built-in rule when their targets and parsed `@when` scopes are
/// equal, however the scopes are spelled; otherwise it is added. `mappings check` says which.
@Suite struct ExtensionMergeTests {
    static let base = """
        @log_type TEST
        @match exists kind
        time -> metadata.event_timestamp
        "GENERIC_EVENT" -> metadata.event_type
        @when eventName == "X" and kind == "a"
        "base" -> target.hostname
        @end
        """

    static func event(_ mappings: MappingSet) throws -> UDMEvent {
        let record = #"{"kind":"a","eventName":"X","time":"2024-01-01T00:00:00Z"}"#
        var event: UDMEvent?
        if case .normalized(let normalized) = Normalizer(mappings: mappings).normalize(record: Array(record.utf8)) {
            event = normalized
        }
        return try #require(event)
    }

    @Test(arguments: [
        #"@when eventName=="X" and kind==a"#,
        #"@when ((eventName == X)) and (kind == "a")"#,
        "@when eventName == X\n@when kind == a",
    ])
    func aScopeSpelledAnotherWayReplacesTheRule(scope: String) throws {
        let blocks = scope.split(separator: "\n").count
        let ext =
            "@log_type TEST\n\(scope)\n\"extension\" -> target.hostname\n"
            + String(repeating: "@end\n", count: blocks)
        let mappings = try MappingSet(files: [("base.map", Self.base)]).adding(tableText: ext, name: "ext.map")
        let file = try #require(mappings.files.first)
        #expect(file.rules.count == 3, "the extension rule took the built-in rule's place")
        #expect(try Self.event(mappings).values(at: "target.hostname") == ["extension"])
        let notes = MappingLinter.lint(mappings).filter { $0.severity == .note }
        #expect(
            notes.map(\.message) == [#"replaces base.map:6 (target.hostname when \#(file.rules[2].syntax.scopeText))"#])
        #expect(notes.first?.file == "ext.map")
    }

    @Test func operandsInAnotherOrderAddARule() throws {
        let ext = """
            @log_type TEST
            @when kind == a and eventName == X
            "extension" -> target.hostname
            @end
            """
        let mappings = try MappingSet(files: [("base.map", Self.base)]).adding(tableText: ext, name: "ext.map")
        #expect(mappings.files.first?.rules.count == 4)
        // First non-empty wins: the built-in rule, still there, writes first.
        #expect(try Self.event(mappings).values(at: "target.hostname") == ["base"])
        let notes = MappingLinter.lint(mappings).filter { $0.severity == .note }
        #expect(notes.map(\.message) == ["adds a rule for target.hostname when kind == a and eventName == X"])
    }
}
