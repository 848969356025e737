import Foundation
import Testing

@testable import UDMNormalizer

/// google-secops: a refused AssumeRole whose request CloudTrail left null still names the role asked
/// for (from its errorMessage) and stays USER_LOGIN; a message that names no resource leaves it to the
/// validator, which makes it GENERIC_EVENT with its note.
@Suite struct RefusedAssumeRoleTests {
    static func refused(message: String) -> String {
        CloudTrailRecord.call("AssumeRole", source: "sts.amazonaws.com", error: "AccessDenied")
            .replacingOccurrences(
                of: "User: arn:aws:iam::111122223333:user/alice is not authorized to perform this operation",
                with: message)
    }

    @Test func theRoleComesFromTheMessage() throws {
        let view = try CloudTrailRecord.googleSecOps(
            Self.refused(
                message:
                    "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::444455556666:role/OrganizationAccountAccessRole"
            ))
        #expect(view.values("target.user.userid") == ["arn:aws:iam::444455556666:role/OrganizationAccountAccessRole"])
        #expect(view.values("metadata.event_type") == ["USER_LOGIN"])
        #expect(view.blocked && view.values("security_result.category") == ["AUTH_VIOLATION"])
    }

    @Test func aMessageNamingNoResourceLeavesTheValidatorsNote() throws {
        let record = Self.refused(message: "The security token included in the request is expired")
        let normalizer = try Normalizer(profile: "google-secops")
        guard case .normalized(let event) = normalizer.normalize(record: Array(record.utf8)) else {
            Issue.record("not normalized")
            return
        }
        let view = try RuleView(json: event.json)
        #expect(!view.has("target.user.userid"))
        #expect(view.values("metadata.event_type") == ["GENERIC_EVENT"])
        #expect(event.diagnostics.contains { $0.message.contains("USER_LOGIN requires") })
    }
}
