import Foundation
import Testing

@testable import UDMNormalizer

/// The mapping-table language: what each construct does, and that mistakes are reported at file:line:col.
@Suite struct MappingLanguageTests {
    static let header = """
        @log_type TEST
        @match exists id
        "2024-01-01T00:00:00Z" -> metadata.event_timestamp
        "GENERIC_EVENT" -> metadata.event_type

        """

    /// Compiles a test table and normalizes one record with it, returning the kv lines.
    static func run(_ rules: String, _ record: String, lookups: String = "") throws -> (
        kv: String, json: String, diagnostics: [Diagnostic]
    ) {
        let mappings = try MappingSet(files: [("test.map", header + rules), ("lookups.map", lookups)])
        switch Normalizer(mappings: mappings).normalize(record: Array(record.utf8)) {
        case .normalized(let event): return (event.keyValueText, event.json, event.diagnostics)
        case .failed(let failure): throw TestFailure(failure.detail)
        case .skipped(let reason): throw TestFailure(reason.detail)
        }
    }

    struct TestFailure: Error {
        var message: String
        init(_ m: String) { message = m }
    }

    static func compileError(_ text: String) -> MappingError? {
        do {
            _ = try MappingSet(files: [("bad.map", text)])
            return nil
        } catch {
            return error
        }
    }

    // MARK: Rules

    @Test func copiesAFieldAndAConstant() throws {
        let result = try Self.run(
            #"""
            name -> principal.hostname
            "AMAZON" -> metadata.vendor_name
            """#, #"{"id":1,"name":"host-1"}"#)
        #expect(result.kv.contains(#"principal.hostname = "host-1""#))
        #expect(result.kv.contains(#"metadata.vendor_name = "AMAZON""#))
    }

    @Test func firstNonEmptyWinsInTableOrder() throws {
        let rules = """
            a -> principal.hostname
            b -> principal.hostname
            c ?? b -> target.hostname
            """
        let both = try Self.run(rules, #"{"id":1,"a":"A","b":"B","c":""}"#)
        #expect(both.kv.contains(#"principal.hostname = "A""#) && !both.kv.contains(#"principal.hostname = "B""#))
        #expect(both.kv.contains(#"target.hostname = "B""#), "an empty string counts as absent")
        let onlyB = try Self.run(rules, #"{"id":1,"a":null,"b":"B"}"#)
        #expect(onlyB.kv.contains(#"principal.hostname = "B""#), "null counts as absent")
    }

    @Test func appendsToRepeatedFieldsOnlyWithBrackets() throws {
        let result = try Self.run(
            """
            a -> principal.ip[]
            b -> principal.ip[]
            a -> target.ip
            b -> target.ip
            """, #"{"id":1,"a":"192.0.2.1","b":"192.0.2.2"}"#)
        #expect(result.json.contains(#""principal":{"ip":["192.0.2.1","192.0.2.2"]}"#))
        #expect(
            result.json.contains(#""target":{"ip":["192.0.2.1"]}"#),
            "without [] the first value wins, still written as an array")
    }

    @Test func labelsAndAdditionalKeys() throws {
        let result = try Self.run(
            #"""
            a -> target.resource.attribute.labels["Request ID"]
            n -> additional["count"]
            o -> additional["object"]
            a -> additional["Event Type"]
            """#, #"{"id":1,"a":"r-1","n":12,"o":{"x":[1,true]}}"#)
        #expect(result.json.contains(#""labels":[{"key":"Request ID","value":"r-1"}]"#))
        #expect(result.json.contains(#""additional":{"count":12,"object":{"x":[1,true]},"Event Type":"r-1"}"#))
        #expect(result.kv.contains(#"additional.Event Type = "r-1""#))
    }

    @Test func fanOutNumbersElementsAndSelectPicksByAttribute() throws {
        let result = try Self.run(
            #"""
            items[*].name -> about[*].resource.name
            items[*].kind -> about[*].resource.type
            items.1.name -> target.resource.name
            attrs[attribute=userAgent].insight.0.value -> network.http.user_agent
            tags[*] -> principal.labels["tag"]
            """#,
            #"{"id":1,"items":[{"name":"a","kind":"K1"},{"name":"b"}],"attrs":[{"attribute":"errorCode","insight":[{"value":"x"}]},{"attribute":"userAgent","insight":[{"value":"curl"}]}],"tags":["t1","t2"]}"#
        )
        #expect(result.json.contains(#""about":[{"resource":{"type":"K1","name":"a"}},{"resource":{"name":"b"}}]"#))
        #expect(result.kv.contains(#"target.resource.name = "b""#))
        #expect(result.kv.contains(#"network.http.user_agent = "curl""#), "picked by attribute name, not position")
        #expect(result.json.contains(#""labels":[{"key":"tag","value":"t1"},{"key":"tag","value":"t2"}]"#))
    }

    @Test func conditionsAndWhenBlocks() throws {
        let rules = #"""
            src -> principal.ip[] | when is_ip
            src -> principal.hostname | when not is_ip
            @when kind == "login"
            user -> target.user.userid
            @end
            "BLOCK" -> security_result.action | when exists error
            "ALLOW" -> security_result.action
            flag -> principal.user.attribute.labels["flag"] | when flag in (true, "yes")
            """#
        let login = try Self.run(
            rules, #"{"id":1,"src":"2001:db8::1","kind":"login","user":"u","error":"E","flag":true}"#)
        #expect(login.json.contains(#""ip":["2001:db8::1"]"#))
        #expect(login.kv.contains(#"target.user.userid = "u""#))
        #expect(login.kv.contains(#"security_result.action = "BLOCK""#) && !login.kv.contains("ALLOW"))
        #expect(login.kv.contains(#"labels.value = "true""#), "booleans compare by their text")
        let other = try Self.run(rules, #"{"id":1,"src":"svc.amazonaws.com","kind":"api","user":"u","flag":"no"}"#)
        #expect(other.kv.contains(#"principal.hostname = "svc.amazonaws.com""#))
        #expect(!other.kv.contains("target.user"))
        #expect(other.kv.contains(#"security_result.action = "ALLOW""#))
        #expect(!other.kv.contains("flag"))
    }

    @Test func containsMatchesPartOfTheText() throws {
        let rules = #"""
            "BLOCK" -> security_result.action | when code contains AccessDenied or code in (UnauthorizedOperation)
            "FAIL" -> security_result.action | when exists code
            """#
        let denied = try Self.run(rules, #"{"id":1,"code":"Client.AccessDeniedException"}"#)
        #expect(denied.kv.contains(#"security_result.action = "BLOCK""#))
        let other = try Self.run(rules, #"{"id":1,"code":"NoSuchBucket"}"#)
        #expect(other.kv.contains(#"security_result.action = "FAIL""#) && !other.kv.contains("BLOCK"))
        let caseMatters = try Self.run(rules, #"{"id":1,"code":"accessdenied"}"#)
        #expect(caseMatters.kv.contains(#"security_result.action = "FAIL""#))
        let none = try Self.run(rules, #"{"id":1}"#)
        #expect(!none.kv.contains("security_result"))
    }

    @Test func isNotZeroDropsZeroCoordinates() throws {
        let rules = #"""
            points[*].lat -> about[*].location.region_coordinates.latitude | when is_not_zero
            points[*].name -> about[*].location.name
            """#
        let result = try Self.run(
            rules,
            #"{"id":1,"points":[{"lat":0,"name":"a"},{"lat":"0.0","name":"b"},{"lat":-12.5,"name":"c"},{"lat":"n/a","name":"d"}]}"#
        )
        #expect(result.json.contains(#"{"location":{"name":"a"}}"#), "0 is dropped")
        #expect(result.json.contains(#"{"location":{"name":"b"}}"#), "so is 0.0 as text")
        #expect(result.json.contains(#""latitude":-12.5"#))
        #expect(
            result.diagnostics.count == 1,
            "text that is no number is kept and then fails the double conversion: \(result.diagnostics)")
    }

    /// A role writes one noun or the other by the record; its rules are written once.
    @Test func rolesChooseTheNounByCondition() throws {
        let rules = #"""
            @role $host target when direction == IN
            @role $host principal when not direction == IN
            @role $peer principal when direction == IN
            @role $peer target when not direction == IN
            host -> $host.hostname
            peer -> $peer.ip[] | when is_ip
            tags[*].k -> $host.asset.attribute.labels[*].key
            tags[*].v -> $host.asset.attribute.labels[*].value
            """#
        let inbound = try Self.run(
            rules, #"{"id":1,"direction":"IN","host":"web-1","peer":"198.51.100.7","tags":[{"k":"a","v":"1"}]}"#)
        #expect(
            inbound.kv.contains(#"target.hostname = "web-1""#) && inbound.kv.contains(#"principal.ip = "198.51.100.7""#)
        )
        #expect(inbound.kv.contains(#"target.asset.attribute.labels.key = "a""#))
        #expect(!inbound.kv.contains("principal.hostname") && !inbound.kv.contains("target.ip"))
        let outbound = try Self.run(rules, #"{"id":1,"direction":"OUT","host":"web-1","peer":"198.51.100.7"}"#)
        #expect(
            outbound.kv.contains(#"principal.hostname = "web-1""#)
                && outbound.kv.contains(#"target.ip = "198.51.100.7""#))
        #expect(!outbound.kv.contains("target.hostname") && !outbound.kv.contains("principal.ip"))

        let file = try MappingParser(fileName: "t.map").parse(Self.header + rules)
        let expanded = file.rules.filter { $0.target.hasSuffix(".hostname") }
        #expect(
            expanded.map(\.target) == ["target.hostname", "principal.hostname"],
            "one rule per case, in declaration order")
        #expect(expanded.map(\.scopeText) == ["direction == IN", "not direction == IN"])
        #expect(Set(expanded.map(\.location.line)).count == 1, "both name the line the rule is written on")
    }

    @Test func roleMistakesAreReported() {
        let undeclared = Self.compileError("@log_type T\n@match exists a\na -> $nobody.hostname")
        #expect(undeclared?.message.contains("no '@role $nobody") == true, "\(String(describing: undeclared))")
        #expect(undeclared?.line == 3)
        let badName = Self.compileError("@log_type T\n@role host target when exists a")
        #expect(badName?.message.contains("starts with '$'") == true, "\(String(describing: badName))")
        let noWhen = Self.compileError("@log_type T\n@role $host target exists a")
        #expect(noWhen?.message.contains("expected 'when CONDITION'") == true, "\(String(describing: noWhen))")
        let nested = Self.compileError("@log_type T\n@when exists a\n@role $host target when exists a\n@end")
        #expect(nested?.message.contains("top level") == true, "\(String(describing: nested))")
    }

    /// Two lists fanned out into one repeated field fill blocks of their own instead of sharing elements.
    @Test func fanOutsOverDifferentListsDoNotShareElements() throws {
        let rules = #"""
            containers[*].name -> about[*].resource.name
            containers[*].image -> about[*].resource.attribute.labels["image"]
            feeds[*].name -> about[*].security_result.threat_feed_name
            containers[*].privileged -> about[*].resource.attribute.labels["privileged"]
            feeds[*].threats[*] -> about[*].security_result.threat_name
            """#
        let result = try Self.run(
            rules,
            #"{"id":1,"containers":[{"name":"c1","image":"i1"},{"name":"c2","privileged":true}],"feeds":[{"name":"f1","threats":["t1"]}]}"#
        )
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.json.utf8)) as? [String: Any])
        let about = try #require(object["about"] as? [[String: Any]])
        #expect(about.count == 3, "\(about)")
        #expect(((about[0]["resource"] as? [String: Any])?["name"] as? String) == "c1")
        #expect(((about[1]["resource"] as? [String: Any])?["name"] as? String) == "c2")
        #expect(result.json.contains(#"{"key":"privileged","value":"true"}"#))
        #expect(about[2]["resource"] == nil, "the feed has an element of its own")
        let feed = try #require(about[2]["security_result"] as? [[String: Any]])
        #expect(feed.first?["threat_feed_name"] as? String == "f1")
        #expect(feed.first?["threat_name"] as? String == "t1", "an inner [*] keeps the outer element")
    }

    @Test func transformsAndConcatenation() throws {
        let result = try Self.run(
            #"""
            "MFAUsed: " + mfa -> extensions.auth.auth_details
            "x" + absent -> principal.hostname
            arn -> security_result.rule_name | after_last "/"
            session -> principal.application | after_first "/" | before_first "/"
            word -> principal.user.user_display_name | upper
            t -> metadata.collected_timestamp | timestamp
            port -> principal.port
            obj -> security_result.description | json
            """#,
            #"{"id":1,"mfa":"Yes","arn":"arn:aws:iam::1:policy/Admin","session":"arn:aws:sts::1:assumed-role/Deploy/alice","word":"abc","t":"2024-06-03 15:23:22.000000000","port":"443","obj":{"a":[1, 2]}}"#
        )
        #expect(result.kv.contains(#"extensions.auth.auth_details = "MFAUsed: Yes""#))
        #expect(!result.kv.contains("principal.hostname"), "a concatenation with a missing part gives nothing")
        #expect(result.kv.contains(#"security_result.rule_name = "Admin""#))
        #expect(
            result.kv.contains(#"principal.application = "Deploy""#),
            "after_first then before_first cut the middle part")
        #expect(result.kv.contains(#"principal.user.user_display_name = "ABC""#))
        #expect(result.kv.contains(#"metadata.collected_timestamp = "2024-06-03T15:23:22.000000000Z""#))
        #expect(result.json.contains(#""port":443"#), "int32 fields are written as numbers")
        #expect(result.kv.contains(#"security_result.description = "{\"a\":[1,2]}""#))
    }

    @Test func lookupsWithDefaultsAndRanges() throws {
        let lookups = """
            @lookup types default empty
            Login = USER_LOGIN
            @end
            @lookup sev range default INFORMATIONAL
            [1, 4) = LOW
            [4, 7) = MEDIUM
            [7, inf] = HIGH
            @end
            """
        let rules = """
            name -> metadata.event_type | lookup types
            score -> security_result.severity | lookup sev
            """
        // metadata.event_type is already set by the header's constant, so the lookup rule comes second: use another record.
        let low = try Self.run(rules, #"{"id":1,"name":"Login","score":3.95}"#, lookups: lookups)
        #expect(low.kv.contains(#"security_result.severity = "LOW""#))
        let edge = try Self.run(rules, #"{"id":1,"score":4}"#, lookups: lookups)
        #expect(edge.kv.contains(#"security_result.severity = "MEDIUM""#), "ranges are half-open as written")
        let below = try Self.run(rules, #"{"id":1,"score":0.5}"#, lookups: lookups)
        #expect(below.kv.contains(#"security_result.severity = "INFORMATIONAL""#), "the default applies on a miss")
    }

    @Test func flattenMakesOneLabelPerLeaf() throws {
        let result = try Self.run(
            """
            params -> about.labels | flatten
            """, #"{"id":1,"params":{"a":"x","b":{"c":[1,"y"]},"n":null}}"#)
        #expect(
            result.json.contains(
                #""about":[{"labels":[{"key":"a","value":"x"},{"key":"b.c.0","value":"1"},{"key":"b.c.1","value":"y"}]}]"#
            ))
    }

    @Test func wrongValueTypesRecordADiagnosticAndKeepTheEvent() throws {
        let result = try Self.run(
            """
            filter -> principal.hostname
            port -> principal.port
            when -> metadata.collected_timestamp
            kind -> network.direction
            """,
            #"{"id":1,"filter":{"x":1},"port":"HIDDEN_DUE_TO_SECURITY_REASONS","when":"yesterday","kind":"SIDEWAYS"}"#)
        #expect(result.diagnostics.count == 4)
        #expect(result.diagnostics.allSatisfy { $0.rule?.file == "test.map" })
        #expect(result.diagnostics.contains { $0.message.contains("expected a scalar, found an object") })
        #expect(result.diagnostics.contains { $0.message.contains("is not an integer") })
        #expect(result.diagnostics.contains { $0.message.contains("is not a timestamp") })
        #expect(result.diagnostics.contains { $0.message.contains("is not a value of") })
    }

    @Test func pascalCaseKeysMatchWithFirstLetterAnyCase() throws {
        let table = """
            @log_type TEST
            @keys first_letter_any_case
            @match exists id
            "2024-01-01T00:00:00Z" -> metadata.event_timestamp
            "GENERIC_EVENT" -> metadata.event_type
            service.action.actionType -> metadata.product_event_type
            type -> security_result.category_details | before_first ":"
            """
        let mappings = try MappingSet(files: [("pascal.map", table)])
        for record in [
            #"{"id":1,"type":"Recon:EC2/PortProbe","service":{"action":{"actionType":"PORT_PROBE"}}}"#,
            #"{"Id":1,"Type":"Recon:EC2/PortProbe","Service":{"Action":{"ActionType":"PORT_PROBE"}}}"#,
        ] {
            guard case .normalized(let event) = Normalizer(mappings: mappings).normalize(record: Array(record.utf8))
            else {
                Issue.record("not normalized: \(record)")
                continue
            }
            #expect(event.keyValueText.contains(#"metadata.product_event_type = "PORT_PROBE""#))
            #expect(event.keyValueText.contains(#"security_result.category_details = "Recon""#))
        }
        let exact = try MappingSet(files: [
            ("exact.map", table.replacingOccurrences(of: "@keys first_letter_any_case\n", with: ""))
        ])
        guard case .failed = Normalizer(mappings: exact).normalize(record: Array(#"{"Id":1}"#.utf8)) else {
            Issue.record("without @keys, Id is not id")
            return
        }
    }

    /// A table saved with Windows line ends reads like the same table with "\n" ones.
    @Test func crlfTablesReadLikeLfTables() throws {
        let table = Self.header + "eventName -> metadata.product_event_type\n\"x\" -> additional[\"k\"]\n"
        let crlf = try MappingSet(files: [("crlf.map", table.replacingOccurrences(of: "\n", with: "\r\n"))])
        let lf = try MappingSet(files: [("lf.map", table)])
        #expect(crlf.files[0].rules.count == lf.files[0].rules.count)
        let record = Array(#"{"id":1,"eventName":"GetObject"}"#.utf8)
        guard case .normalized(let a) = Normalizer(mappings: crlf).normalize(record: record),
            case .normalized(let b) = Normalizer(mappings: lf).normalize(record: record)
        else {
            Issue.record("not normalized")
            return
        }
        #expect(a.json == b.json)
        #expect(a.json.contains(#""product_event_type":"GetObject""#))
    }

    /// The resolver finds a parent's children in one hashed pass; it must agree with a plain walk
    /// of each path: last duplicate wins, an exact key beats its other-case spelling, escaped keys
    /// are decoded, arrays take numeric steps, and a table with exact keys shares prefixes with one
    /// that takes either case.
    @Test func memoizedPathLookupsAgreeWithPlainWalks() throws {
        let paths = [
            "id", "service.action", "service.count", "service.0", "type", "ab", "list.1.name", "list.0", "detail.x",
            "detail.y",
        ]
        func table(_ name: String, keys: String) -> (String, String) {
            let rules = paths.map { "\($0) -> additional[\"\($0)\"]" }.joined(separator: "\n")
            return (name, "@log_type \(name.uppercased())\n\(keys)@match exists id\n" + rules)
        }
        let mappings = try MappingSet(files: [
            table("exact.map", keys: ""), table("any.map", keys: "@keys first_letter_any_case\n"),
        ])
        let records = [
            #"{"id":1,"id":2,"service":{"action":"a","Action":"B","count":3},"Service":{"action":"c"},"type":"t"}"#,
            #"{"Id":1,"Service":{"Action":"x","Count":0},"Type":null,"ab":"escaped?","a\u0062":"yes"}"#,
            #"{"id":"s","service":["zero","one"],"list":[{"name":"n0"},{"name":"n1","name":"n2"}],"detail":{"x":1,"X":2,"y":{}}}"#,
            #"{"ID":1,"SERVICE":{},"list":{"1":{"name":"object"}},"detail":[1,2]}"#,
        ]
        let view = mappings.frozenProgram.view
        var sourcePaths: [(SourcePath, ProgramPath)] = []
        for file in mappings.files {
            for (rule, index) in zip(file.rules, mappings.program.ruleRange(of: file)) {
                guard case .path(let path) = rule.source,
                    case .path(let number) = view.sources[Int(view.rules[index].source)]
                else { continue }
                sourcePaths.append((path, view.paths[Int(number)]))
            }
        }
        #expect(sourcePaths.count == paths.count * 2)
        for record in records {
            let document = try JSONParser.parse(Array(record.utf8))
            let resolver = PathResolver(document: document, root: document.root, mappings: mappings)
            let oracle = ProgramOracle(document: document, root: document.root)
            for (path, lowered) in sourcePaths.reversed() + sourcePaths {
                let node = resolver.node(of: lowered, in: view)
                let memoized = node >= 0 ? document.rawText(node) : nil
                let walked = oracle.values(of: path).first.map { document.rawText($0[0]) }
                #expect(memoized == walked, "\(path) in \(record)")
            }
        }
    }

    // MARK: Errors at file:line:col

    @Test func syntaxErrorsNameFileLineAndColumn() {
        let cases: [(String, Int, Int, String)] = [
            ("@log_type T\n@match exists a\na principal.hostname", 3, 3, "expected '->'"),
            (
                "@log_type T\n@match exists a\na -> principal.hostnme", 3, 6,
                "'hostnme' is not a field of UDM message Noun"
            ),
            ("@log_type T\n@match exists a\n\"NOPE\" -> metadata.event_type", 3, 1, "'NOPE' is not a value of"),
            (
                "@log_type T\n@match exists a\na -> principal.hostname | lookup missing", 3, 27,
                "no lookup named 'missing'"
            ),
            ("@log_type T\n@match exists a\n@when a == \"b\"\na -> principal.hostname", 3, 1, "'@when' is not closed"),
            ("@log_type T\n@match exists a\na -> principal.hostname | frobnicate", 3, 27, "unknown stage 'frobnicate'"),
            ("@lookup t\nA = B\n@end", 1, 10, "expected 'default VALUE' or 'default empty'"),
            ("@log_type T\n@match exists a\n\"unterminated -> x", 3, 1, "unterminated string"),
            ("@log_type T\n@match exists a\na -> principal.user", 3, 6, "is a message"),
            ("@log_type T\n@match exists a\na -> about[*].hostname", 3, 6, "the source has no '[*]'"),
            ("@bogus", 1, 1, "unknown directive '@bogus'"),
            ("a -> principal.hostname", 1, 1, "rules need a '@log_type'"),
        ]
        for (text, line, column, message) in cases {
            guard let error = Self.compileError(text) else {
                Issue.record("no error for: \(text)")
                continue
            }
            #expect(error.file == "bad.map")
            #expect(error.line == line, "\(error)")
            #expect(error.column == column, "\(error)")
            #expect(error.message.contains(message), "\(error)")
            #expect(error.description.hasPrefix("bad.map:\(line):\(column): "))
        }
    }

    @Test func builtinTablesCompileAndCoverCloudTrail() {
        let builtin = MappingSet.builtin
        #expect(
            builtin.logTypes == [.awsCloudTrail, .guardDuty], "the built-in tables declare the two named log types")
        #expect(builtin.files.reduce(0) { $0 + $1.rules.count } > 150)
    }
}
