import Foundation
import Testing

@testable import UDMNormalizer

/// The typed results: each damage class gives its failure kind (with the CLI's text and the
/// record's origin), rule ids read back what they print, and reports count failures by kind.
struct TypedOutcomeTests {
    static let event = #"{"eventVersion":"1.08","eventTime":"2024-01-01T00:00:00Z","eventName":"ListBuckets"}"#

    /// (origin, failure) of every failed record of an input.
    static func failures(_ text: String, options: Normalizer.Options = .init()) -> [(String, NormalizationFailure)] {
        failures(Array(text.utf8), options: options)
    }

    static func failures(_ bytes: [UInt8], options: Normalizer.Options = .init()) -> [(String, NormalizationFailure)] {
        var result: [(String, NormalizationFailure)] = []
        Normalizer(options: options).normalize(input: bytes, source: "in") { record in
            if case .failed(let failure) = record.outcome { result.append((record.origin, failure)) }
        }
        return result
    }

    static func gzip(_ text: String) throws -> [UInt8] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("typed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("x")
        try Data(text.utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-n", file.path]
        try process.run()
        process.waitUntilExit()
        return Array(try Data(contentsOf: directory.appendingPathComponent("x.gz")))
    }

    @Test(
        "each damage class fails with its kind",
        arguments: [
            ("bad token on a line", event + "\n" + #"{"a" "b"}"# + "\n", NormalizationFailure.Kind.invalidJSON),
            ("garbage line", event + "\ngarbage\n", .invalidJSON),
            ("bad token in an array element", #"{"Records":[{"a" 1}]}"#, .invalidJSON),
            ("cut inside an element", #"{"Records":[{"eventTime":"2024-"#, .truncated),
            ("a string where a record belongs", #"{"Records":["text"]}"#, .notAnObject),
            ("an array where a record belongs", "[[1]]", .notAnObject),
            (
                "LookupEvents entry whose CloudTrailEvent is not text",
                #"{"Events":[{"EventId":"x","CloudTrailEvent":5}]}"#, .invalidPayload
            ),
            (
                "CloudWatch Logs message that is not JSON text",
                #"{"messageType":"DATA_MESSAGE","logEvents":[{"id":"1","message":7}]}"#, .invalidPayload
            ),
            ("no table matches", #"{"hello":"world"}"#, .unrecognized),
            ("no event time", #"{"eventVersion":"1.08","eventName":"ListBuckets"}"#, .noEventTime),
        ])
    func damageClassKinds(_ name: String, _ input: String, _ kind: NormalizationFailure.Kind) throws {
        let failures = Self.failures(input)
        #expect(failures.count == 1, "\(name): \(failures)")
        let (origin, failure) = try #require(failures.first)
        #expect(failure.kind == kind, "\(name): \(failure)")
        #expect(failure.origin == origin, "\(name): the failure carries the record's origin")
        #expect(failure.description == failure.detail)
        #expect(!failure.detail.isEmpty)
    }

    @Test func oversizedRecordsAreTooLarge() throws {
        let big = #"{"eventTime":"2024-01-01T00:00:00Z","eventName":""# + String(repeating: "x", count: 500) + "\"}"
        for input in [big + "\n" + Self.event + "\n", #"{"Records":["# + big + "]}"] {
            let failures = Self.failures(input, options: .init(maxRecordBytes: 128))
            #expect(failures.map(\.1.kind) == [.tooLarge], "\(failures)")
            #expect(failures.first?.1.detail.hasPrefix("record larger than the 128-byte limit") == true)
        }
    }

    @Test func aGzipStreamThatEndsEarlyIsUnreadableInput() throws {
        let bytes = try Self.gzip(String(repeating: Self.event + "\n", count: 200))
        // The gzip header and nothing more: reading fails before any record.
        let headerOnly = Self.failures(Array(bytes.prefix(12)))
        #expect(headerOnly.map(\.1.kind) == [.unreadableInput], "\(headerOnly)")
        #expect(headerOnly.first?.1.detail.hasPrefix("truncated gzip data") == true)
        // Cut inside a record: that record is truncated, and the read error is said with it.
        let cut = Self.failures(Array(bytes.prefix(60)))
        #expect(cut.map(\.1.kind) == [.truncated], "\(cut)")
        #expect(cut.first?.1.detail.contains("truncated gzip data") == true)
    }

    @Test func aRecordAloneHasNoOrigin() {
        guard case .failed(let failure) = Normalizer().normalize(record: Array("{".utf8)) else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.kind == .truncated || failure.kind == .invalidJSON)
        #expect(failure.origin == nil)
    }

    @Test func kindsAreAnOpenSet() {
        let custom = NormalizationFailure.Kind(rawValue: "quarantined")
        #expect(custom != .invalidJSON)
        #expect(NormalizationFailure.Kind(rawValue: "invalid JSON") == .invalidJSON)
        #expect("\(NormalizationFailure.Kind.noEventTime)" == "no event time")
    }

    // MARK: Rule ids

    @Test(arguments: [
        "cloudtrail.map:42", "profiles/google-secops/cloudtrail.map:7", "C:/tables/site.map:3", "a:b.map:1",
    ])
    func ruleIDsReadBackWhatTheyPrint(_ text: String) throws {
        let id = try #require(RuleID(text))
        #expect(id.description == text)
        #expect(RuleID(id.description) == id)
    }

    @Test func ruleIDPartsAndProfile() throws {
        let base = try #require(RuleID("cloudtrail.map:42"))
        #expect((base.file, base.line, base.profile) == ("cloudtrail.map", 42, nil))
        let profile = try #require(RuleID("profiles/google-secops/cloudtrail.map:7"))
        #expect(profile.profile == "google-secops")
        #expect(profile.file == "profiles/google-secops/cloudtrail.map")
        #expect(RuleID(file: "my-tables/site.map", line: 1).profile == nil)
        for bad in ["", "cloudtrail.map", "cloudtrail.map:", "cloudtrail.map:x", ":4", "x.map:-1"] {
            #expect(RuleID(bad) == nil, "\(bad)")
        }
        #expect(RuleID(file: "x.map", line: 9) < RuleID(file: "x.map", line: 10), "by line number, not text")
        #expect(RuleID(file: "a.map", line: 90) < RuleID(file: "b.map", line: 1))
    }

    @Test func diagnosticsNameTheirSource() throws {
        let id = RuleID(file: "t.map", line: 3)
        #expect(Diagnostic(source: .rule(id), message: "m").description == "t.map:3: m")
        #expect(Diagnostic(source: .validator, message: "m").description == "validator: m")
        #expect(Diagnostic(source: .limits, message: "m").description == "limits: m")
        #expect(Diagnostic(source: .rule(id), message: "m").rule == id)
        #expect(Diagnostic(source: .limits, message: "m").rule == nil)
        // Built-in rules' diagnostics name a rule of a built-in table.
        let record = #"{"eventTime":"2024-01-01T00:00:00Z","eventName":"A","errorCode":{"nested":true}}"#
        guard case .normalized(let event) = Normalizer().normalize(record: Array(record.utf8)) else {
            Issue.record("expected an event")
            return
        }
        let rule = try #require(event.diagnostics.first?.rule)
        #expect(rule.file == "cloudtrail.map" && rule.line > 0)
        let classification = try #require(event.classification)
        #expect(classification.rule.file.hasSuffix(".map"))
    }

    // MARK: Reports

    @Test func reportsGroupFailuresByKind() {
        let input = [
            Self.event,
            #"{"a" "b"}"#,
            #"{"eventName": 1, "x" 2}"#,
            "garbage",
            #"{"eventVersion":"1.08","eventName":"NoTime"}"#,
            #"{"hello":"world"}"#,
        ].joined(separator: "\n")
        var builder = ReportBuilder()
        Normalizer().normalize(input: Array(input.utf8), source: "in") { builder.add($0) }
        let failures = builder.build().total.failures
        #expect(
            failures.map { "\($0.count) \($0.failureKind.map(\.rawValue) ?? "-") \($0.firstOrigin)" } == [
                "3 invalid JSON in:2", "1 no event time in:5", "1 unrecognized record in:6",
            ])
        #expect(failures.allSatisfy { $0.reason == $0.failureKind?.rawValue })
    }

    @Test func eventAndLogTypesAreTyped() throws {
        guard case .normalized(let event) = Normalizer().normalize(record: Array(Self.event.utf8)) else {
            Issue.record("expected an event")
            return
        }
        #expect(event.logType == .awsCloudTrail)
        #expect(event.eventType.isInSchema)
        #expect(EventType(rawValue: "NOT_A_UDM_TYPE").isInSchema == false)
        #expect(MappingSet.builtin.logTypes == [.awsCloudTrail, .guardDuty])
    }
}
