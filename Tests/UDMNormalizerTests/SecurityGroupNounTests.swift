import Foundation
import Testing

@testable import UDMNormalizer

/// google-secops: an EC2 security group is a resource, not a group of users, and a rule's ports and
/// address ranges are the rule's labels, never the caller's port or labels. IAM groups stay groups.
@Suite struct SecurityGroupNounTests {
    /// AuthorizeSecurityGroupIngress as the EC2 user guide's CloudTrail example shows it.
    static let ingress = CloudTrailRecord.call(
        "AuthorizeSecurityGroupIngress", source: "ec2.amazonaws.com",
        request:
            #"{"groupId":"sg-0123456789abcdef0","ipPermissions":{"items":[{"ipProtocol":"tcp","fromPort":22,"toPort":22,"groups":{},"ipRanges":{"items":[{"cidrIp":"0.0.0.0/0"}]},"ipv6Ranges":{},"prefixListIds":{}}]}}"#,
        response:
            #"{"requestId":"1b9a8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d","_return":true,"securityGroupRuleSet":{"items":[{"groupOwnerId":"111122223333","groupId":"sg-0123456789abcdef0","securityGroupRuleId":"sgr-0123456789abcdef0","isEgress":false,"ipProtocol":"tcp","fromPort":22,"toPort":22,"cidrIpv4":"0.0.0.0/0"}]}}"#
    )

    @Test func aRulesPortsAndRangesAreTheRulesLabels() throws {
        let view = try CloudTrailRecord.googleSecOps(Self.ingress)
        #expect(!view.has("principal.port"))
        #expect(!view.has("principal.labels.value"))
        #expect(view.labels("target.resource.attribute.labels", "fromPort") == ["22"])
        #expect(view.labels("target.resource.attribute.labels", "toPort") == ["22"])
        #expect(view.labels("target.resource.attribute.labels", "cidrIpv4") == ["0.0.0.0/0"])
        #expect(
            view.labels("target.resource.attribute.labels", "ipPermissions cidrIp") == ["0.0.0.0/0"],
            "as Google's rule reads it")
        let reference = try ServiceCallerTests.reference(Self.ingress)
        #expect(reference.values("principal.port") == ["22"], "the reference profile keeps its seed row")
    }

    @Test func aSecurityGroupIsAResourceNotAUserGroup() throws {
        let record = CloudTrailRecord.call(
            "CreateSecurityGroup", source: "ec2.amazonaws.com",
            request: #"{"groupName":"web-sg","groupDescription":"web","vpcId":"vpc-0123456789abcdef0"}"#,
            response:
                #"{"requestId":"2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f","_return":true,"groupId":"sg-0123456789abcdef0"}"#
        )
        let view = try CloudTrailRecord.googleSecOps(record)
        #expect(!view.has("target.group.group_display_name") && !view.has("src.group.group_display_name"))
        #expect(view.values("target.resource.product_object_id") == ["sg-0123456789abcdef0"])
        #expect(view.values("target.resource.resource_type") == ["FIREWALL_RULE"])
    }

    @Test func anIAMGroupStaysAGroup() throws {
        let record = CloudTrailRecord.call(
            "AddUserToGroup", source: "iam.amazonaws.com", request: #"{"groupName":"Admins","userName":"bob"}"#)
        let view = try CloudTrailRecord.googleSecOps(record)
        #expect(view.values("target.group.group_display_name") == ["Admins"])
        #expect(view.values("src.group.group_display_name") == ["Admins"])
    }
}
