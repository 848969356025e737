import Foundation
import Testing

@testable import UDMNormalizer

/// What a read call read is kept (google-secops), a service's failed step is FAIL and a caller
/// with no identity of its own is not given the account as its user id (both profiles).
@Suite struct ReadParameterTests {
    static func read(_ name: String, source: String, request: String) throws -> RuleTestEvent {
        try CloudTrailRecord.googleSecOps(CloudTrailRecord.call(name, source: source, request: request, readOnly: true))
    }

    @Test func readsKeepWhatTheyRead() throws {
        let model = try Self.read(
            "InvokeModel", source: "bedrock.amazonaws.com", request: #"{"modelId":"anthropic.claude-v2"}"#)
        #expect(model.values("target.resource.name") == ["anthropic.claude-v2"])
        #expect(model.labels("target.resource.attribute.labels", "modelId") == ["anthropic.claude-v2"])
        let secrets = try Self.read(
            "BatchGetSecretValue", source: "secretsmanager.amazonaws.com",
            request: #"{"secretIdList":["prod/db","prod/api"]}"#)
        #expect(secrets.values("target.resource.name") == ["prod/db"])
        #expect(secrets.values("about.resource.name") == ["prod/api"], "every secret read is named")
        #expect(secrets.labels("target.resource.attribute.labels", "secretIdList") == ["prod/db", "prod/api"])
        let parameters = try Self.read(
            "GetParameters", source: "ssm.amazonaws.com",
            request: #"{"names":["/prod/db/password"],"withDecryption":true}"#)
        #expect(parameters.labels("target.resource.attribute.labels", "withDecryption") == ["true"])
        let plain = try Self.read(
            "GetParameters", source: "ssm.amazonaws.com",
            request: #"{"names":["/prod/db/password"],"withDecryption":false}"#)
        #expect(
            plain.labels("target.resource.attribute.labels", "withDecryption") == ["false"],
            "the flag as written, either way")
    }

    static func serviceEvent(_ name: String) -> String {
        #"{"eventVersion":"1.05","userIdentity":{"accountId":"111122223333","invokedBy":"secretsmanager.amazonaws.com"},"eventTime":"2026-03-14T10:00:00Z","eventSource":"secretsmanager.amazonaws.com","eventName":"\#(name)","awsRegion":"us-east-1","sourceIPAddress":"secretsmanager.amazonaws.com","userAgent":"secretsmanager.amazonaws.com","requestParameters":null,"responseElements":null,"additionalEventData":{"SecretId":"arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-AbCdEf"},"requestID":"0c3e7ef5-1f2c-4a5b-9c8d-7e6f5a4b3c2d","eventID":"8a7b6c5d-4e3f-4a1b-9c2d-1e0f9a8b7c6d","readOnly":false,"eventType":"AwsServiceEvent","managementEvent":true,"recipientAccountId":"111122223333","eventCategory":"Management"}"#
    }

    @Test(arguments: SignInFamilyTests.profiles) func aServicesFailedStepIsFail(profile: String) throws {
        #expect(
            try SignInFamilyTests.view(Self.serviceEvent("RotationFailed"), profile: profile).values(
                "security_result.action") == ["FAIL"])
        #expect(
            try SignInFamilyTests.view(Self.serviceEvent("RotationSucceeded"), profile: profile).values(
                "security_result.action")
                == ["ALLOW"])
        let call = CloudTrailRecord.call("DescribeFailedItems", source: "example.amazonaws.com")
        #expect(
            try SignInFamilyTests.view(call, profile: profile).values("security_result.action") == ["ALLOW"],
            "a call, not a service event")
    }

    @Test(arguments: SignInFamilyTests.profiles) func anUnknownCallerIsNotTheAccount(profile: String) throws {
        let unknown = CloudTrailRecord.call(
            "Token_POST", source: "cognito-idp.amazonaws.com",
            identity: #"{"type":"Unknown","accountId":"111122223333"}"#)
        #expect(!(try SignInFamilyTests.view(unknown, profile: profile).has("principal.user.userid")))
        let account = CloudTrailRecord.call(
            "ListBuckets", source: "s3.amazonaws.com", identity: #"{"accountId":"111122223333"}"#)
        #expect(
            try SignInFamilyTests.view(account, profile: profile).values("principal.user.userid") == ["111122223333"],
            "a caller of unstated type: the account is all that is known")
    }
}
