import Foundation
import Testing

@testable import UDMNormalizer

/// `UDMEvent.values(at:)` and its subscript read what the JSON output shows, without re-parsing it.
@Suite("UDM event field access")
struct UDMEventFieldAccessTests {
    private func event(_ sample: String) throws -> UDMEvent {
        let bytes = try [UInt8](Data(contentsOf: PackagePaths.samples.appendingPathComponent(sample)))
        var events: [UDMEvent] = []
        Normalizer().normalize(input: bytes, source: sample) { record in
            if case .normalized(let event) = record.outcome { events.append(event) }
        }
        return try #require(events.first)
    }

    @Test func scalarRepeatedLabelAndAdditionalValues() throws {
        let event = try self.event("cloudtrail/reference-sample-describe-trails.json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(event.json.utf8)) as? [String: Any])
        let metadata = try #require(json["metadata"] as? [String: Any])
        #expect(event["metadata.event_type"] == metadata["event_type"] as? String)
        #expect(event["metadata.event_type"] == event.eventType.rawValue)
        #expect(event["metadata.product_name"] == "AWS_CLOUDTRAIL")
        #expect(event["metadata.event_timestamp"] == metadata["event_timestamp"] as? String)
        let principal = try #require(json["principal"] as? [String: Any])
        let user = try #require(principal["user"] as? [String: Any])
        #expect(event["principal.user.userid"] == user["userid"] as? String)
        #expect(event.values(at: "principal.user.group_identifiers") == user["group_identifiers"] as? [String])
        let additional = try #require(json["additional"] as? [String: Any])
        #expect(event["additional[\"Event Type\"]"] == additional["Event Type"] as? String)
        let labels = try #require((user["attribute"] as? [String: Any])?["labels"] as? [[String: String]])
        let arn = try #require(labels.first { $0["key"] == "ARN" }?["value"])
        #expect(event["principal.user.attribute.labels[\"ARN\"]"] == arn)
        #expect(event.values(at: "principal.user.attribute.labels").count == labels.count)
    }

    @Test func repeatedMessagesAreAllVisited() throws {
        let event = try self.event("cloudtrail/console-login-failure.json")
        #expect(event.values(at: "security_result.action") == ["BLOCK"])
    }

    @Test func unknownOrMalformedPathsGiveNothing() throws {
        let event = try self.event("cloudtrail/console-login-success.json")
        #expect(event["principal.no_such_field"] == nil)
        #expect(event.values(at: "additional[\"unclosed").isEmpty)
        #expect(event.values(at: "").isEmpty)
        #expect(event["target.user.userid"] != nil)
    }

    /// The key-value output's spelling, `additional.KEY`, reads the same values as the bracket one.
    @Test func additionalKeysAsTheKeyValueOutputPrintsThem() throws {
        let event = try self.event("cloudtrail/console-login-success.json")
        let printed = event.keyValueText.split(separator: "\n").filter { $0.hasPrefix("additional.") }
        #expect(printed.count >= 2)
        for line in printed {
            let path = String(line.prefix { $0 != "=" }.dropLast())
            let key = String(path.dropFirst("additional.".count))
            #expect(event[path] != nil, "\(path) is printed but not readable")
            #expect(event.values(at: path) == event.values(at: "additional[\"\(key)\"]"))
            #expect(try event.value(at: path) == event[path])
        }
        #expect(event["additional.Event Type"] == "AwsConsoleSignIn", "everything after 'additional.' is the key")
        #expect(event["additional.no such key"] == nil)
        #expect(try event.value(at: "additional.no such key") == nil, "a key the event lacks is no value, not an error")
    }

    @Test func valueAtThrowsForAnUnknownPathWithTheNearestKnownOne() throws {
        let event = try self.event("cloudtrail/console-login-success.json")
        #expect(try event.value(at: "principal.user.userid") == event["principal.user.userid"])
        #expect(try event.value(at: "principal.hostname") == nil, "a known path without a value is nil")
        #expect(throws: UDMPathError(path: "principal.usr.userid", suggestion: "principal.user.userid")) {
            try event.value(at: "principal.usr.userid")
        }
        #expect(throws: UDMPathError(path: "metadata.event_tipe", suggestion: "metadata.event_type")) {
            try event.value(at: "metadata.event_tipe")
        }
        #expect(throws: UDMPathError(path: "zzzz.qqqq", suggestion: nil)) { try event.value(at: "zzzz.qqqq") }
        do {
            _ = try event.value(at: "principal.usr.userid")
        } catch {
            #expect(
                error.description == "unknown UDM path 'principal.usr.userid'; did you mean 'principal.user.userid'?")
        }
        #expect(event["principal.usr.userid"] == nil, "the subscript never throws")
    }
}
