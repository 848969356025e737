import Foundation
import Testing

@testable import UDMNormalizer

/// google-secops: the calls whose verb's family misstates what they do are typed by a row of their
/// own, each tagged `[departs]` (it leaves one of Google's families) or `[added]`; every one keeps
/// its type through the validator.
@Suite struct FamilyExceptionTests {
    /// Each exception, the call as AWS documents it and the type it must keep.
    static let expected: [String: (source: String, request: String, response: String, type: String)] = [
        "UpdateLoginProfile": (
            "iam.amazonaws.com", #"{"userName":"bob","passwordResetRequired":true}"#, "null", "USER_CHANGE_PASSWORD"
        ),
        "CreateTags": (
            "ec2.amazonaws.com",
            #"{"resourcesSet":{"items":[{"resourceId":"i-0123456789abcdef0"}]},"tagSet":{"items":[{"key":"Env","value":"prod"}]}}"#,
            #"{"_return":true}"#, "RESOURCE_WRITTEN"
        ),
        "AttachVolume": (
            "ec2.amazonaws.com",
            #"{"volumeId":"vol-0123456789abcdef0","instanceId":"i-0123456789abcdef0","device":"/dev/sdf"}"#,
            #"{"volumeId":"vol-0123456789abcdef0","status":"attaching"}"#, "RESOURCE_WRITTEN"
        ),
        "RegisterInstancesWithLoadBalancer": (
            "elasticloadbalancing.amazonaws.com",
            #"{"loadBalancerName":"web","instances":[{"instanceId":"i-0123456789abcdef0"}]}"#, "null",
            "RESOURCE_WRITTEN"
        ),
        "StartSnapshot": (
            "ebs.amazonaws.com", #"{"volumeSize":8,"timeout":60}"#,
            #"{"snapshotId":"snap-0123456789abcdef0","status":"pending"}"#, "RESOURCE_CREATION"
        ),
        "GetSessionToken": (
            "sts.amazonaws.com", #"{"durationSeconds":3600}"#,
            #"{"credentials":{"accessKeyId":"ASIAEXAMPLESESSION01","sessionToken":"<token>","expiration":"Mar 14, 2026, 11:00:00 AM"}}"#,
            "USER_LOGIN"
        ),
        "GetFederationToken": (
            "sts.amazonaws.com", #"{"name":"Bob","durationSeconds":3600}"#,
            #"{"credentials":{"accessKeyId":"ASIAEXAMPLEFEDERATE1","sessionToken":"<token>","expiration":"Mar 14, 2026, 11:00:00 AM"},"federatedUser":{"federatedUserId":"111122223333:Bob","arn":"arn:aws:sts::111122223333:federated-user/Bob"}}"#,
            "USER_LOGIN"
        ),
        "StartSession": (
            "ssm.amazonaws.com", #"{"target":"i-0123456789abcdef0"}"#,
            #"{"sessionId":"alice-0a1b2c3d4e5f67890","tokenValue":"Value hidden","streamUrl":"wss://ssmmessages.us-east-1.amazonaws.com/v1/data-channel/alice-0a1b2c3d4e5f67890"}"#,
            "USER_LOGIN"
        ),
    ]

    /// The exception rows of the profile's event-type table: (event name, tag).
    static func exceptionRows() throws -> [(name: String, tag: String)] {
        let file = PackagePaths.root.appendingPathComponent(
            "Mappings/profiles/google-secops/cloudtrail-event-types.map")
        let lines = try String(contentsOf: file, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("# Family exceptions") }) else { return [] }
        var rows: [(String, String)] = []
        for line in lines[start...].dropFirst() {
            if line.hasPrefix("@end") { break }
            guard !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") else { continue }
            let tag = line.contains("[departs]") ? "[departs]" : line.contains("[added]") ? "[added]" : ""
            rows.append((line[..<equals].trimmingCharacters(in: .whitespaces), tag))
        }
        return rows
    }

    @Test func everyExceptionIsTaggedAndKeepsItsType() throws {
        let rows = try Self.exceptionRows()
        #expect(Set(rows.map(\.name)) == Set(Self.expected.keys), "the test walks every exception row")
        for row in rows {
            #expect(!row.tag.isEmpty, "\(row.name) says whether it departs from Google's family")
            guard let call = Self.expected[row.name] else { continue }
            let view = try CloudTrailRecord.googleSecOps(
                CloudTrailRecord.call(row.name, source: call.source, request: call.request, response: call.response))
            #expect(view.values("metadata.event_type") == [call.type], "\(row.name)")
            // The reference profile keeps its seed table: none of these is typed there.
            let reference = try ServiceCallerTests.reference(
                CloudTrailRecord.call(row.name, source: call.source, request: call.request, response: call.response))
            #expect(reference.values("metadata.event_type") != [call.type], "\(row.name)")
        }
    }

    @Test func sessionsSignedInToNameTheirUserAndKeepTheIssuedKey() throws {
        let token = Self.expected["GetSessionToken"]!
        let session = try CloudTrailRecord.googleSecOps(
            CloudTrailRecord.call(
                "GetSessionToken", source: token.source, request: token.request, response: token.response))
        #expect(session.values("target.user.userid") == ["arn:aws:iam::111122223333:user/alice"])
        #expect(
            session.values("target.resource.product_object_id") == ["ASIAEXAMPLESESSION01"],
            "the key later calls join on")
        let federation = Self.expected["GetFederationToken"]!
        let federated = try CloudTrailRecord.googleSecOps(
            CloudTrailRecord.call(
                "GetFederationToken", source: federation.source, request: federation.request,
                response: federation.response))
        #expect(federated.values("target.user.userid") == ["arn:aws:sts::111122223333:federated-user/Bob"])
        #expect(federated.values("target.user.user_display_name") == ["Bob"])
        let shell = Self.expected["StartSession"]!
        let started = try CloudTrailRecord.googleSecOps(
            CloudTrailRecord.call(
                "StartSession", source: shell.source, request: shell.request, response: shell.response))
        #expect(started.values("target.resource.product_object_id") == ["i-0123456789abcdef0"])
        #expect(started.values("target.resource.resource_type") == ["VIRTUAL_MACHINE"])
        #expect(started.values("target.user.userid") == ["arn:aws:iam::111122223333:user/alice"])
        let refused = try CloudTrailRecord.googleSecOps(
            CloudTrailRecord.call("StartSession", source: shell.source, request: shell.request, error: "AccessDenied"))
        #expect(refused.values("metadata.event_type") == ["USER_LOGIN"])
        #expect(refused.values("security_result.category") == ["AUTH_VIOLATION"] && refused.blocked)
    }

    @Test func nearMissesKeepTheirFamily() throws {
        // Names sharing an exception's prefix are not exceptions: the family still types them.
        let cases = [
            ("CreateTagsForResource", "RESOURCE_CREATION"), ("AttachVolumes", "RESOURCE_PERMISSIONS_CHANGE"),
            ("GetSessionTokens", "RESOURCE_READ"), ("StartSessionRecording", "RESOURCE_WRITTEN"),
        ]
        for (name, type) in cases {
            let resource =
                #""resources":[{"ARN":"arn:aws:example:us-east-1:111122223333:thing/1","accountId":"111122223333"}],"readOnly""#
            let record = CloudTrailRecord.call(name, source: "example.amazonaws.com")
                .replacingOccurrences(of: #""readOnly""#, with: resource)
            let view = try CloudTrailRecord.googleSecOps(record)
            #expect(view.values("metadata.event_type") == [type], "\(name)")
            #expect(!view.has("target.user.userid"), "\(name)")
        }
    }

    @Test func groupsOfOtherServicesAreResources() throws {
        // IAM's user groups keep the reference's GROUP_* rows; a resource group, an X-Ray group is a resource.
        let cases = [
            ("resource-groups.amazonaws.com", "RESOURCE_CREATION"), ("xray.amazonaws.com", "RESOURCE_CREATION"),
            ("iam.amazonaws.com", "GROUP_CREATION"),
        ]
        for (source, type) in cases {
            let view = try CloudTrailRecord.googleSecOps(
                CloudTrailRecord.call(
                    "CreateGroup", source: source, request: #"{"groupName":"Staging","name":"Staging"}"#,
                    response: #"{"group":{"groupName":"Staging","arn":"arn:aws:iam::111122223333:group/Staging"}}"#))
            #expect(view.values("metadata.event_type") == [type], "\(source)")
        }
    }

    @Test func aRemoteDesktopConnectionSignsInToTheInstance() throws {
        let request =
            #"{"AuthType":"Credentials","Protocol":"RDP","ConnectionType":"SessionManager","InstanceId":"i-02573cafcf0123456"}"#
        let view = try CloudTrailRecord.googleSecOps(
            CloudTrailRecord.call("StartConnection", source: "ssm-guiconnect.amazonaws.com", request: request))
        #expect(view.values("metadata.event_type") == ["USER_LOGIN"])
        #expect(view.values("target.user.userid") == ["arn:aws:iam::111122223333:user/alice"])
        // Near miss: another service's StartConnection is a state change, not a sign-in.
        let other = try CloudTrailRecord.googleSecOps(
            CloudTrailRecord.call("StartConnection", source: "example.amazonaws.com", request: request))
        #expect(other.values("metadata.event_type") == ["RESOURCE_WRITTEN"])
        #expect(!other.has("target.user.userid"))
    }

    @Test(arguments: [
        ("SplitShard", "RESOURCE_WRITTEN"), ("LockRule", "RESOURCE_WRITTEN"), ("RotationFailed", "RESOURCE_WRITTEN"),
        ("DetectLabels", "RESOURCE_READ"), ("SynthesizeSpeech", "RESOURCE_READ"),
        ("SimulatePrincipalPolicy", "RESOURCE_READ"), ("InviteAccountToOrganization", "RESOURCE_CREATION"),
    ])
    func verbFamiliesBeyondGooglesCoverDocumentedCalls(name: String, type: String) throws {
        let view = try CloudTrailRecord.googleSecOps(CloudTrailRecord.call(name, source: "example.amazonaws.com"))
        #expect(view.values("metadata.event_type") == [type], "\(name)")
    }
}
