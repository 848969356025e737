import Foundation
import Testing

@testable import UDMNormalizer

/// Single-event `events:` semantics, each construct on events built for it: repeated fields
/// (any element, `!=` too, elements kept together), absent fields as "" / 0, map access,
/// comparisons, nocase, regular expressions, functions, reference lists, placeholders.
@Suite struct RuleEvaluatorTests {
    typealias S = RuleTestSupport

    static let events: [String] = [
        // 1: repeated fields, labels, additional, two security results
        #"{"metadata":{"vendor_name":"AMAZON","product_name":"AWS CloudTrail","product_event_type":"DescribeInstances","event_type":"USER_LOGIN","event_timestamp":"2023-01-02T03:04:05.5Z"},"principal":{"ip":["10.0.0.1","10.0.0.2"],"user":{"userid":"arn:aws:sts::1:assumed-role/r/i-0abc123","user_display_name":"bob","group_identifiers":["111"]}},"target":{"port":22,"user":{"userid":"alice"},"resource":{"attribute":{"labels":[{"key":"k","value":"v1"},{"key":"enable","value":"false"},{"key":"Grantee URI","value":"http://acs.amazonaws.com/groups/global/AllUsers"}]}}},"additional":{"recipientAccountId":"123"},"security_result":[{"action":["BLOCK"],"description":"Reason: other"},{"action":["ALLOW"],"description":"Reason: Failed authentication"}]}"#,
        // 2: most fields absent, a sample finding
        #"{"metadata":{"vendor_name":"AMAZON","product_name":"Other","product_event_type":"UpdateDetector"},"principal":{"ip":["10.0.0.1"],"user":{"group_identifiers":["999"]}},"target":{"resource":{"attribute":{"labels":[{"key":"enable","value":"false"}]}}},"security_result":[{"action":["ALLOW"],"about":{"labels":[{"key":"Sample","value":"true"}]}}]}"#,
        // 3: lowerCamelCase proto3 JSON, a number where text is usual
        #"{"metadata":{"vendorName":"AMAZON","productEventType":"DeleteDetector","eventTimestamp":"2019-01-01T00:00:00Z"},"principal":{"user":{"userid":"u","userDisplayName":"u"}},"target":{"port":23},"securityResult":[{"action":["BLOCK"],"description":"Reason: Failed authentication"}],"additional":{"recipientAccountId":123}}"#,
    ]

    /// The events (1-based) a rule's events section selects.
    static func selected(_ events: String, lists: [ReferenceList] = []) throws -> Set<Int> {
        let rules = try DetectionRuleSet.parse(S.ruleText(events: events), file: "test.yaral")
        var session = RuleSession(ruleSet: DetectionRuleSet(rules: rules, lists: lists))
        for (index, line) in Self.events.enumerated() {
            for event in try RuleEvent.events(line: Array(line.utf8), origin: "events:\(index + 1)") {
                session.add(event)
            }
        }
        let result = try #require(session.finish().first)
        return Set(result.detections.flatMap(\.origins).compactMap { Int($0.split(separator: ":").last ?? "") })
    }

    @Test(
        arguments: [
            (#"$e.metadata.vendor_name = "AMAZON"\#n$e.metadata.product_name != "Other""#, [1, 3]),
            (#"$e.target.resource.attribute.labels["missing"] != """#, []),
            (#"$e.target.resource.attribute.labels["missing"] = """#, [1, 2, 3]),
            (#"$e.security_result.about.labels["Sample"] != "true""#, [1, 3]),
            (#"$e.metadata.product_event_type = /^describe.*|^list.*/ nocase"#, [1]),
            (#"$e.metadata.product_event_type = /^describe/"#, []),
            (#"$e.metadata.product_event_type = "describeinstances" nocase"#, [1]),
            ("re.regex($e.principal.user.userid, `/i-[0-9a-f]+$`)", [1]),
            (#"strings.to_lower($e.metadata.product_event_type) = "describeinstances""#, [1]),
            (#"strings.concat($e.metadata.vendor_name, "-", $e.principal.user.userid) = "AMAZON-u""#, [3]),
            (
                #"$e.metadata.product_event_type = "DeleteDetector" or\#n($e.metadata.product_event_type = "UpdateDetector" and $e.target.resource.attribute.labels["enable"] = "false")\#n$e.security_result.action = "ALLOW""#,
                [2]
            ),
            (#"$e.additional.fields["recipientAccountId"] = "123""#, [1, 3]),
            // Statements decided by a set of texts: several literals, mixed nocase, a number read as text.
            (
                #"$e.metadata.product_event_type = "DeleteDetector" or "UpdateDetector" = $e.metadata.product_event_type"#,
                [2, 3]
            ),
            (
                #"$e.metadata.product_event_type = "deletedetector" nocase or $e.metadata.product_event_type = "UpdateDetector""#,
                [2, 3]
            ),
            (
                #"$e.metadata.product_event_type = "deletedetector" or $e.metadata.product_event_type = "updatedetector""#,
                []
            ),
            (#"$e.target.port = "22""#, [1]),
            (#"$e.target.port = "22" or $e.target.port = "23""#, [1, 3]),
            (#"$e.principal.ip = "10.0.0.2""#, [1]),
            (#"$e.principal.ip != "10.0.0.1""#, [1, 3]),
            (#"not $e.principal.ip = "10.0.0.1""#, [1, 3]),
            (#"all $e.principal.ip != "10.0.0.1""#, [3]),
            (#"any $e.principal.ip = "10.0.0.2""#, [1]),
            (
                #"$e.security_result.action = "BLOCK"\#n$e.security_result.description = "Reason: Failed authentication""#,
                [3]
            ),
            ("$e.target.port >= 22\n$e.target.port < 23\n$e.metadata.event_timestamp.seconds > 1600000000", [1]),
            ("$e.target.port <= 0", [2]),
            (#"$e.metadata.event_type = "USER_LOGIN""#, [1]),
            (#"net.ip_in_range_cidr($e.principal.ip, "10.0.0.0/8")"#, [1, 2]),
            (#"net.ip_in_range_cidr($e.principal.ip, "10.0.0.2/32")"#, [1]),
            (#"$e.principal.user.user_display_name != $e.target.user.userid"#, [1, 3]),
            (
                #"$e.target.resource.attribute.labels["Grantee URI"] = "http://acs.amazonaws.com/groups/global/AllUsers" /* c */"#,
                [1]
            ),
            (#"timestamp.get_hour($e.metadata.event_timestamp.seconds) = 3"#, [1]),
            (#"timestamp.get_day_of_week($e.metadata.event_timestamp.seconds) = 2"#, [1]),  // a Monday
            (#"timestamp.get_date($e.metadata.event_timestamp.seconds) = "2019-01-01""#, [3]),
            (#"strings.contains($e.principal.user.userid, "assumed-role")"#, [1]),
            (#"strings.coalesce($e.principal.user.user_display_name, "none") = "none""#, [2]),
            (#"re.replace($e.metadata.product_event_type, "^(Describe|Delete)", "X-\\1") = "X-DeleteDetector""#, [3]),
            (#"strings.length($e.metadata.vendor_name) = 6"#, [1, 2, 3]),
            (#"$e.additional.fields["recipientAccountId"] = $acct\#n$e.principal.user.userid = $uid"#, [1, 3]),
            (#"re.capture($e.principal.user.userid, ":assumed-role/.*/(.*)$") = $instance"#, [1]),
        ] as [(String, [Int])])
    func singleEventPredicate(_ events: String, _ expected: [Int]) throws {
        #expect(try Self.selected(events) == Set(expected), "\(events)")
    }

    @Test func referenceListsOfTextRegexAndCIDR() throws {
        let accounts = ReferenceList(name: "accts", text: "// approved accounts\n111\n123 // the payer\n\n")
        #expect(accounts.values == ["111", "123"])
        #expect(try Self.selected("$e.principal.user.group_identifiers in %accts", lists: [accounts]) == [1])
        #expect(try Self.selected("not $e.principal.user.group_identifiers in %accts", lists: [accounts]) == [2, 3])
        let patterns = ReferenceList(name: "types", text: "^Describe\nDetector$\n")
        #expect(try Self.selected("$e.metadata.product_event_type in regex %types", lists: [patterns]) == [1, 2, 3])
        let ranges = ReferenceList(name: "nets", text: "10.0.0.2/32\n192.168.0.0/16\n")
        #expect(try Self.selected("$e.principal.ip in cidr %nets", lists: [ranges]) == [1])
    }

    @Test func aRuleWithoutItsListDoesNotRun() throws {
        let rules = try DetectionRuleSet.parse(
            S.ruleText(events: "not $e.principal.user.group_identifiers in %nowhere"), file: "test.yaral")
        let set = DetectionRuleSet(rules: rules)
        #expect(set.readiness(of: 0) == .needsLists(["nowhere"]))
        var session = RuleSession(ruleSet: set)
        session.add(try #require(RuleEvent.events(line: Array(Self.events[0].utf8), origin: "x:1").first))
        #expect(session.finish().first?.detectionCount == 0)
    }

    @Test func eachEventGetsASyntheticMetadataID() throws {
        let event = try #require(RuleEvent.events(line: Array(Self.events[1].utf8), origin: "logs.json:7").first)
        let id = RuleEventView(event).values(RuleFieldPath(steps: [.field("metadata"), .field("id")]))
        #expect(id == [.string(RuleEvent.syntheticID("logs.json:7"))])
        #expect(RuleEvent.syntheticID("logs.json:7") != RuleEvent.syntheticID("logs.json:8"))
    }

    @Test func importBodiesGiveTheirEvents() throws {
        let body =
            #"{"inlineSource":{"events":[{"udm":{"metadata":{"vendorName":"AMAZON"}}},{"udm":{"metadata":{"vendorName":"X"}}}]}}"#
        let events = try RuleEvent.events(line: Array(body.utf8), origin: "bodies.ndjson:1")
        #expect(events.map(\.origin) == ["bodies.ndjson:1:events[0]", "bodies.ndjson:1:events[1]"])
        #expect(
            RuleEventView(events[0]).values(RuleFieldPath(steps: [.field("metadata"), .field("vendor_name")]))
                == [.string("AMAZON")])
        #expect(throws: RuleInputError.self) { try RuleEvent.events(line: Array("{oops".utf8), origin: "bad:1") }
    }

    @Test func singleEventOutcomes() throws {
        let text = S.ruleText(
            events: #"$e.metadata.vendor_name = "AMAZON""#,
            outcome: """
                $risk = max(35 + if($e.principal.user.user_display_name = "bob", 50) + if($e.target.port > 100, 1, 2))
                $ips = array_distinct($e.principal.ip)
                $ids = count_distinct($e.metadata.id)
                $who = $e.principal.user.user_display_name
                $ports = sum($e.target.port) * 2
                $low = min($e.target.port) - 1
                $count = count($e.principal.ip)
                $all = array($e.principal.ip)
                """,
            condition: "$e and $risk > 40")
        let rules = try DetectionRuleSet.parse(text, file: "test.yaral")
        var session = RuleSession(ruleSet: DetectionRuleSet(rules: rules))
        for (index, line) in Self.events.enumerated() {
            for event in try RuleEvent.events(line: Array(line.utf8), origin: "e:\(index + 1)") { session.add(event) }
        }
        let result = try #require(session.finish().first)
        #expect(result.detectionCount == 1, "only bob's event reaches 40")
        let outcomes = Dictionary(
            uniqueKeysWithValues: try #require(result.detections.first).outcomes.map { ($0.name, $0.value) })
        #expect(outcomes["risk"] == .number(87))
        #expect(outcomes["ips"] == .list(["10.0.0.1", "10.0.0.2"]))
        #expect(outcomes["ids"] == .number(1))
        #expect(outcomes["who"] == .text("bob"))
        #expect(outcomes["ports"] == .number(44))
        #expect(outcomes["low"] == .number(21))
        #expect(outcomes["count"] == .number(2))
        #expect(outcomes["all"] == .list(["10.0.0.1", "10.0.0.2"]))
    }
}
