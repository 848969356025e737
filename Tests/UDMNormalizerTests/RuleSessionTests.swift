import Foundation
import Testing

@testable import UDMNormalizer

/// Multi-event rules over windows: Google's rules on events D−1 s and D+1 s apart, given in and
/// out of time order; joins, placeholder counts, entity context.
@Suite struct RuleSessionTests {
    typealias S = RuleTestSupport

    static let start = 1_773_475_200  // 2026-03-14T08:00:00Z

    static func time(_ offset: Int) -> String {
        Timestamp(seconds: Int64(start + offset)).rfc3339
    }

    /// A console sign-in as Google SecOps' parser writes it.
    static func login(
        _ offset: Int, user: String = "alice", ip: String = "198.51.100.7", success: Bool,
        reason: String = "Failed authentication"
    ) -> String {
        let result =
            success
            ? #"{"action":["ALLOW"],"summary":"Login to AWS Console succeeded."}"#
            : #"{"action":["BLOCK"],"description":"Reason: \#(reason)"}"#
        return
            #"{"metadata":{"event_timestamp":"\#(time(offset))","event_type":"USER_LOGIN","vendor_name":"AMAZON","product_name":"AWS CloudTrail","product_event_type":"ConsoleLogin"},"principal":{"ip":["\#(ip)"]},"target":{"user":{"userid":"arn:aws:iam::111122223333:user/\#(user)","user_display_name":"\#(user)"}},"security_result":[\#(result)]}"#
    }

    /// The result of one vendored rule over the lines, in the order given.
    static func run(_ rule: String, _ lines: [String], context: [String] = []) throws -> RuleSession.RuleResult {
        let entities = try context.enumerated().flatMap { index, line in
            try RuleEvent.entities(line: Array(line.utf8), origin: "context.ndjson:\(index + 1)")
        }
        var session = RuleSession(ruleSet: DetectionRuleSet(rules: [try S.rule(rule)], context: entities))
        for (index, line) in lines.enumerated() {
            for event in try RuleEvent.events(line: Array(line.utf8), origin: "events.ndjson:\(index + 1)") {
                session.add(event)
            }
        }
        return try #require(session.finish().first)
    }

    /// In time order, reversed, and rotated by half.
    static func orders(_ lines: [String]) -> [[String]] {
        let half = lines.count / 2
        let rotated: [String] = Array(lines[half...]) + Array(lines[..<half])
        return [lines, Array(lines.reversed()), rotated]
    }

    @Test func successfulLoginAfterMultipleFailedAttempts() throws {
        let rule = "aws_successful_login_after_multiple_failed_attempts"  // #fail > 3 and $success over 15m
        let fails = (0..<4).map { Self.login($0, success: false) }
        for lines in Self.orders(fails + [Self.login(899, success: true)]) {
            let result = try Self.run(rule, lines)
            #expect(result.detectionCount == 1, "success D-1 s after the first failure fires")
            let detection = try #require(result.detections.first)
            #expect(detection.matchValues.map(\.value) == ["alice"])
            #expect(detection.eventCount == 5)
            #expect(detection.windowStart == Double(Self.start))
            #expect(detection.windowEnd == Double(Self.start + 899))
            #expect(detection.origins.count == 5)
            #expect(detection.outcomes.first { $0.name == "event_count" }?.value == .number(5))
        }
        for lines in Self.orders(fails + [Self.login(901, success: true)]) {
            // A window of D holds three failures and the success at most.
            let result = try Self.run(rule, lines)
            #expect(result.detectionCount == 0, "success D+1 s after the first failures does not fire")
        }
        let early = try Self.run(rule, fails.dropLast() + [Self.login(1, success: true), fails[3]])
        #expect(early.detectionCount == 0, "three failures before the success are not four")
        let otherUser = try Self.run(rule, fails + [Self.login(10, user: "bob", success: true)])
        #expect(otherUser.detectionCount == 0, "joined on the user")
    }

    @Test func successfulConsoleAuthenticationFromMultipleIPs() throws {
        let rule = "aws_successful_console_authentication_from_multiple_ips"  // #ip > 1 over 5m
        let first = Self.login(0, ip: "198.51.100.7", success: true)
        for lines in Self.orders([first, Self.login(299, ip: "203.0.113.9", success: true)]) {
            let result = try Self.run(rule, lines)
            #expect(result.detectionCount == 1)
            #expect(result.detections.first?.matchValues.first?.value == "arn:aws:iam::111122223333:user/alice")
        }
        for lines in Self.orders([first, Self.login(301, ip: "203.0.113.9", success: true)]) {
            #expect(try Self.run(rule, lines).detectionCount == 0)
        }
        let sameIP = try Self.run(rule, [first, Self.login(10, success: true)])
        #expect(sameIP.detectionCount == 0)
    }

    @Test func countOverAWindow() throws {
        let rule = "aws_high_number_of_unknown_user_authentication_attempts"  // #fail >= 10 over 10m
        func attempts(last: Int) -> [String] {
            (0..<9).map { Self.login($0, success: false, reason: "No username found in supplied account") }
                + [Self.login(last, success: false, reason: "No username found in supplied account")]
        }
        for lines in Self.orders(attempts(last: 599)) {
            let result = try Self.run(rule, lines)
            #expect(result.detectionCount == 1)
            #expect(result.detections.first?.eventCount == 10)
        }
        for lines in Self.orders(attempts(last: 601)) {
            #expect(try Self.run(rule, lines).detectionCount == 0)
        }
    }

    @Test func outcomeThresholdInTheCondition() throws {
        let rule = "aws_unusual_number_of_failed_authentications_from_the_same_ip"  // $dc_target_user_display_name > 5
        let six = (0..<6).map { Self.login($0 * 10, user: "user\($0)", success: false) }
        #expect(try Self.run(rule, six).detectionCount == 1)
        #expect(try Self.run(rule, Array(six.dropLast())).detectionCount == 0)
    }

    @Test func joinOnAFieldBetweenTwoVariables() throws {
        let rule = "aws_lateral_movement_using_iam_session_token"
        func call(_ offset: Int, _ name: String, ip: String, key: String, userid: String) -> String {
            #"{"metadata":{"event_timestamp":"\#(Self.time(offset))","vendor_name":"AMAZON","product_name":"AWS CloudTrail","product_event_type":"\#(name)"},"principal":{"ip":["\#(ip)"],"user":{"userid":"\#(userid)"}},"target":{"resource":{"product_object_id":"\#(key)"}},"additional":{"accessKeyId":"\#(key)"},"security_result":[{"action":["ALLOW"]}]}"#
        }
        let token = call(0, "GetSessionToken", ip: "198.51.100.7", key: "ASIATEMP", userid: "alice")
        let elsewhere = call(60, "ListBuckets", ip: "203.0.113.9", key: "ASIATEMP", userid: "alice")
        for lines in Self.orders([token, elsewhere]) {
            #expect(try Self.run(rule, lines).detectionCount == 1)
        }
        let sameIP = call(60, "ListBuckets", ip: "198.51.100.7", key: "ASIATEMP", userid: "alice")
        #expect(try Self.run(rule, [token, sameIP]).detectionCount == 0)
        let before = call(-60, "ListBuckets", ip: "203.0.113.9", key: "ASIATEMP", userid: "alice")
        #expect(try Self.run(rule, [token, before]).detectionCount == 0, "the use must follow the token")
        let otherKey = call(60, "ListBuckets", ip: "203.0.113.9", key: "ASIAOTHER", userid: "alice")
        #expect(try Self.run(rule, [token, otherKey]).detectionCount == 0)
    }

    @Test func entityContextFromAFile() throws {
        let rule = "aws_successful_api_from_tor_exit_node"
        let api =
            #"{"metadata":{"event_timestamp":"\#(Self.time(0))","vendor_name":"AMAZON","product_name":"AWS CloudTrail","product_event_type":"ListBuckets"},"principal":{"ip":["185.220.101.5"]},"security_result":[{"action":["ALLOW"]}]}"#
        let exitNode =
            #"{"metadata":{"entity_type":"IP_ADDRESS","product_name":"GCTI Feed","source_type":"GLOBAL_CONTEXT","threat":[{"threat_feed_name":"Tor Exit Nodes"}]},"entity":{"artifact":{"ip":"185.220.101.5"}}}"#
        let otherNode = exitNode.replacingOccurrences(of: "185.220.101.5", with: "192.0.2.1")
        let withContext = try Self.run(rule, [api], context: [exitNode])
        #expect(withContext.detectionCount == 1)
        #expect(try Self.run(rule, [api], context: [otherNode]).detectionCount == 0)
        let without = try Self.run(rule, [api])
        #expect(without.readiness == .needsContext)
        #expect(without.detectionCount == 0)
    }

    @Test func heldEventsAreBounded() throws {
        var options = RuleSession.Options()
        options.maxHeldEvents = 3
        var session = RuleSession(
            ruleSet: DetectionRuleSet(rules: [try S.rule("aws_successful_login_after_multiple_failed_attempts")]),
            options: options)
        for offset in 0..<5 {
            session.add(
                try #require(RuleEvent.events(line: Array(Self.login(offset, success: false).utf8), origin: "x").first))
        }
        let result = try #require(session.finish().first)
        #expect(session.peakHeldEvents == 3)
        #expect(result.heldEvents == 3)
        #expect(result.eventsOverBound == 2)
    }

    @Test func windowsThatCannotGrowAreEvaluatedEarlyAndTheirEventsDropped() throws {
        // Ten users, two hours apart, each with four failures and a success: ten detections,
        // whether the windows are evaluated at the end or as the session goes.
        var lines: [String] = []
        for user in 0..<10 {
            let base = user * 7200
            lines += (0..<4).map { Self.login(base + $0, user: "user\(user)", success: false) }
            lines.append(Self.login(base + 60, user: "user\(user)", success: true))
        }
        let rule = try S.rule("aws_successful_login_after_multiple_failed_attempts")
        func run(flushEvents: Int, _ lines: [String]) throws -> (RuleSession.RuleResult, Int) {
            var options = RuleSession.Options()
            options.flushEvents = flushEvents
            var session = RuleSession(ruleSet: DetectionRuleSet(rules: [rule]), options: options)
            for (index, line) in lines.enumerated() {
                session.add(try #require(RuleEvent.events(line: Array(line.utf8), origin: "e:\(index + 1)").first))
            }
            let result = try #require(session.finish().first)
            return (result, session.peakHeldEvents)
        }
        let (atTheEnd, heldAll) = try run(flushEvents: 1000, lines)
        let (early, heldFew) = try run(flushEvents: 6, lines)
        #expect(atTheEnd.detectionCount == 10)
        #expect(early.detectionCount == 10)
        #expect(early.detections.map(\.origins) == atTheEnd.detections.map(\.origins))
        #expect(heldAll == 50)
        #expect(heldFew <= 15, "held \(heldFew)")
        #expect(early.lateEvents == 0)
        // An event older than windows already evaluated is counted as late, and still evaluated.
        let (late, _) = try run(flushEvents: 6, lines + [Self.login(5, user: "user0", success: true)])
        #expect(late.lateEvents == 1)
    }
}
