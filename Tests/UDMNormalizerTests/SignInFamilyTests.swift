import Foundation
import Testing

@testable import UDMNormalizer

/// The steps of a sign-in other than ConsoleLogin: every step names the user signing in, its
/// outcome and its factor in both profiles; google-secops types the concluding step USER_LOGIN, the
/// steps on the way USER_UNCATEGORIZED and a password changed at sign-in USER_CHANGE_PASSWORD.
@Suite struct SignInFamilyTests {
    static let identityCenterUser =
        #"{"type":"Unknown","principalId":"111122223333","arn":"","accountId":"111122223333","accessKeyId":"","onBehalfOf":{"userId":"94482488-3041-7026-18f3-be45837cd0e4","identityStoreArn":"arn:aws:identitystore::111122223333:identitystore/d-9067642ac7"}}"#

    /// An IAM Identity Center sign-in step as AWS's IAM Identity Center user guide shows it.
    static func identityCenter(_ step: String, outcome: String = "Success", credential: String = "PASSWORD") -> String {
        #"{"eventVersion":"1.08","userIdentity":\#(identityCenterUser),"eventTime":"2026-03-14T08:00:00Z","eventSource":"signin.amazonaws.com","eventName":"\#(step)","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.1","userAgent":"Mozilla/5.0","requestParameters":null,"responseElements":null,"additionalEventData":{"AuthWorkflowID":"9de74b32-8362-4a01-a524-de21df59fd83","CredentialType":"\#(credential)"},"requestID":"9b7a8c1e-6f2d-4c1a-9a63-0d7a9c1b2e3f","eventID":"6e3a1bde-bb8b-4e2a-9b1c-3a4f5e6d7c8b","readOnly":false,"eventType":"AwsServiceEvent","managementEvent":true,"recipientAccountId":"111122223333","serviceEventDetails":{"\#(step)":"\#(outcome)"},"eventCategory":"Management"}"#
    }

    /// A console step of an IAM user (CheckMfa, PasswordUpdated), as CloudTrail's user guide shows it.
    static func console(_ step: String, outcome: String = "Success") -> String {
        #"{"eventVersion":"1.05","userIdentity":{"type":"IAMUser","principalId":"AIDAEXAMPLEALICE01234","arn":"arn:aws:iam::111122223333:user/alice","accountId":"111122223333","accessKeyId":"","userName":"alice"},"eventTime":"2026-03-14T08:15:00Z","eventSource":"signin.amazonaws.com","eventName":"\#(step)","awsRegion":"us-east-1","sourceIPAddress":"198.51.100.7","userAgent":"Mozilla/5.0","requestParameters":null,"responseElements":{"\#(step)":"\#(outcome)"},"additionalEventData":{"MfaType":"Virtual MFA"},"eventID":"0f9c2b1a-3d4e-4f5a-8b6c-7d8e9f0a1b2c","readOnly":false,"eventType":"AwsConsoleSignIn","managementEvent":true,"recipientAccountId":"111122223333","eventCategory":"Management"}"#
    }

    static let profiles = [MappingSet.referenceProfile, "google-secops"]

    static func view(_ record: String, profile: String) throws -> RuleView {
        let normalizer = Normalizer(mappings: try MappingSet.builtin(profile: profile))
        guard case .normalized(let event) = normalizer.normalize(record: Array(record.utf8)) else {
            throw InputError(path: "record", reason: "not normalized")
        }
        return try RuleView(json: event.json)
    }

    @Test(arguments: profiles) func everyIdentityCenterStepNamesTheUserOutcomeAndFactor(profile: String) throws {
        for step in ["CredentialChallenge", "CredentialVerification", "UserAuthentication"] {
            let success = try Self.view(Self.identityCenter(step, credential: "TOTP"), profile: profile)
            #expect(
                success.values("target.user.userid") == ["94482488-3041-7026-18f3-be45837cd0e4"],
                "\(step), not the account")
            #expect(success.values("security_result.action") == ["ALLOW"], "\(step)")
            #expect(success.values("extensions.auth.auth_details") == ["CredentialType: TOTP"], "\(step)")
            let failure = try Self.view(Self.identityCenter(step, outcome: "Failure"), profile: profile)
            #expect(failure.values("security_result.action") == ["BLOCK"], "\(step)")
        }
    }

    @Test(arguments: profiles) func consoleStepsNameTheUserOutcomeAndDevice(profile: String) throws {
        for step in ["CheckMfa", "PasswordUpdated"] {
            let success = try Self.view(Self.console(step), profile: profile)
            #expect(success.values("target.user.userid") == ["arn:aws:iam::111122223333:user/alice"], "\(step)")
            #expect(success.values("target.user.user_display_name") == ["alice"], "\(step)")
            #expect(success.values("security_result.action") == ["ALLOW"], "\(step)")
            #expect(success.values("extensions.auth.auth_details") == ["MfaType: Virtual MFA"], "\(step)")
            #expect(
                try Self.view(Self.console(step, outcome: "Failure"), profile: profile).values("security_result.action")
                    == ["BLOCK"])
        }
    }

    @Test func googleSecOpsTypesTheFamily() throws {
        let expected = [
            "UserAuthentication": "USER_LOGIN", "CredentialChallenge": "USER_UNCATEGORIZED",
            "CredentialVerification": "USER_UNCATEGORIZED",
        ]
        for (step, type) in expected {
            let view = try Self.view(Self.identityCenter(step), profile: "google-secops")
            #expect(view.values("metadata.event_type") == [type], "\(step)")
        }
        #expect(
            try Self.view(Self.console("CheckMfa"), profile: "google-secops").values("metadata.event_type") == [
                "USER_UNCATEGORIZED"
            ])
        #expect(
            try Self.view(Self.console("PasswordUpdated"), profile: "google-secops").values("metadata.event_type") == [
                "USER_CHANGE_PASSWORD"
            ])
        let refused = try Self.view(
            Self.identityCenter("UserAuthentication", outcome: "Failure"), profile: "google-secops")
        #expect(
            refused.values("security_result.category") == ["AUTH_VIOLATION"]
                && refused.values("extensions.auth.type") == ["SSO"])
        #expect(
            try Self.view(Self.identityCenter("UserAuthentication"), profile: MappingSet.referenceProfile).values(
                "metadata.event_type")
                == ["GENERIC_EVENT"], "the reference profile types only its seed table")
    }

    @Test(arguments: profiles) func aNearMissNameIsNoSignInStep(profile: String) throws {
        // GetMfaDevice / UpdatePassword-like names are calls on an account, not steps of a sign-in.
        let view = try Self.view(Self.console("CheckMfaDevice"), profile: profile)
        #expect(!view.has("target.user.userid"))
        #expect(!view.has("extensions.auth.auth_details"))
        #expect(view.values("security_result.action") == ["ALLOW"], "its responseElements hold no CheckMfa outcome")
    }
}
