import Foundation
import Testing

@testable import UDMNormalizer

/// Who did what to which resource, over the third-party corpus (`../shared/corpus/cloudtrail` and
/// the CloudTrail records among `../shared/corpus/envelopes`), measured on the output the way a
/// detection engineer reads it:
/// - of the events that name a resource (`EventNamesResource`), the share whose UDM event carries
///   `target.resource.name` or `target.resource.product_object_id` must be at least 90%;
/// - no event may have a placeholder (`AWS Internal`, `redacted`, `-`, dots) as a hostname;
/// - every event with a `userIdentity` must have `principal.user.userid`.
@Suite(.enabled(if: PackagePaths.hasCorpus, "../shared/corpus is not beside the package: corpus tests skipped"))
struct CloudTrailNounCoverageTests {
    /// The figures over the corpus.
    struct Figures {
        var events = 0
        var namingResource = 0
        var namingResourceWithTarget = 0
        var withIdentity = 0
        var withIdentityAndUserID = 0
        var placeholderHostnames: [String] = []
        var withoutTarget: [String] = []
        var withoutUserID: [String] = []

        var targetShare: Double { namingResource == 0 ? 0 : Double(namingResourceWithTarget) / Double(namingResource) }
    }

    static func measure() throws -> Figures {
        var figures = Figures()
        for folder in ["cloudtrail", "envelopes"] {
            let directory = PackagePaths.corpus.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() {
                try Normalizer().normalize(path: directory.appendingPathComponent(name).path) { record in
                    guard record.logType == .awsCloudTrail, case .normalized(let event) = record.outcome,
                        let input = CloudTrailInput.event(in: record.rawBytes),
                        let output = try JSONSerialization.jsonObject(with: Data(event.json.utf8)) as? [String: Any]
                    else { return }
                    figures.count(input: input, output: output, origin: record.origin)
                }
            }
        }
        return figures
    }

    @Test func corpusEventsNameTheirTargetAndCaller() throws {
        let figures = try Self.measure()
        print(
            "CloudTrail nouns: \(figures.events) events; \(figures.namingResourceWithTarget) of \(figures.namingResource) that name a resource carry target.resource "
                + "(\(String(format: "%.1f", figures.targetShare * 100))%); \(figures.withIdentityAndUserID) of \(figures.withIdentity) with a userIdentity have principal.user.userid; "
                + "\(figures.placeholderHostnames.count) placeholder hostnames")
        #expect(figures.events >= 440, "the corpus holds 450 CloudTrail events with a time")
        #expect(figures.namingResource >= 200)
        #expect(
            figures.targetShare >= 0.90,
            "\(figures.withoutTarget.count) events name a resource but have no target.resource:\n\(figures.withoutTarget.prefix(30).joined(separator: "\n"))"
        )
        #expect(figures.placeholderHostnames.isEmpty, "\(figures.placeholderHostnames.prefix(20))")
        #expect(
            figures.withIdentityAndUserID == figures.withIdentity,
            "\(figures.withoutUserID.prefix(20).joined(separator: "\n"))")
    }

    @Test func theDefinitionOfNamingAResource() throws {
        func names(_ json: String) throws -> Bool {
            try EventNamesResource.holds(
                for: #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]))
        }
        #expect(try names(#"{"resources":[{"ARN":"arn:aws:s3:::b"}]}"#))
        #expect(try !names(#"{"resources":[]}"#))
        #expect(try names(#"{"responseElements":{"instancesSet":{"items":[{"instanceId":"i-1"}]}}}"#))
        #expect(try !names(#"{"requestParameters":{"instanceId":""}}"#))
        #expect(try !names(#"{"requestParameters":{"instanceId":{"id":"i-1"}}}"#))
        #expect(try names(#"{"eventSource":"iam.amazonaws.com","requestParameters":{"userName":"bob"}}"#))
        #expect(try !names(#"{"eventSource":"sts.amazonaws.com","requestParameters":{"userName":"bob"}}"#))
        #expect(try !names(#"{"additionalEventData":{"bucketName":"b"}}"#))
    }
}

extension CloudTrailNounCoverageTests.Figures {
    mutating func count(input: [String: Any], output: [String: Any], origin: String) {
        events += 1
        let target = output["target"] as? [String: Any]
        let resource = target?["resource"] as? [String: Any]
        if EventNamesResource.holds(for: input) {
            namingResource += 1
            if resource?["name"] != nil || resource?["product_object_id"] != nil {
                namingResourceWithTarget += 1
            } else {
                withoutTarget.append("\(origin): \(input["eventSource"] ?? "?") \(input["eventName"] ?? "?")")
            }
        }
        if let identity = input["userIdentity"] as? [String: Any], !identity.isEmpty {
            withIdentity += 1
            let principal = output["principal"] as? [String: Any]
            if let user = principal?["user"] as? [String: Any], let id = user["userid"] as? String, !id.isEmpty {
                withIdentityAndUserID += 1
            } else {
                withoutUserID.append("\(origin): \(identity["type"] ?? "?")")
            }
        }
        for noun in ["principal", "src", "target"] {
            let entity = output[noun] as? [String: Any]
            let asset = entity?["asset"] as? [String: Any]
            for hostname in [entity?["hostname"], asset?["hostname"]].compactMap({ $0 as? String })
            where Self.isPlaceholder(hostname) {
                placeholderHostnames.append("\(origin): \(noun) \(hostname)")
            }
        }
    }

    /// The `sourceIPAddress` values that name no machine.
    static func isPlaceholder(_ value: String) -> Bool {
        ["AWS Internal", "redacted", "", "-"].contains(value) || value.allSatisfy { $0 == "." }
    }
}

/// Whether a CloudTrail event names a resource it acts on: a non-empty `resources[]`; or, at any
/// depth of `requestParameters` or `responseElements`, a non-empty string under one of `keys`; or
/// an IAM call with `requestParameters.userName` or `.groupName`.
enum EventNamesResource {
    static let keys: Set<String> = [
        "instanceId", "volumeId", "snapshotId", "imageId", "bucketName", "functionName", "roleName", "policyArn",
        "keyId",
        "dBInstanceIdentifier", "dBSnapshotIdentifier", "loadBalancerName", "logGroupName", "secretId", "stackName",
        "topicArn",
        "queueUrl", "detectorId", "configurationRecorderName", "keyName", "groupId", "vpcId", "subnetId",
        "networkInterfaceId",
        "roleArn", "trailName", "accessKeyId", "repositoryName", "clusterName", "autoScalingGroupName", "tableName",
        "streamName",
        "certificateArn", "hostedZoneId",
    ]

    static func holds(for event: [String: Any]) -> Bool {
        if let resources = event["resources"] as? [Any], !resources.isEmpty { return true }
        if hasKey(event["requestParameters"]) || hasKey(event["responseElements"]) { return true }
        if event["eventSource"] as? String == "iam.amazonaws.com",
            let parameters = event["requestParameters"] as? [String: Any]
        {
            for key in ["userName", "groupName"] {
                if let value = parameters[key] as? String, !value.isEmpty { return true }
            }
        }
        return false
    }

    private static func hasKey(_ value: Any?) -> Bool {
        if let object = value as? [String: Any] {
            for (key, member) in object {
                if keys.contains(key), let text = member as? String, !text.isEmpty { return true }
                if hasKey(member) { return true }
            }
        } else if let array = value as? [Any] {
            return array.contains { hasKey($0) }
        }
        return false
    }
}

/// The CloudTrail event inside a record as the normalizer saw it: the record itself, an EventBridge
/// event's `detail`, or a `LookupEvents` entry's `CloudTrailEvent` text.
enum CloudTrailInput {
    static func event(in bytes: [UInt8]) -> [String: Any]? {
        guard let value = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) else {
            return nil
        }
        if let text = value as? String { return event(in: Array(text.utf8)) }
        guard let object = value as? [String: Any] else { return nil }
        if let detail = object["detail"] as? [String: Any], object["detail-type"] != nil { return detail }
        if let text = object["CloudTrailEvent"] as? String { return event(in: Array(text.utf8)) }
        return object
    }
}
