import Foundation
import Testing

@testable import UDMNormalizer

/// Which noun a GuardDuty finding's bucket, access key and threat lists land on, from the finding
/// shapes AWS documents (sample findings of Policy:S3/* under an AccessKey resource, EKS audit-log
/// findings with the IAM identity behind the Kubernetes user).
@Suite struct GuardDutyNounTests {
    typealias T = GuardDutyTableTests

    /// An S3 finding as AWS's older samples carry it: resourceType AccessKey, with the bucket in s3BucketDetails.
    static func bucketFinding(_ type: String) -> [String: Any] {
        T.finding {
            $0["type"] = type
            $0["resource"] = [
                "resourceType": "AccessKey",
                "accessKeyDetails": [
                    "accessKeyId": "ASIAEXAMPLEKEY", "principalId": "AIDAEXAMPLE", "userName": "alice",
                    "userType": "IAMUser",
                ],
                "s3BucketDetails": [
                    ["name": "finance-reports", "arn": "arn:aws:s3:::finance-reports", "type": "Destination"]
                ],
            ]
            var service = $0["service"] as! [String: Any]
            service["action"] = [
                "actionType": "AWS_API_CALL",
                "awsApiCallAction": [
                    "api": "PutBucketPublicAccessBlock", "serviceName": "s3.amazonaws.com",
                    "remoteIpDetails": ["ipAddressV4": "198.51.100.7"],
                ] as [String: Any],
            ]
            $0["service"] = service
        }
    }

    @Test(arguments: [
        "Policy:S3/BucketBlockPublicAccessDisabled", "Policy:S3/BucketPublicAccessGranted",
        "Stealth:S3/ServerAccessLoggingDisabled", "Discovery:S3/MaliciousIPCaller",
    ])
    func theBucketIsTheTargetOfAnS3Finding(_ type: String) throws {
        let udm = try #require(T.event(Self.bucketFinding(type))).udm
        #expect(T.value(udm, "target.resource.name") as? String == "finance-reports")
        #expect(T.value(udm, "target.resource.product_object_id") as? String == "arn:aws:s3:::finance-reports")
        #expect(T.value(udm, "target.resource.resource_type") as? String == "STORAGE_BUCKET")
        #expect(T.value(udm, "target.resource.resource_subtype") as? String == "S3Bucket")
        #expect(T.value(udm, "principal.user.userid") as? String == "ASIAEXAMPLEKEY", "the key stays the caller's")
        #expect(T.value(udm, "about") == nil, "the bucket is not repeated as an about noun")
    }

    @Test func aNonS3FindingKeepsTheKeyAsItsResource() throws {
        let udm = try #require(T.event(Self.bucketFinding("UnauthorizedAccess:IAMUser/MaliciousIPCaller"))).udm
        #expect(T.value(udm, "target.resource.product_object_id") as? String == "ASIAEXAMPLEKEY")
        #expect(T.value(udm, "target.resource.resource_type") as? String == "CREDENTIAL")
        #expect(T.value(udm, "about.0.resource.name") as? String == "finance-reports", "the bucket it names is about")
    }

    /// An IAM finding as AWS documents Stealth:IAMUser/CloudTrailLoggingDisabled: the caller's key is the
    /// resource, the trail the call stopped is in the call's affectedResources.
    static func affectedFinding(_ affected: [String: String]) -> [String: Any] {
        T.finding {
            $0["type"] = "Stealth:IAMUser/CloudTrailLoggingDisabled"
            $0["resource"] = [
                "resourceType": "AccessKey",
                "accessKeyDetails": [
                    "accessKeyId": "ASIAEXAMPLEKEY", "principalId": "AIDAEXAMPLE", "userName": "alice",
                    "userType": "IAMUser",
                ],
            ]
            var service = $0["service"] as! [String: Any]
            service["action"] = [
                "actionType": "AWS_API_CALL",
                "awsApiCallAction": [
                    "api": "StopLogging", "serviceName": "cloudtrail.amazonaws.com", "affectedResources": affected,
                    "remoteIpDetails": ["ipAddressV4": "198.51.100.7"],
                ] as [String: Any],
            ]
            $0["service"] = service
        }
    }

    @Test func theResourceTheCallAffectedIsTheTargetAndTheKeyTheCallers() throws {
        let trail = "arn:aws:cloudtrail:us-east-1:111122223333:trail/management-events"
        let udm = try #require(T.event(Self.affectedFinding(["AWS::CloudTrail::Trail": trail]))).udm
        #expect(T.value(udm, "target.resource.name") as? String == trail)
        #expect(T.value(udm, "target.resource.resource_subtype") as? String == "AWS::CloudTrail::Trail")
        #expect(T.value(udm, "target.resource.product_object_id") == nil, "the key is not the trail's id")
        #expect(T.value(udm, "target.resource.resource_type") as? String != "CREDENTIAL")
        #expect(T.value(udm, "principal.user.userid") as? String == "ASIAEXAMPLEKEY", "the key stays the caller's")
        let bucket = try #require(T.event(Self.affectedFinding(["AWS::S3::Bucket": "finance-reports"]))).udm
        #expect(T.value(bucket, "target.resource.name") as? String == "finance-reports")
        #expect(T.value(bucket, "target.resource.resource_type") as? String == "STORAGE_BUCKET")
        // Near miss: an empty affectedResources leaves the key as the finding's resource.
        let none = try #require(T.event(Self.affectedFinding([:]))).udm
        #expect(T.value(none, "target.resource.product_object_id") as? String == "ASIAEXAMPLEKEY")
        #expect(T.value(none, "target.resource.resource_type") as? String == "CREDENTIAL")
    }

    /// A Kubernetes finding whose caller authenticated with an IAM key, from a malicious address.
    static func kubernetesFinding() -> [String: Any] {
        T.finding {
            $0["type"] = "Discovery:Kubernetes/MaliciousIPCaller"
            $0["resource"] = [
                "resourceType": "EKSCluster",
                "eksClusterDetails": ["name": "prod", "arn": "arn:aws:eks:us-east-1:111122223333:cluster/prod"],
                "accessKeyDetails": [
                    "accessKeyId": "ASIAEXAMPLEKEY", "principalId": "AROAEXAMPLE:alice", "userName": "eks-admin",
                    "userType": "AssumedRole",
                ],
                "kubernetesDetails": ["kubernetesUserDetails": ["username": "alice", "uid": "u-1"]],
            ]
            var service = $0["service"] as! [String: Any]
            service["action"] = [
                "actionType": "KUBERNETES_API_CALL",
                "kubernetesApiCallAction": [
                    "requestUri": "/api/v1/secrets", "verb": "list",
                    "remoteIpDetails": ["ipAddressV4": "198.51.100.7"],
                ] as [String: Any],
            ]
            service["additionalInfo"] = ["threatListName": "ProofPoint", "threatName": "Scanner"]
            $0["service"] = service
        }
    }

    @Test func theIAMKeyIsTheCallersCredentialNotAThreatListsResource() throws {
        let udm = try #require(T.event(Self.kubernetesFinding())).udm
        #expect(T.value(udm, "principal.user.userid") as? String == "alice", "the Kubernetes user")
        #expect(T.value(udm, "principal.resource.product_object_id") as? String == "ASIAEXAMPLEKEY")
        #expect(T.value(udm, "principal.resource.resource_subtype") as? String == "AccessKey")
        #expect(T.value(udm, "security_result.0.about.resource.product_object_id") == nil)
        #expect(T.value(udm, "security_result.0.about.user.userid") as? String == "AROAEXAMPLE:alice")
        let labels = T.labels(udm, "security_result.0.about.resource.attribute.labels")
        #expect(
            labels.contains { $0 == ("threatListName", "ProofPoint") }, "additionalInfo stays where Google documents it"
        )
        #expect(T.value(udm, "principal.security_result.0.threat_feed_name") as? String == "ProofPoint")
        #expect(T.value(udm, "principal.security_result.0.threat_name") as? String == "Scanner")
    }

    @Test func theThreatListIsOnTheRemoteNounWhateverTheDirection() throws {
        let outbound = try #require(
            T.event(
                T.finding {
                    $0["type"] = "Backdoor:EC2/C&CActivity.B"
                    T.setPath(&$0, ["service", "action", "networkConnectionAction", "connectionDirection"], "OUTBOUND")
                    T.setPath(&$0, ["service", "additionalInfo"], ["threatListName": "Emerging Threats"])
                })
        ).udm
        #expect(T.value(outbound, "target.security_result.0.threat_feed_name") as? String == "Emerging Threats")
        #expect(T.value(outbound, "principal.security_result") == nil, "not on the instance")
        // Near miss: no threat list, no security_result on the remote noun.
        let plain = try #require(T.event(T.finding())).udm
        #expect(T.value(plain, "principal.security_result") == nil)
    }

    /// An EKS audit-log finding naming the pod it is about (AWS's PrivilegeEscalation:Kubernetes/PrivilegedContainer shape).
    static func workloadFinding(workload: Bool) -> [String: Any] {
        var finding = kubernetesFinding()
        finding["type"] = "PrivilegeEscalation:Kubernetes/PrivilegedContainer"
        var resource = finding["resource"] as! [String: Any]
        resource["eksClusterDetails"] = [
            "name": "prod", "arn": "arn:aws:eks:us-east-1:111122223333:cluster/prod", "status": "ACTIVE",
            "tags": [["key": "team", "value": "platform"]],
        ]
        if workload {
            resource["kubernetesDetails"] = [
                "kubernetesUserDetails": ["username": "alice"],
                "kubernetesWorkloadDetails": [
                    "name": "debug-shell", "type": "pods", "uid": "6f1c2d3e", "namespace": "payments",
                    "containers": [
                        ["name": "shell", "image": "busybox:1.36", "securityContext": ["privileged": true]]
                    ],
                ] as [String: Any],
            ]
        }
        finding["resource"] = resource
        return finding
    }

    @Test func theWorkloadIsTheTargetAndItsClusterTheAncestor() throws {
        let udm = try #require(T.event(Self.workloadFinding(workload: true))).udm
        #expect(T.value(udm, "target.resource.name") as? String == "debug-shell")
        #expect(T.value(udm, "target.resource.product_object_id") as? String == "6f1c2d3e")
        #expect(T.value(udm, "target.resource.resource_type") as? String == "POD")
        #expect(T.value(udm, "target.resource.resource_subtype") as? String == "pods")
        #expect(T.value(udm, "target.resource_ancestors.0.name") as? String == "prod")
        #expect(T.value(udm, "target.resource_ancestors.0.resource_subtype") as? String == "EKSCluster")
        #expect(
            T.value(udm, "target.resource_ancestors.0.product_object_id") as? String
                == "arn:aws:eks:us-east-1:111122223333:cluster/prod")
        #expect(T.labels(udm, "target.resource_ancestors.0.attribute.labels").contains { $0 == ("team", "platform") })
        #expect(T.value(udm, "target.namespace") as? String == "payments")
        #expect(T.value(udm, "about.0.resource.name") as? String == "shell")
        #expect(T.value(udm, "about.0.resource.resource_type") as? String == "CONTAINER")
        #expect(
            T.labels(udm, "about.0.resource.attribute.labels").contains { $0 == ("containerImage", "busybox:1.36") })
    }

    @Test func withoutAWorkloadTheClusterIsTheTarget() throws {
        let udm = try #require(T.event(Self.workloadFinding(workload: false))).udm
        #expect(T.value(udm, "target.resource.name") as? String == "prod")
        #expect(T.value(udm, "target.resource.resource_type") as? String == "CLUSTER")
        #expect(T.value(udm, "target.resource_ancestors") == nil)
    }
}
