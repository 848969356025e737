import Foundation
import Testing

@testable import UDMNormalizer

/// A call that makes a resource from another names both: what it made is the target, what it was made
/// from is `src.resource` (both profiles).
@Suite struct CreatedObjectTests {
    /// (call, request, response, the made resource, its type, the source, its type), as the EC2 API
    /// reference's CloudTrail examples write them.
    static let calls = [
        (
            "CreateImage", #"{"instanceId":"i-0123456789abcdef0","name":"web-ami","noReboot":true}"#,
            #"{"requestId":"5e8a7b6c-1d2e-4f3a-9b8c-7d6e5f4a3b2c","imageId":"ami-0abcdef1234567890"}"#,
            "ami-0abcdef1234567890", "IMAGE", "i-0123456789abcdef0", "VIRTUAL_MACHINE"
        ),
        (
            "CreateVolume", #"{"size":8,"zone":"us-east-1a","snapshotId":"snap-0123456789abcdef0","volumeType":"gp3"}"#,
            #"{"requestId":"6f9b8c7d-2e3f-4a5b-8c9d-0e1f2a3b4c5d","volumeId":"vol-0fedcba9876543210","size":"8","snapshotId":"snap-0123456789abcdef0","zone":"us-east-1a","status":"creating","volumeType":"gp3"}"#,
            "vol-0fedcba9876543210", "VOLUME", "snap-0123456789abcdef0", "SNAPSHOT"
        ),
        (
            "CreateSnapshot", #"{"volumeId":"vol-0fedcba9876543210","description":"nightly"}"#,
            #"{"requestId":"7a0c9d8e-3f4a-4b5c-9d0e-1f2a3b4c5d6e","snapshotId":"snap-0aaaabbbbccccdddd","volumeId":"vol-0fedcba9876543210","status":"pending","volumeSize":8}"#,
            "snap-0aaaabbbbccccdddd", "SNAPSHOT", "vol-0fedcba9876543210", "VOLUME"
        ),
        (
            "CopySnapshot",
            #"{"sourceRegion":"us-west-2","sourceSnapshotId":"snap-0123456789abcdef0","description":"copy"}"#,
            #"{"requestId":"8b1d0e9f-4a5b-4c6d-8e1f-2a3b4c5d6e7f","snapshotId":"snap-0eeeeffff00001111"}"#,
            "snap-0eeeeffff00001111", "SNAPSHOT", "snap-0123456789abcdef0", "SNAPSHOT"
        ),
    ]

    @Test(arguments: SignInFamilyTests.profiles) func whatWasMadeIsTheTargetAndItsSourceIsSrc(profile: String) throws {
        for (name, request, response, made, madeType, source, sourceType) in Self.calls {
            let view = try SignInFamilyTests.view(
                CloudTrailRecord.call(name, source: "ec2.amazonaws.com", request: request, response: response),
                profile: profile)
            #expect(view.values("target.resource.product_object_id") == [made], "\(name)")
            #expect(view.values("target.resource.resource_type") == [madeType], "\(name)")
            #expect(view.values("src.resource.product_object_id") == [source], "\(name)")
            #expect(view.values("src.resource.resource_type") == [sourceType], "\(name)")
        }
    }

    @Test(arguments: SignInFamilyTests.profiles) func aCallOnOneResourceHasNoSource(profile: String) throws {
        let record = CloudTrailRecord.call(
            "ModifySnapshotAttribute", source: "ec2.amazonaws.com",
            request: #"{"snapshotId":"snap-0123456789abcdef0","attributeType":"CREATE_VOLUME_PERMISSION"}"#)
        let view = try SignInFamilyTests.view(record, profile: profile)
        #expect(view.values("target.resource.product_object_id") == ["snap-0123456789abcdef0"])
        #expect(!view.has("src.resource.product_object_id"))
        // A refused CreateImage made nothing: the instance it named stays the target.
        let refused = try SignInFamilyTests.view(
            CloudTrailRecord.call(
                "CreateImage", source: "ec2.amazonaws.com",
                request: #"{"instanceId":"i-0123456789abcdef0","name":"web-ami"}"#,
                error: "UnauthorizedOperation"), profile: profile)
        #expect(refused.values("target.resource.product_object_id") == ["i-0123456789abcdef0"])
    }

    @Test(arguments: SignInFamilyTests.profiles) func anExportTaskIsWhatTheCallMadeNotItsLogGroup(profile: String)
        throws
    {
        let export = try SignInFamilyTests.view(
            CloudTrailRecord.call(
                "CreateExportTask", source: "logs.amazonaws.com",
                request:
                    #"{"logGroupName":"app-logs","from":1700000000000,"to":1700003600000,"destination":"archive"}"#,
                response: #"{"taskId":"15e5e534-9548-44ab-a221-64d9d2b27b9b"}"#), profile: profile)
        #expect(export.values("target.resource.product_object_id") == ["15e5e534-9548-44ab-a221-64d9d2b27b9b"])
        // Near miss: a call on the log group itself still targets it.
        let deleted = try SignInFamilyTests.view(
            CloudTrailRecord.call(
                "DeleteLogGroup", source: "logs.amazonaws.com", request: #"{"logGroupName":"app-logs"}"#),
            profile: profile)
        #expect(deleted.values("target.resource.name") == ["app-logs"])
    }

    @Test(arguments: SignInFamilyTests.profiles) func aRotationEventNamesItsSecret(profile: String) throws {
        let secret = "arn:aws:secretsmanager:us-east-2:111122223333:secret:db-a1b2c3"
        let record = CloudTrailRecord.call("RotationFailed", source: "secretsmanager.amazonaws.com", error: "x")
            .replacingOccurrences(
                of: #""readOnly""#, with: #""additionalEventData":{"SecretId":"\#(secret)"},"readOnly""#)
        let view = try SignInFamilyTests.view(record, profile: profile)
        #expect(view.values("target.resource.name") == [secret])
        #expect(view.values("target.resource.resource_type") == ["CREDENTIAL"])
    }
}
