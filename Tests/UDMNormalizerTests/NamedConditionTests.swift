import Testing

@testable import UDMNormalizer

/// `@define NAME = CONDITION` and `PATH in keys LOOKUP [with (…)]`: a condition said once, used
/// wherever a condition is written, and a list kept in a lookup not written again.
@Suite struct NamedConditionTests {
    static let lookups = """
        @lookup kinds default empty
        alpha = FIRST
        beta = SECOND
        gamma = FIRST
        @end
        """

    static let table = """
        @log_type TEST
        @match exists kind
        @define first_kind = kind in keys kinds with (FIRST)
        @define known = kind in keys kinds
        @define loud = first_kind and level > 5
        time -> metadata.event_timestamp
        "GENERIC_EVENT" -> metadata.event_type
        @role $actor principal when first_kind
        @role $actor target when not first_kind
        name -> $actor.hostname
        @when known
        kind -> target.labels["known"]
        @end
        "loud" -> security_result.summary | when loud
        @check not known "unknown kind"
        """

    static func event(_ json: String) throws -> UDMEvent {
        let mappings = try MappingSet(files: [("kinds.map", lookups), ("test.map", table)])
        var event: UDMEvent?
        if case .normalized(let normalized) = Normalizer(mappings: mappings).normalize(record: Array(json.utf8)) {
            event = normalized
        }
        return try #require(event, "not normalized: \(json)")
    }

    @Test func aNamedConditionStandsForItsCondition() throws {
        let time = #""time":"2024-01-01T00:00:00Z""#
        let gamma = try Self.event(#"{"kind":"gamma","name":"h","level":9,\#(time)}"#)
        #expect(gamma.values(at: "principal.hostname") == ["h"])
        #expect(gamma.values(at: "target.hostname").isEmpty)
        #expect(gamma.values(at: "target.labels[\"known\"]") == ["gamma"])
        #expect(gamma.values(at: "security_result.summary") == ["loud"])
        #expect(gamma.diagnostics.isEmpty)
        let beta = try Self.event(#"{"kind":"beta","name":"h","level":9,\#(time)}"#)
        #expect(beta.values(at: "target.hostname") == ["h"])
        #expect(beta.values(at: "target.labels[\"known\"]") == ["beta"])
        #expect(beta.values(at: "security_result.summary").isEmpty)
        let other = try Self.event(#"{"kind":"delta","name":"h",\#(time)}"#)
        #expect(other.values(at: "target.hostname") == ["h"])
        #expect(other.values(at: "target.labels[\"known\"]").isEmpty)
        #expect(other.diagnostics.map(\.message) == ["unknown kind"])
    }

    @Test func keysOfALookupBecomeAList() throws {
        let mappings = try MappingSet(files: [("kinds.map", Self.lookups), ("test.map", Self.table)])
        let rule = try #require(mappings.files.last?.rules.first { $0.target.fieldPath == "principal.hostname" })
        guard case .equals(_, let values)? = rule.recordConditions.last else {
            Issue.record("expected the role's condition to be a list comparison")
            return
        }
        #expect(values.values.map { String(decoding: $0, as: UTF8.self) } == ["alpha", "gamma"])
    }

    @Test(arguments: [
        ("@define x = exists a\n@define x = exists b", 2, "condition 'x' is already defined"),
        ("@define exists = exists a", 1, "cannot name a condition"),
        ("@define x exists a", 1, "expected '=' after the condition's name"),
        ("name -> target.hostname | when kind in keys nowhere", 1, "'in keys nowhere': no exact lookup of that name"),
        ("name -> target.hostname | when kind in keys kinds with (THIRD)", 1, "no row gives those values"),
    ])
    func mistakesAreNamed(text: String, line: Int, message: String) {
        let table = "@log_type TEST\n@match exists kind\n" + text + "\n"
        do {
            _ = try MappingSet(files: [("kinds.map", Self.lookups), ("test.map", table)])
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.file == "test.map")
            #expect(error.line == line + 2, "\(error)")
            #expect(error.message.contains(message), "\(error)")
        }
    }
}
