import Testing

@testable import UDMNormalizer

/// The flat program the engine runs: rules lowered one to one, `@when` blocks skipped as a whole.
@Suite struct MappingProgramTests {
    static let table = """
        @log_type TEST
        @match exists kind
        time -> metadata.event_timestamp
        "GENERIC_EVENT" -> metadata.event_type
        @when kind == "create"
        name -> target.hostname
        user -> principal.user.userid
        tag -> target.labels["tag"] | when kind == "create"
        @end
        @when kind == "login"
        name -> principal.hostname
        @end
        user -> target.user.userid
        """

    static func mappings() throws -> MappingSet { try MappingSet(files: [("test.map", table)]) }

    @Test func everyRuleIsLoweredInOrder() throws {
        let mappings = try Self.mappings()
        let file = try #require(mappings.files.first)
        let range = mappings.program.ruleRange(of: file)
        #expect(range.count == file.rules.count)
        #expect(mappings.program.ruleIDs[range] == ArraySlice(file.rules.map(\.id)))
    }

    @Test func aBlockEndsWhereItsConditionStopsBeingTested() throws {
        let mappings = try Self.mappings()
        let range = mappings.program.ruleRange(of: try #require(mappings.files.first))
        let ends = mappings.program.rules[range].map { Int($0.blockEnd) - range.lowerBound }
        // Rules 2-4 share `kind == "create"` (the third tests it twice), rule 5 is a block of its own,
        // and rules without record conditions end where they are.
        #expect(ends == [1, 2, 5, 5, 5, 6, 7])
    }

    @Test func blockRulesRunOnlyWhenTheirConditionHolds() throws {
        let normalizer = Normalizer(mappings: try Self.mappings())
        func event(_ json: String) throws -> UDMEvent {
            var event: UDMEvent?
            if case .normalized(let normalized) = normalizer.normalize(record: Array(json.utf8)) { event = normalized }
            return try #require(event, "not normalized: \(json)")
        }
        let create = try event(
            #"{"kind":"create","time":"2024-01-01T00:00:00Z","name":"h","user":"u","tag":"t"}"#)
        #expect(create.values(at: "target.hostname") == ["h"])
        #expect(create.values(at: "principal.user.userid") == ["u"])
        #expect(create.values(at: "target.labels[\"tag\"]") == ["t"])
        #expect(create.values(at: "principal.hostname").isEmpty)
        #expect(create.values(at: "target.user.userid") == ["u"])
        let login = try event(#"{"kind":"login","time":"2024-01-01T00:00:00Z","name":"h","user":"u","tag":"t"}"#)
        #expect(login.values(at: "principal.hostname") == ["h"])
        #expect(login.values(at: "target.hostname").isEmpty)
        #expect(login.values(at: "principal.user.userid").isEmpty)
        #expect(login.values(at: "target.labels[\"tag\"]").isEmpty)
        #expect(login.values(at: "target.user.userid") == ["u"])
    }

    @Test func pathsBelowAFanOutAreWalkedPerElement() throws {
        let table = """
            @log_type TEST
            @match exists kind
            time -> metadata.event_timestamp
            "GENERIC_EVENT" -> metadata.event_type
            items[*].name -> about[*].hostname
            items[*].ips[*] -> about[*].ip[]
            list[key=b].value -> target.hostname
            """
        let normalizer = Normalizer(mappings: try MappingSet(files: [("walk.map", table)]))
        let record = #"""
            {"kind":"k","time":"2024-01-01T00:00:00Z",
             "items":[{"name":"a","ips":["1.1.1.1","2.2.2.2"]},{"name":"b","ips":["3.3.3.3"]},{"ips":[]}],
             "list":[{"key":"a","value":"x"},{"key":"b","value":"y"}]}
            """#
        var event: UDMEvent?
        if case .normalized(let normalized) = normalizer.normalize(record: Array(record.utf8)) { event = normalized }
        let normalized = try #require(event)
        #expect(normalized.values(at: "about.hostname") == ["a", "b"])
        // An inner `[*]` keeps the outer element's number: both addresses of the first item are in about[0].
        #expect(normalized.values(at: "about.ip") == ["1.1.1.1", "2.2.2.2", "3.3.3.3"])
        #expect(normalized.values(at: "target.hostname") == ["y"])
    }

    @Test func lookupsAndSelectionsReadTheValuesBytes() throws {
        let table = """
            @log_type TEST
            @match exists kind
            @lookup names default empty
            Zoë = exact
            "a b" = spaced
            @end
            @lookup starts prefix default none
            Recon: = recon
            Recon:EC2/ = recon-ec2
            @end
            @lookup levels range default unknown
            [0, 5) = low
            [5, inf] = high
            @end
            time -> metadata.event_timestamp
            "GENERIC_EVENT" -> metadata.event_type
            name -> target.hostname | lookup names
            type -> principal.hostname | lookup starts
            level -> src.hostname | lookup levels
            list[key=wanted].value -> target.user.userid
            """
        let normalizer = Normalizer(mappings: try MappingSet(files: [("lookup.map", table)]))
        func event(_ json: String) throws -> UDMEvent {
            var event: UDMEvent?
            if case .normalized(let normalized) = normalizer.normalize(record: Array(json.utf8)) { event = normalized }
            return try #require(event, "not normalized: \(json)")
        }
        let time = #""time":"2024-01-01T00:00:00Z""#
        // An escaped key is decoded before it is looked up; a number is looked up as written.
        let first = try event(
            #"{"kind":1,\#(time),"name":"Zo\u00eb","type":"Recon:EC2/PortProbe","level":7.5,"#
                + #""list":[{"key":"other","value":"no"},{"key":"want\u0065d","value":"yes"}]}"#)
        #expect(first.values(at: "target.hostname") == ["exact"])
        #expect(first.values(at: "principal.hostname") == ["recon-ec2"])
        #expect(first.values(at: "src.hostname") == ["high"])
        #expect(first.values(at: "target.user.userid") == ["yes"])
        let second = try event(#"{"kind":1,\#(time),"name":"a\u0020b","type":"Recon:IAM","level":"x","list":[]}"#)
        #expect(second.values(at: "target.hostname") == ["spaced"])
        #expect(second.values(at: "principal.hostname") == ["recon"])
        #expect(second.values(at: "src.hostname") == ["unknown"])
        #expect(second.values(at: "target.user.userid").isEmpty)
        let third = try event(#"{"kind":1,\#(time),"name":"Zo","type":"Rec","level":-1}"#)
        #expect(third.values(at: "target.hostname").isEmpty)
        #expect(third.values(at: "principal.hostname") == ["none"])
        #expect(third.values(at: "src.hostname") == ["unknown"])
    }

    @Test func firstLetterAnyCaseReachesSelectionKeys() throws {
        let table = """
            @keys first_letter_any_case
            @log_type TEST
            @match exists kind
            time -> metadata.event_timestamp
            "GENERIC_EVENT" -> metadata.event_type
            list[key=b].value -> target.hostname
            items[*].tags[key=name].value -> about[*].hostname
            """
        let normalizer = Normalizer(mappings: try MappingSet(files: [("keys.map", table)]))
        let record = #"""
            {"Kind":"k","Time":"2024-01-01T00:00:00Z",
             "List":[{"Key":"a","Value":"x"},{"Key":"b","Value":"y"}],
             "Items":[{"Tags":[{"Key":"name","Value":"one"}]},{"tags":[{"key":"name","value":"two"}]}]}
            """#
        var event: UDMEvent?
        if case .normalized(let normalized) = normalizer.normalize(record: Array(record.utf8)) { event = normalized }
        let normalized = try #require(event)
        #expect(normalized.values(at: "target.hostname") == ["y"])
        #expect(normalized.values(at: "about.hostname") == ["one", "two"])
    }
}
