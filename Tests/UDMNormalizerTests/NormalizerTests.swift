import Foundation
import Testing

@testable import UDMNormalizer

/// The engine around the tables: validation and fallback, failures, input shapes, extension
/// tables, and concurrent use.
@Suite struct NormalizerTests {
    static func event(_ json: String, _ normalizer: Normalizer = Normalizer()) throws -> UDMEvent {
        switch normalizer.normalize(record: Array(json.utf8)) {
        case .normalized(let event): return event
        case .failed(let failure): throw NormalizerTestError(failure.detail)
        case .skipped(let reason): throw NormalizerTestError(reason.detail)
        }
    }

    struct NormalizerTestError: Error {
        var reason: String
        init(_ r: String) { reason = r }
    }

    @Test func missingRequiredFieldsFallBackToGenericEvent() throws {
        // CreateUser requires target.user; this record names no user at all.
        let event = try Self.event(
            #"{"eventVersion":"1.08","eventTime":"2024-01-01T00:00:00Z","eventName":"CreateUser","eventSource":"iam.amazonaws.com","sourceIPAddress":"192.0.2.1"}"#
        )
        #expect(event.eventType == .genericEvent)
        let note = try #require(event.diagnostics.first { $0.source == .validator })
        #expect(note.message == "USER_CREATION requires target.user: event type set to GENERIC_EVENT")
    }

    @Test func classifiedEventKeepsItsTypeWhenComplete() throws {
        let event = try Self.event(
            #"{"eventVersion":"1.08","eventTime":"2024-01-01T00:00:00Z","eventName":"CreateUser","eventSource":"iam.amazonaws.com","sourceIPAddress":"192.0.2.1","requestParameters":{"userName":"bob"},"userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::1:user/alice"}}"#
        )
        #expect(event.eventType == .userCreation)
        #expect(event.diagnostics.isEmpty)
    }

    @Test func exactEventNameKeysOnlyNoPrefixRules() throws {
        let describeTrails = try Self.event(
            #"{"eventTime":"2024-01-01T00:00:00Z","eventName":"DescribeTrails","eventSource":"cloudtrail.amazonaws.com"}"#
        )
        #expect(describeTrails.eventType == .genericEvent)
        let serviceKeyed = try Self.event(
            #"{"eventTime":"2024-01-01T00:00:00Z","eventName":"AttachInstances","eventSource":"autoscaling.amazonaws.com","userIdentity":{"arn":"a"},"requestParameters":{"autoScalingGroupName":"web-asg","instanceIds":["i-1"]}}"#
        )
        #expect(serviceKeyed.eventType == .resourcePermissionsChange)
        let otherService = try Self.event(
            #"{"eventTime":"2024-01-01T00:00:00Z","eventName":"AttachInstances","eventSource":"other.amazonaws.com"}"#)
        #expect(otherService.eventType == .genericEvent, "Google's service-keyed rows apply to that service only")
    }

    @Test func recordsWithoutEventTimeFailWithThatReason() {
        let outcome = Normalizer().normalize(
            record: Array(#"{"eventName":"GetCallerIdentity","eventSource":"sts.amazonaws.com"}"#.utf8))
        guard case .failed(let reason) = outcome else {
            Issue.record("expected a failure")
            return
        }
        #expect(reason.kind == .noEventTime)
        #expect(reason.origin == nil, "a record given alone has no origin")
        #expect(reason.description == "no event time: eventTime is missing")
    }

    @Test func invalidJSONAndUnknownRecordsFailWithReasons() {
        guard case .failed(let bad) = Normalizer().normalize(record: Array(#"{"eventName": "x",}"#.utf8)) else {
            Issue.record("expected a failure")
            return
        }
        #expect(bad.kind == .invalidJSON)
        #expect(bad.detail.hasPrefix("invalid JSON: line 1, column 19"), "\(bad)")
        guard case .failed(let unknown) = Normalizer().normalize(record: Array(#"{"hello":"world"}"#.utf8)) else {
            Issue.record("expected a failure")
            return
        }
        #expect(unknown.kind == .unrecognized)
        #expect(unknown.detail.hasPrefix("unrecognized record"))
        guard case .failed(let array) = Normalizer().normalize(record: Array("[1]".utf8)) else {
            Issue.record("expected a failure")
            return
        }
        #expect(array.kind == .notAnObject)
        #expect(array.detail == "expected a JSON object, found an array")
    }

    @Test func inputShapesAreSplitWithOrigins() {
        let line = #"{"eventTime":"2024-01-01T00:00:00Z","eventName":"A","eventID":"1"}"#
        let shapes: [(String, [String])] = [
            ("\(line)\n\n\(line)\n", ["f:1", "f:3"]),
            ("\u{FEFF}{\"Records\":[\(line),\(line)]}", ["f:1:Records[0]", "f:1:Records[1]"]),
            ("[\(line)]", ["f:1:[0]"]),
            ("{\n  \"eventTime\": \"2024-01-01T00:00:00Z\",\n  \"eventName\": \"A\"\n}\n", ["f:1"]),
            ("\(line)\n{broken\n", ["f:1", "f:2"]),
        ]
        for (text, origins) in shapes {
            var seen: [String] = []
            Normalizer().normalize(input: Array(text.utf8), source: "f") { seen.append($0.origin) }
            #expect(seen == origins, "\(text)")
        }
    }

    @Test func extensionDirectoryReplacesAndAddsTables() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("udm-ext-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // Replace the CloudTrail event-type tables: ConsoleLogin is no longer classified.
        var types = try PackagePaths.read(PackagePaths.mappings.appendingPathComponent("cloudtrail-event-types.map"))
        types = types.replacingOccurrences(of: "ConsoleLogin = USER_LOGIN\n", with: "")
        try types.write(
            to: directory.appendingPathComponent("cloudtrail-event-types.map"), atomically: true, encoding: .utf8)
        let mappings = try MappingSet.load(directory: directory.path)
        #expect(mappings.fileNames == MappingSet.builtin.fileNames)
        let login =
            #"{"eventTime":"2024-01-01T00:00:00Z","eventName":"ConsoleLogin","eventSource":"signin.amazonaws.com","sourceIPAddress":"192.0.2.1","userIdentity":{"arn":"a"}}"#
        #expect(try Self.event(login).eventType == .userLogin)
        #expect(try Self.event(login, Normalizer(mappings: mappings)).eventType == .genericEvent)

        try "@bogus\n".write(to: directory.appendingPathComponent("zz-extra.map"), atomically: true, encoding: .utf8)
        #expect(
            throws: MappingError(
                file: "zz-extra.map", line: 1, column: 1,
                message:
                    "unknown directive '@bogus' (expected @log_type, @keys, @match, @when, @end, @lookup, @define, @check, @eventbridge, @dedupe_key, @opaque, @ignore, @remove, @extends, @role, @precedence, @redact, @redact_value, @redact_json_text, @redact_keep or @unredact)"
            )
        ) {
            try MappingSet.load(directory: directory.path)
        }
        #expect(throws: MappingError.self) {
            try MappingSet.load(directory: directory.appendingPathComponent("none").path)
        }
    }

    @Test func concurrentUseGivesTheSameBytes() async throws {
        let input = Array(
            try Data(contentsOf: PackagePaths.samples.appendingPathComponent("cloudtrail/records-file.json")))
        let normalizer = Normalizer()
        func render() -> [UInt8] {
            var out: [UInt8] = []
            normalizer.normalize(input: input, source: "x") { record in
                if case .normalized(let event) = record.outcome { event.appendJSON(to: &out) }
            }
            return out
        }
        let expected = render()
        #expect(!expected.isEmpty)
        let results = await withTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<8 { group.addTask { (0..<20).map { _ in render() }.last! } }
            var all: [[UInt8]] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test func outputEscapesStrings() throws {
        let event = try Self.event(
            #"{"eventTime":"2024-01-01T00:00:00Z","eventName":"A","userAgent":"line\nbreak \"q\" \u2028 tab\t"}"#)
        #expect(event.json.contains(#""user_agent":"line\nbreak \"q\" \u2028 tab\t""#))
        #expect(!event.keyValueText.contains("line\nbreak"), "kv keeps one field on one line")
    }
}
