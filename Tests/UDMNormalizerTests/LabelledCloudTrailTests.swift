import Foundation
import Testing

@testable import UDMNormalizer

/// CloudTrail records from AWS's service guides (`Tests/Corpus/labelled`), each labelled with the
/// type and target a detection engineer expects in each profile, mostly on services and calls no
/// table row names: the general rules must type them and find what they act on. The figures are
/// computed over every file of the folder together (its README says how).
@Suite struct LabelledCloudTrailTests {
    static let folder = PackagePaths.vendoredCorpus.appendingPathComponent("labelled")
    static let googleSecOps = "google-secops"
    static let profiles = [MappingSet.referenceProfile, googleSecOps]
    static let minimumEvents = 150
    static let minimumEventSources = 30
    static let minimumReadShare = 0.5
    static let minimumTypedShare = 0.97
    static let minimumTargetShare = 0.90
    /// Where a caller's machine is written; an AWS service is never one (it is principal.application).
    static let principalMachineFields = ["principal.hostname", "principal.asset.hostname", "principal.asset_id"]
    /// The fields a `none` target must leave empty.
    static let namingFields = ["target.resource.name", "target.resource.product_object_id", "target.user.userid"]

    static func events() throws -> [LabelledCloudTrailEvent] {
        try LabelledCloudTrailEvent.load(from: folder)
    }

    /// Whether `value` names an AWS service endpoint rather than a machine.
    static func isServiceHost(_ value: String) -> Bool {
        let host = value.lowercased()
        return host.hasSuffix(".amazonaws.com") || host.hasSuffix(".amazon.com") || host.contains(".amazonaws.com:")
    }

    /// The event normalized in `profile`, read back as JSON; nil when the record was not normalized.
    static func output(_ event: LabelledCloudTrailEvent, normalizer: Normalizer) throws -> RuleView? {
        guard case .normalized(let udm) = normalizer.normalize(record: Array(event.record.utf8)) else { return nil }
        return try RuleView(json: udm.json)
    }

    /// Whether the output names the expected target: `field` (its first value) equals `value`; for
    /// `none`, no resource or user is named.
    static func matches(_ target: LabelledCloudTrailEvent.Target, in output: RuleView) -> Bool {
        guard let field = target.field, let value = target.value else {
            return namingFields.allSatisfy { !output.has($0) }
        }
        return output.values(field).first == value
    }

    /// What the output names, for a mismatch message.
    static func describeTarget(_ output: RuleView, expected target: LabelledCloudTrailEvent.Target) -> String {
        let fields = target.field.map { [$0] + namingFields.filter { $0 != target.field } } ?? namingFields
        let named = fields.compactMap { field in output.values(field).first.map { "\(field)=\($0)" } }
        return named.isEmpty ? "nothing" : named.joined(separator: ", ")
    }

    @Test func everyLabelIsWellFormed() throws {
        let events = try Self.events()
        let eventTypes = try #require(UDMSchema.builtin.enums.first { $0.name == "Metadata.EventType" })
        var ids: Set<String> = []
        for event in events {
            #expect(ids.insert(event.id).inserted, "\(event.location): id \(event.id) is not unique")
            #expect(Set(event.expected.keys) == Set(Self.profiles), "\(event.location) \(event.id): profiles")
            for (profile, expectation) in event.expected {
                let place = "\(event.location) \(event.id) \(profile)"
                #expect(eventTypes.contains(expectation.type), "\(place): no UDM event type \(expectation.type)")
                let target = expectation.target
                let fields = LabelledCloudTrailEvent.fieldsByKind[target.kind]
                #expect(fields != nil, "\(place): unknown target kind \(target.kind)")
                if target.kind == "none" {
                    #expect(target.field == nil && target.value == nil, "\(place): none names no field")
                } else {
                    #expect(target.field.map { fields?.contains($0) == true } == true, "\(place): field for \(target)")
                    #expect(target.value?.isEmpty == false, "\(place): no value")
                }
                if target.kind == "collection" {
                    #expect(profile == Self.googleSecOps, "\(place): a collection is google-secops only")
                    #expect(
                        target.value == event.collectionNoun,
                        "\(place): SERVICE:Noun is \(event.collectionNoun ?? "none")")
                }
            }
        }
    }

    @Test func aLineOffTheFormatIsAnErrorNamingItsPlace() {
        let noTarget =
            #"{"id":"x-1","source":"https://example.com","why":"w","event":{"eventSource":"a.amazonaws.com","eventName":"ListA"},"expect":{"reference":{"type":"GENERIC_EVENT"}}}"#
        for line in ["[]", #"{"id":"x-1"}"#, noTarget] {
            #expect(throws: InputError.self) { try LabelledCloudTrailEvent(line: line, location: "f.ndjson:7") }
        }
        #expect {
            try LabelledCloudTrailEvent(line: noTarget, location: "f.ndjson:7")
        } throws: { error in
            "\(error)".contains("f.ndjson:7") && "\(error)".contains("x-1")
        }
    }

    @Test func noneMeansNothingIsNamedAndAFieldMeansItsFirstValue() throws {
        let none = LabelledCloudTrailEvent.Target(kind: "none", field: nil, value: nil)
        let named = LabelledCloudTrailEvent.Target(kind: "resource", field: "target.resource.name", value: "a")
        let empty = try RuleView(json: #"{"target":{"application":"s3.amazonaws.com"}}"#)
        let first = try RuleView(json: #"{"target":{"resource":{"name":"a"}}}"#)
        let other = try RuleView(json: #"{"target":{"resource":{"name":"b"},"user":{"userid":"a"}}}"#)
        #expect(Self.matches(none, in: empty) && !Self.matches(none, in: first))
        #expect(Self.matches(named, in: first) && !Self.matches(named, in: other) && !Self.matches(named, in: empty))
        #expect(Self.isServiceHost("elasticmapreduce.amazonaws.com") && !Self.isServiceHost("203.0.113.7"))
    }

    @Test func theSetIsLargeVariedAndMostlyReads() throws {
        let events = try Self.events()
        let sources = Set(events.map(\.eventSource)).count
        let reads = events.filter(\.isRead).count
        let figures = "\(events.count) events, \(sources) eventSources, \(reads) reads in the files present"
        #expect(events.count >= Self.minimumEvents, "fewer than \(Self.minimumEvents) events: \(figures)")
        #expect(sources >= Self.minimumEventSources, "fewer than \(Self.minimumEventSources) eventSources: \(figures)")
        #expect(
            Double(reads) >= Self.minimumReadShare * Double(events.count),
            "fewer than half Describe/List/Get: \(figures)")
        let samples = PackagePaths.samples.appendingPathComponent("cloudtrail")
        let sampleText = try FileManager.default.contentsOfDirectory(atPath: samples.path).filter {
            $0.hasSuffix(".json")
        }.map { try PackagePaths.read(samples.appendingPathComponent($0)) }.joined()
        for event in events {
            guard let eventID = try RuleView(json: event.record).values("eventID").first else { continue }
            #expect(!sampleText.contains(eventID), "\(event.id) is already a sample under Samples/")
        }
    }

    @Test(arguments: profiles) func theGeneralRulesTypeAndTargetAWSDocumentedEvents(profile: String) throws {
        let events = try Self.events()
        let normalizer = Normalizer(mappings: try MappingSet.builtin(profile: profile))
        var typed = 0
        var typeMatches = 0
        var targetMatches = 0
        var serviceHosts: [String] = []
        var mismatches: [String] = []
        for event in events {
            let expected = try #require(event.expected[profile])
            guard let output = try Self.output(event, normalizer: normalizer) else {
                mismatches.append("\(event.id): not normalized")
                continue
            }
            let type = output.values("metadata.event_type").first ?? "none"
            typed += type == UDMValidator.fallbackEventType ? 0 : 1
            typeMatches += type == expected.type ? 1 : 0
            let targetMatch = Self.matches(expected.target, in: output)
            targetMatches += targetMatch ? 1 : 0
            if !targetMatch || type != expected.type {
                mismatches.append(
                    "\(event.id): expected \(expected.type), \(expected.target); got \(type), "
                        + Self.describeTarget(output, expected: expected.target))
            }
            for field in Self.principalMachineFields {
                for value in output.values(field) where Self.isServiceHost(value) {
                    serviceHosts.append("\(event.id): \(field)=\(value)")
                }
            }
        }
        let count = max(events.count, 1)
        func share(_ part: Int) -> String { "\(part)/\(events.count) (\(part * 100 / count)%)" }
        print(
            "labelled \(profile): typed \(share(typed)), type match \(share(typeMatches)), "
                + "target match \(share(targetMatches)), service hosts \(serviceHosts.count)")
        let report = mismatches.joined(separator: "\n")
        if profile == Self.googleSecOps {
            #expect(
                Double(typed) >= Self.minimumTypedShare * Double(events.count),
                "typed beyond GENERIC_EVENT \(share(typed)), below 97%:\n\(report)")
            #expect(serviceHosts.isEmpty, "AWS services written as machines:\n\(serviceHosts.joined(separator: "\n"))")
        }
        #expect(
            Double(targetMatches) >= Self.minimumTargetShare * Double(events.count),
            "exact target match \(share(targetMatches)), below 90%:\n\(report)")
    }
}
