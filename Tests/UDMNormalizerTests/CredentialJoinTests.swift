import Foundation
import Testing

@testable import UDMNormalizer

/// The joins Google's rules rely on: a key issued as the call's purpose is the target resource, a role
/// session's key is an `about` resource (the call acts on the role), and the IAM user acted on is both
/// `target.user` and `src.user.user_display_name`.
@Suite struct CredentialJoinTests {
    static let assumeRole = CloudTrailRecord.call(
        "AssumeRole", source: "sts.amazonaws.com",
        request: #"{"roleArn":"arn:aws:iam::111122223333:role/Deploy","roleSessionName":"ci"}"#,
        response:
            #"{"credentials":{"accessKeyId":"ASIAEXAMPLEDEPLOY001","sessionToken":"<token>","expiration":"Mar 14, 2026, 11:00:00 AM"},"assumedRoleUser":{"assumedRoleId":"AROAEXAMPLEDEPLOY001:ci","arn":"arn:aws:sts::111122223333:assumed-role/Deploy/ci"}}"#,
        readOnly: true)

    @Test(arguments: SignInFamilyTests.profiles) func aRoleSessionsKeyIsAnAboutResource(profile: String) throws {
        let view = try SignInFamilyTests.view(Self.assumeRole, profile: profile)
        #expect(view.values("target.resource.product_object_id").isEmpty, "the role's noun holds no key")
        #expect(view.values("about.resource.product_object_id") == ["ASIAEXAMPLEDEPLOY001"])
        let token = try SignInFamilyTests.view(
            CloudTrailRecord.call(
                "GetSessionToken", source: "sts.amazonaws.com", request: #"{"durationSeconds":3600}"#,
                response:
                    #"{"credentials":{"accessKeyId":"ASIAEXAMPLESESSION01","sessionToken":"<token>","expiration":"x"}}"#
            ),
            profile: profile)
        #expect(
            token.values("target.resource.product_object_id") == ["ASIAEXAMPLESESSION01"], "issuing the key is the call"
        )
        #expect(!token.values("about.resource.product_object_id").contains("ASIAEXAMPLESESSION01"))
    }

    @Test func theUserActedOnIsTargetAndSource() throws {
        let view = try CloudTrailRecord.googleSecOps(
            CloudTrailRecord.call(
                "DeactivateMFADevice", source: "iam.amazonaws.com",
                request: #"{"userName":"bob","serialNumber":"arn:aws:iam::111122223333:mfa/bob"}"#))
        #expect(view.values("target.user.userid") == ["bob"])
        #expect(view.values("src.user.user_display_name") == ["bob"], "Google's MFA rules read it there")
    }
}
