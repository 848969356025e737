import Foundation
import Testing

@testable import UDMNormalizer

/// AWS services as callers (google-secops): a `sourceIPAddress` naming a service is the calling
/// application, never a host, and a service taking on a role stays a typed sign-in.
@Suite struct ServiceCallerTests {
    static let service =
        #"{"type":"AWSService","invokedBy":"ec2.amazonaws.com"}"#

    /// EC2 taking on an instance profile's role, as CloudTrail's user guide shows it.
    static let serviceAssumeRole = CloudTrailRecord.call(
        "AssumeRole", source: "sts.amazonaws.com",
        request:
            #"{"roleArn":"arn:aws:iam::111122223333:role/WebServerRole","roleSessionName":"i-0abcd1234example"}"#,
        response:
            #"{"credentials":{"accessKeyId":"ASIAEXAMPLEWEBROLE01","sessionToken":"<token>","expiration":"Mar 14, 2026, 4:00:00 PM"},"assumedRoleUser":{"assumedRoleId":"AROAEXAMPLEWEBROLE01:i-0abcd1234example","arn":"arn:aws:sts::111122223333:assumed-role/WebServerRole/i-0abcd1234example"}}"#,
        identity: service, userAgent: "ec2.amazonaws.com", sourceIP: "ec2.amazonaws.com")

    static func reference(_ record: String) throws -> RuleView {
        let normalizer = Normalizer(mappings: try MappingSet.builtin(profile: MappingSet.referenceProfile))
        guard case .normalized(let event) = normalizer.normalize(record: Array(record.utf8)) else {
            throw InputError(path: "record", reason: "not normalized")
        }
        return try RuleView(json: event.json)
    }

    @Test func aServiceIsTheCallingApplicationNotAHost() throws {
        let record = CloudTrailRecord.call(
            "RunJobFlow", source: "elasticmapreduce.amazonaws.com", request: #"{"name":"nightly"}"#,
            sourceIP: "elasticmapreduce.amazonaws.com")
        let view = try CloudTrailRecord.googleSecOps(record)
        #expect(view.values("principal.application") == ["elasticmapreduce.amazonaws.com"])
        for path in ["principal.hostname", "principal.asset.hostname", "principal.asset_id"] {
            #expect(!view.has(path), "\(path) holds no service name")
        }
        #expect(
            try Self.reference(record).values("principal.hostname") == ["elasticmapreduce.amazonaws.com"],
            "the reference profile keeps its sample's behaviour")
    }

    @Test func aHostNameThatIsNoServiceStaysAHost() throws {
        let view = try CloudTrailRecord.googleSecOps(
            CloudTrailRecord.call("ListBuckets", source: "s3.amazonaws.com", sourceIP: "build-01.example.com"))
        #expect(view.values("principal.hostname") == ["build-01.example.com"])
        #expect(view.values("principal.asset.hostname") == ["build-01.example.com"])
        #expect(!view.has("principal.application"))
        let address = try CloudTrailRecord.googleSecOps(
            CloudTrailRecord.call("ListBuckets", source: "s3.amazonaws.com"))
        #expect(address.values("principal.ip") == ["203.0.113.10"] && !address.has("principal.application"))
    }

    @Test func aServiceBehindAWSInternalIsNamedByInvokedBy() throws {
        let record = CloudTrailRecord.call(
            "Decrypt", source: "kms.amazonaws.com", identity: Self.service, sourceIP: "AWS Internal")
        let view = try CloudTrailRecord.googleSecOps(record)
        #expect(view.values("principal.application") == ["ec2.amazonaws.com"])
        #expect(!view.has("principal.hostname"))
    }

    @Test func aServiceTakingOnARoleStaysASignInToTheRole() throws {
        let view = try CloudTrailRecord.googleSecOps(Self.serviceAssumeRole)
        #expect(view.values("metadata.event_type") == ["USER_LOGIN"])
        #expect(
            view.values("target.user.userid") == [
                "arn:aws:sts::111122223333:assumed-role/WebServerRole/i-0abcd1234example"
            ])
        #expect(
            view.values("target.hostname") == ["sts.amazonaws.com"], "the endpoint signed in to is the login's machine")
        #expect(view.values("principal.application") == ["ec2.amazonaws.com"] && !view.has("principal.hostname"))
    }

    @Test func aPersonTakingOnARoleNamesNoEndpointHost() throws {
        let record = Self.serviceAssumeRole.replacingOccurrences(
            of: #""sourceIPAddress":"ec2.amazonaws.com""#, with: #""sourceIPAddress":"203.0.113.10""#)
        let view = try CloudTrailRecord.googleSecOps(record)
        #expect(view.values("metadata.event_type") == ["USER_LOGIN"])
        #expect(!view.has("target.hostname") && view.values("principal.ip") == ["203.0.113.10"])
    }
}
