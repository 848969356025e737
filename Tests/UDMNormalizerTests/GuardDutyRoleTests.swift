import Foundation
import Testing

@testable import UDMNormalizer

/// Who attacked what: the GuardDuty tables read as a detection engineer reads a finding. Roles by
/// direction and action kind, one noun per resource, the outcome only where the finding states it,
/// every identity in its own place, locations on the noun of their address, grouped lists.
@Suite struct GuardDutyRoleTests {
    typealias T = GuardDutyTableTests

    static func udm(_ finding: [String: Any], sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any]
    {
        try #require(T.event(finding, sourceLocation: sourceLocation), sourceLocation: sourceLocation).udm
    }

    static func string(_ udm: [String: Any], _ path: String) -> String? { T.value(udm, path) as? String }
    static func strings(_ udm: [String: Any], _ path: String) -> [String]? { T.value(udm, path) as? [String] }

    /// The base finding (an inbound SSH connection to an instance) with the connection's direction set.
    static func connection(_ direction: String, _ edit: (inout [String: Any]) -> Void = { _ in }) -> [String: Any] {
        T.finding {
            T.setPath(&$0, ["service", "action", "networkConnectionAction", "connectionDirection"], direction)
            T.setPath(
                &$0, ["resource", "instanceDetails", "networkInterfaces"],
                [
                    [
                        "privateIpAddress": "10.0.0.5", "publicIp": "203.0.113.5",
                        "privateDnsName": "ip-10-0-0-5.ec2.internal",
                        "publicDnsName": "ec2-203-0-113-5.compute-1.amazonaws.com",
                    ]
                ])
            edit(&$0)
        }
    }

    /// A catalogue-shaped finding of `type` on `resourceType` with the action `actionType`.
    static func catalogueFinding(_ type: String, _ resourceType: String, _ actionType: String) -> [String: Any] {
        T.finding(for: .init(type: type, resourceType: resourceType, actionType: actionType)).finding
    }

    // MARK: Roles by direction

    @Test func inboundConnectionHasTheRemoteSideAsPrincipalAndTheInstanceAsTarget() throws {
        let udm = try Self.udm(Self.connection("INBOUND"))
        #expect(Self.strings(udm, "principal.ip") == ["198.51.100.7"])
        #expect(T.value(udm, "principal.port") as? Int == 50000, "the attacker's source port")
        #expect(Self.string(udm, "principal.location.city") == "Berlin")
        #expect(Self.string(udm, "principal.ip_geo_artifact.0.network.asn") == "64496")
        #expect(Self.string(udm, "principal.ip_geo_artifact.0.network.organization_name") == "EXAMPLE")
        #expect(Self.string(udm, "principal.ip_geo_artifact.0.network.carrier_name") == "Example ISP")
        #expect(Self.strings(udm, "target.ip") == ["10.0.0.5", "203.0.113.5"])
        #expect(T.value(udm, "target.port") as? Int == 22, "the instance's port")
        #expect(Self.string(udm, "target.application") == "SSH")
        #expect(Self.string(udm, "target.hostname") == "ip-10-0-0-5.ec2.internal")
        #expect(Self.string(udm, "target.asset_id") == "AWS:i-0123456789abcdef0")
        #expect(Self.string(udm, "target.location.name") == "us-east-1", "the region is where the instance is")
        #expect(T.value(udm, "target.location.city") == nil && T.value(udm, "principal.hostname") == nil)
    }

    @Test(arguments: ["OUTBOUND", "UNKNOWN"])
    func outboundConnectionHasTheInstanceAsPrincipalAndTheRemoteSideAsTarget(_ direction: String) throws {
        let udm = try Self.udm(Self.connection(direction))
        #expect(Self.strings(udm, "principal.ip") == ["10.0.0.5", "203.0.113.5"])
        #expect(T.value(udm, "principal.port") as? Int == 22)
        #expect(Self.string(udm, "principal.hostname") == "ip-10-0-0-5.ec2.internal")
        #expect(Self.string(udm, "principal.asset_id") == "AWS:i-0123456789abcdef0")
        #expect(Self.string(udm, "principal.resource.product_object_id") == "i-0123456789abcdef0")
        #expect(Self.string(udm, "principal.location.name") == "us-east-1")
        #expect(Self.strings(udm, "target.ip") == ["198.51.100.7"])
        #expect(T.value(udm, "target.port") as? Int == 50000)
        #expect(Self.string(udm, "target.location.city") == "Berlin", "the remote place on the remote noun")
        #expect(T.value(udm, "target.location.region_coordinates.latitude") as? Double == 52.52)
        #expect(Self.string(udm, "target.ip_geo_artifact.0.ip") == "198.51.100.7")
        #expect(T.value(udm, "principal.location.city") == nil, "no remote geography on the instance")
        #expect(
            T.value(udm, "target.resource") == nil && T.value(udm, "target.asset") == nil,
            "the instance is not split across nouns")
    }

    @Test func portProbeHasTheProberAsPrincipalAndEachProbeAsAnAboutNoun() throws {
        let udm = try Self.udm(Self.catalogueFinding("Recon:EC2/PortProbeUnprotectedPort", "Instance", "PORT_PROBE"))
        #expect(Self.strings(udm, "principal.ip") == ["198.51.100.7"])
        #expect(Self.string(udm, "principal.location.country_or_region") == "Germany")
        #expect(T.value(udm, "target.port") as? Int == 22, "the probed port")
        #expect(Self.strings(udm, "target.ip") == ["10.0.0.5"])
        #expect(Self.string(udm, "target.resource.product_object_id") == "i-0123456789abcdef0")
        #expect(Self.string(udm, "network.direction") == "INBOUND")

        var two = Self.catalogueFinding("Recon:EC2/PortProbeUnprotectedPort", "Instance", "PORT_PROBE")
        T.setPath(
            &two, ["service", "action", "portProbeAction", "portProbeDetails"],
            [
                [
                    "localPortDetails": ["port": 22],
                    "remoteIpDetails": [
                        "ipAddressV4": "198.51.100.7", "city": ["cityName": "Berlin"],
                        "geoLocation": ["lat": 52.52, "lon": 13.4],
                    ],
                ],
                [
                    "localPortDetails": ["port": 3389],
                    "remoteIpDetails": [
                        "ipAddressV4": "192.0.2.8", "city": ["cityName": "Lyon"], "geoLocation": ["lat": 0, "lon": 0],
                    ],
                ],
            ])
        let grouped = try Self.udm(two)
        let about = try #require(T.value(grouped, "about") as? [[String: Any]])
        #expect(about.count == 2)
        #expect(
            T.value(about[0], "ip") as? [String] == ["198.51.100.7"] && T.value(about[0], "port") as? Int == 22
                && T.value(about[0], "location.city") as? String == "Berlin")
        #expect(
            T.value(about[1], "ip") as? [String] == ["192.0.2.8"] && T.value(about[1], "port") as? Int == 3389
                && T.value(about[1], "location.city") as? String == "Lyon")
        #expect(T.value(about[0], "location.region_coordinates.longitude") as? Double == 13.4)
        #expect(
            T.value(about[1], "location.region_coordinates") == nil, "(0, 0) is GuardDuty's placeholder, not a place")
        #expect(
            Self.strings(grouped, "principal.ip") == ["198.51.100.7"], "the principal is one prober, with its own place"
        )
    }

    @Test func dnsRequestHasTheResourceAsPrincipalAndTheQuestionAsTarget() throws {
        let udm = try Self.udm(Self.catalogueFinding("Trojan:EC2/DGADomainRequest.B", "Instance", "DNS_REQUEST"))
        #expect(Self.string(udm, "metadata.event_type") == "NETWORK_DNS")
        #expect(Self.strings(udm, "principal.ip") == ["10.0.0.5"])
        #expect(Self.string(udm, "principal.asset_id") == "AWS:i-0123456789abcdef0")
        #expect(Self.string(udm, "target.hostname") == "bad.example.com")
        #expect(Self.string(udm, "network.dns.questions.0.name") == "bad.example.com")
        #expect(T.value(udm, "principal.administrative_domain") == nil, "the question is not the asker's domain")
    }

    @Test func lambdaNetworkActivityHasTheFunctionAsPrincipal() throws {
        let udm = try Self.udm(Self.catalogueFinding("Backdoor:Lambda/C&CActivity.B", "Lambda", "NETWORK_CONNECTION"))
        #expect(Self.string(udm, "principal.resource.name") == "fn")
        #expect(Self.string(udm, "principal.resource.resource_type") == "FUNCTION")
        #expect(Self.strings(udm, "principal.ip") == ["10.0.0.5"])
        #expect(Self.strings(udm, "target.ip") == ["198.51.100.7"])
        #expect(T.value(udm, "target.port") as? Int == 443)
        #expect(Self.string(udm, "target.location.country_or_region") == "Germany")
        #expect(T.value(udm, "target.resource") == nil)
    }

    @Test func apiAndKubernetesCallersAndRdsClientsArePrincipals() throws {
        for (type, resource, action) in [
            ("Discovery:S3/MaliciousIPCaller", "S3Bucket", "AWS_API_CALL"),
            ("Discovery:Kubernetes/MaliciousIPCaller", "EKSCluster", "KUBERNETES_API_CALL"),
            ("CredentialAccess:RDS/MaliciousIPCaller.SuccessfulLogin", "RDSDBInstance", "RDS_LOGIN_ATTEMPT"),
        ] {
            let udm = try Self.udm(Self.catalogueFinding(type, resource, action))
            #expect(Self.strings(udm, "principal.ip") == ["198.51.100.7"], "\(type)")
            #expect(Self.string(udm, "principal.location.country_or_region") == "Germany", "\(type)")
            #expect(T.value(udm, "target.resource") != nil, "\(type): the resource acted on")
            #expect(
                T.value(udm, "target.ip") == nil && T.value(udm, "target.location.country_or_region") == nil, "\(type)")
            #expect(Self.string(udm, "target.location.name") == "us-east-1", "\(type)")
        }
    }

    @Test func runtimeProcessesActOnWhatTheFindingNames() throws {
        var socketFinding = Self.catalogueFinding(
            "PrivilegeEscalation:Runtime/DockerSocketAccessed", "Instance",
            "none (service.runtimeDetails.process/context)")
        T.setPath(&socketFinding, ["service", "runtimeDetails", "context"], ["socketPath": "/var/run/docker.sock"])
        let socket = try Self.udm(socketFinding)
        #expect(Self.string(socket, "metadata.event_type") == "FILE_OPEN")
        #expect(Self.string(socket, "principal.process.pid") == "42", "the accessing process acts")
        #expect(Self.string(socket, "principal.process.parent_process.pid") == "41")
        #expect(Self.string(socket, "target.file.full_path") == "/var/run/docker.sock")
        #expect(T.value(socket, "target.process") == nil)
        #expect(
            Self.string(socket, "principal.asset_id") == "AWS:i-0123456789abcdef0", "the process runs on the instance")
        let launch = try Self.udm(
            Self.catalogueFinding(
                "Execution:Runtime/NewBinaryExecuted", "Instance", "none (service.runtimeDetails.process/context)"))
        #expect(Self.string(launch, "principal.process.pid") == "41", "the parent started it")
        #expect(Self.string(launch, "target.process.pid") == "42")
        #expect(Self.string(launch, "target.process_ancestors.0.pid") == "41")
        let escape = try Self.udm(
            Self.catalogueFinding(
                "PrivilegeEscalation:Runtime/RuncContainerEscape", "Instance",
                "none (service.runtimeDetails.process/context)"))
        #expect(Self.string(escape, "metadata.event_type") == "FILE_MODIFICATION")
        #expect(Self.string(escape, "principal.process_ancestors.0.pid") == "41")
    }

    @Test func aProcessReachedByAnInboundConnectionRunsOnTheTarget() throws {
        var finding = Self.connection("INBOUND")
        T.setPath(
            &finding, ["service", "runtimeDetails"],
            [
                "process": [
                    "name": "sshd", "executablePath": "/usr/sbin/sshd", "pid": 42, "user": "root",
                    "lineage": [["name": "systemd", "pid": 1]],
                ] as [String: Any]
            ])
        let inbound = try Self.udm(finding)
        #expect(Self.string(inbound, "target.process.pid") == "42", "the listening process")
        #expect(Self.string(inbound, "target.process.parent_process.pid") == "1")
        #expect(Self.string(inbound, "target.user.userid") == "root")
        #expect(
            T.value(inbound, "principal.process") == nil && T.value(inbound, "principal.user") == nil,
            "nothing of the instance on the attacker")
        T.setPath(&finding, ["service", "action", "networkConnectionAction", "connectionDirection"], "OUTBOUND")
        let outbound = try Self.udm(finding)
        #expect(Self.string(outbound, "principal.process.pid") == "42", "the process that connected out")
        #expect(Self.string(outbound, "principal.user.userid") == "root")
        #expect(T.value(outbound, "target.process") == nil)
    }

    // MARK: The outcome, only as the finding states it

    @Test(arguments: [(true, "BLOCK"), (false, "ALLOW")])
    func blockedSaysBlockOrAllow(_ blocked: Bool, _ action: String) throws {
        let network = try Self.udm(
            Self.connection("INBOUND") {
                T.setPath(&$0, ["service", "action", "networkConnectionAction", "blocked"], blocked)
            })
        #expect(Self.strings(network, "security_result.0.action") == [action])
        var dns = Self.catalogueFinding("Trojan:EC2/DGADomainRequest.B", "Instance", "DNS_REQUEST")
        T.setPath(&dns, ["service", "action", "dnsRequestAction", "blocked"], blocked)
        #expect(Self.strings(try Self.udm(dns), "security_result.0.action") == [action])
        var probe = Self.catalogueFinding("Recon:EC2/PortProbeUnprotectedPort", "Instance", "PORT_PROBE")
        T.setPath(&probe, ["service", "action", "portProbeAction", "blocked"], blocked)
        #expect(Self.strings(try Self.udm(probe), "security_result.0.action") == [action])
    }

    @Test(arguments: [
        ("AccessDenied", "BLOCK"), ("AccessDeniedException", "BLOCK"), ("Client.UnauthorizedOperation", "BLOCK"),
        ("UnauthorizedOperation", "BLOCK"), ("NoSuchWebsiteConfiguration", "FAIL"), ("ThrottlingException", "FAIL"),
    ])
    func apiErrorCodesSayBlockOrFail(_ code: String, _ action: String) throws {
        var finding = Self.catalogueFinding("Policy:IAMUser/RootCredentialUsage", "AccessKey", "AWS_API_CALL")
        T.setPath(&finding, ["service", "action", "awsApiCallAction", "errorCode"], code)
        let udm = try Self.udm(finding)
        #expect(Self.strings(udm, "security_result.0.action") == [action], "\(code)")
        #expect(Self.string(udm, "security_result.0.rule_type") == code, "the code stays searchable")
    }

    @Test func apiCallWithoutAnErrorHasNoAction() throws {
        let udm = try Self.udm(Self.catalogueFinding("Policy:IAMUser/RootCredentialUsage", "AccessKey", "AWS_API_CALL"))
        #expect(T.value(udm, "security_result.0.action") == nil)
        let kubernetes = try Self.udm(
            Self.catalogueFinding("Discovery:Kubernetes/MaliciousIPCaller", "EKSCluster", "KUBERNETES_API_CALL"))
        #expect(T.value(kubernetes, "security_result.0.action") == nil)
    }

    @Test(arguments: [(403, "BLOCK"), (401, "BLOCK"), (500, "FAIL")])
    func kubernetesStatusCodesSayBlockOrFail(_ status: Int, _ action: String) throws {
        var finding = Self.catalogueFinding(
            "Discovery:Kubernetes/MaliciousIPCaller", "EKSCluster", "KUBERNETES_API_CALL")
        T.setPath(&finding, ["service", "action", "kubernetesApiCallAction", "statusCode"], status)
        #expect(Self.strings(try Self.udm(finding), "security_result.0.action") == [action])
    }

    // MARK: Every identity in its own place

    @Test func kubernetesUserAndIamIdentityAreKeptApart() throws {
        var finding = Self.catalogueFinding(
            "Discovery:Kubernetes/MaliciousIPCaller", "EKSCluster", "KUBERNETES_API_CALL")
        T.setPath(
            &finding, ["resource", "kubernetesDetails", "kubernetesUserDetails"],
            [
                "username": "kubernetes-admin", "uid": "aws-iam-authenticator:111122223333:AIDAEXAMPLE",
                "groups": ["system:masters"],
            ])
        T.setPath(
            &finding, ["resource", "accessKeyDetails"],
            [
                "accessKeyId": "ASIAEXAMPLEKEY", "principalId": "AIDAEXAMPLE", "userName": "alice",
                "userType": "IAMUser",
            ])
        let udm = try Self.udm(finding)
        #expect(Self.string(udm, "principal.user.userid") == "kubernetes-admin")
        #expect(
            Self.string(udm, "principal.user.product_object_id") == "aws-iam-authenticator:111122223333:AIDAEXAMPLE")
        #expect(Self.strings(udm, "principal.user.group_identifiers") == ["system:masters"])
        #expect(Self.string(udm, "security_result.0.about.user.userid") == "AIDAEXAMPLE")
        #expect(Self.string(udm, "security_result.0.about.user.user_display_name") == "alice")
        #expect(Self.string(udm, "security_result.0.about.user.attribute.roles.0.name") == "IAMUser")
        #expect(Self.string(udm, "principal.resource.product_object_id") == "ASIAEXAMPLEKEY", "the caller's credential")
        #expect(Self.string(udm, "principal.resource.resource_subtype") == "AccessKey")
        #expect(T.value(udm, "security_result.0.about.resource.product_object_id") == nil)
        #expect(T.value(udm, "principal.user.user_display_name") == nil, "the IAM name is not the Kubernetes user's")
    }

    @Test func apiCallsKeepTheIamIdentityAsPrincipalUser() throws {
        let udm = try Self.udm(Self.catalogueFinding("Policy:IAMUser/RootCredentialUsage", "AccessKey", "AWS_API_CALL"))
        #expect(Self.string(udm, "principal.user.userid") == "AKIAEXAMPLE")
        #expect(Self.string(udm, "principal.user.user_display_name") == "alice")
        #expect(T.value(udm, "security_result.0.about.user") == nil)
    }

    // MARK: Metadata of the finding

    @Test func findingIdIsOnlyTheProductLogIdAndCountIsADetectionField() throws {
        let result = try #require(T.event(Self.connection("INBOUND")))
        #expect(Self.string(result.udm, "metadata.product_log_id") == "0123456789abcdef0123456789abcdef")
        let values = result.event.keyValueText.split(separator: "\n").filter {
            $0.hasSuffix(#"= "0123456789abcdef0123456789abcdef""#)
        }
        #expect(values == [#"metadata.product_log_id = "0123456789abcdef0123456789abcdef""#], "\(values)")
        #expect(T.labels(result.udm, "security_result.0.detection_fields").contains { $0 == ("count", "1") })
        #expect(T.value(result.udm, "principal.resource") == nil, "no noun made of the count alone")
        #expect(T.value(result.udm, "target.asset.attribute.cloud.project") == nil)
    }

    // MARK: One noun per resource

    @Test func theInstanceIsOneNoun() throws {
        let udm = try Self.udm(Self.connection("INBOUND"))
        #expect(Self.string(udm, "target.resource.product_object_id") == "i-0123456789abcdef0")
        #expect(Self.string(udm, "target.resource.resource_type") == "VIRTUAL_MACHINE")
        #expect(Self.string(udm, "target.asset.product_object_id") == "i-0123456789abcdef0")
        #expect(Self.string(udm, "target.asset.hostname") == "ip-10-0-0-5.ec2.internal")
        #expect(Self.strings(udm, "target.asset.ip") == ["10.0.0.5", "203.0.113.5"])
        #expect(Self.string(udm, "target.asset.attribute.cloud.availability_zone") == "us-east-1a")
        #expect(T.labels(udm, "target.asset.attribute.labels").contains { $0 == ("Name", "web-1") })
        #expect(T.value(udm, "principal.asset") == nil && T.value(udm, "principal.resource") == nil)
        var publicOnly = Self.connection("INBOUND")
        T.setPath(
            &publicOnly, ["resource", "instanceDetails", "networkInterfaces"],
            [["privateIpAddress": "10.0.0.5", "publicDnsName": "ec2-203-0-113-5.compute-1.amazonaws.com"]])
        #expect(
            Self.string(try Self.udm(publicOnly), "target.hostname") == "ec2-203-0-113-5.compute-1.amazonaws.com",
            "the public name when there is no private one")
    }

    @Test func eachResourceKindIsOneNounOfItsRole() throws {
        let cases: [(type: String, resource: String, action: String, noun: String, kind: String, name: String)] = [
            ("Backdoor:Runtime/C&CActivity.B", "ECSCluster", "NETWORK_CONNECTION", "principal", "CLUSTER", "prod"),
            (
                "Execution:Container/MaliciousFile", "Container", "none (service.ebsVolumeScanDetails)", "target",
                "CONTAINER", "app"
            ),
            ("Backdoor:Lambda/C&CActivity.B", "Lambda", "NETWORK_CONNECTION", "principal", "FUNCTION", "fn"),
            (
                "CredentialAccess:RDS/AnomalousBehavior.SuccessfulLogin", "RDSDBInstance", "RDS_LOGIN_ATTEMPT",
                "target", "DATABASE", ""
            ),
            (
                "Discovery:Kubernetes/MaliciousIPCaller", "EKSCluster", "KUBERNETES_API_CALL", "target", "CLUSTER",
                "prod"
            ),
            ("Discovery:S3/MaliciousIPCaller", "S3Bucket", "AWS_API_CALL", "target", "STORAGE_BUCKET", "bucket"),
        ]
        for c in cases {
            let udm = try Self.udm(Self.catalogueFinding(c.type, c.resource, c.action))
            let other = c.noun == "principal" ? "target" : "principal"
            #expect(Self.string(udm, "\(c.noun).resource.resource_type") == c.kind, "\(c.type)")
            #expect(Self.string(udm, "\(c.noun).resource.resource_subtype") == c.resource, "\(c.type)")
            if !c.name.isEmpty { #expect(Self.string(udm, "\(c.noun).resource.name") == c.name, "\(c.type)") }
            #expect(
                T.labels(udm, "\(c.noun).resource.attribute.labels").contains { $0 == ("accountId", "111122223333") },
                "\(c.type)")
            #expect(
                T.value(udm, "\(other).resource.resource_type") == nil,
                "\(c.type): nothing of the resource on the \(other)")
        }
    }

    @Test func containersTasksAndBucketsAreOneAboutNounEach() throws {
        var ecs = Self.catalogueFinding("Backdoor:Runtime/C&CActivity.B", "ECSCluster", "NETWORK_CONNECTION")
        T.setPath(
            &ecs, ["resource", "ecsClusterDetails", "taskDetails"],
            [
                "arn": "arn:aws:ecs:us-east-1:111122223333:task/prod/1",
                "containers": [
                    ["name": "api", "image": "api:1"],
                    ["name": "sidecar", "image": "envoy:1", "securityContext": ["privileged": true]],
                ],
            ])
        let ecsUDM = try Self.udm(ecs)
        let containers = try #require(T.value(ecsUDM, "about") as? [[String: Any]])
        #expect(containers.map { T.value($0, "resource.name") as? String } == ["api", "sidecar"])
        #expect(containers.allSatisfy { T.value($0, "resource.resource_type") as? String == "CONTAINER" })
        #expect(T.labels(containers[1], "resource.attribute.labels").contains { $0 == ("privileged", "true") })
        #expect(
            !T.labels(containers[0], "resource.attribute.labels").contains { $0.0 == "privileged" },
            "which container is privileged stays known")

        var kubernetes = Self.catalogueFinding(
            "PrivilegeEscalation:Kubernetes/PrivilegedContainer", "EKSCluster", "KUBERNETES_API_CALL")
        T.setPath(
            &kubernetes, ["resource", "kubernetesDetails", "kubernetesWorkloadDetails"],
            [
                "name": "w",
                "containers": [
                    ["name": "app", "image": "app:1", "securityContext": ["privileged": false]],
                    ["name": "debug", "image": "busybox", "securityContext": ["privileged": true]],
                ],
            ])
        T.setPath(
            &kubernetes, ["service", "evidence"],
            [
                "threatIntelligenceDetails": [
                    ["threatListName": "ProofPoint", "threatNames": ["Scanner"]],
                    ["threatListName": "CrowdStrike", "threatNames": ["Botnet", "Proxy"]],
                ]
            ])
        let kubernetesUDM = try Self.udm(kubernetes)
        let about = try #require(T.value(kubernetesUDM, "about") as? [[String: Any]])
        #expect(about.count == 4, "two containers and two threat lists, none sharing an entry: \(about)")
        let debug = try #require(about.first { T.value($0, "resource.name") as? String == "debug" })
        #expect(T.labels(debug, "resource.attribute.labels").contains { $0 == ("privileged", "true") })
        #expect(T.value(debug, "security_result") == nil)
        let crowdStrike = try #require(
            about.first { T.value($0, "security_result.0.threat_feed_name") as? String == "CrowdStrike" })
        #expect(T.labels(crowdStrike, "security_result.0.detection_fields").map(\.1) == ["Botnet", "Proxy"])
        #expect(T.value(crowdStrike, "security_result.0.threat_name") as? String == "Botnet")
        #expect(T.value(crowdStrike, "resource") == nil)

        var buckets = Self.catalogueFinding("Policy:S3/BucketPublicAccessGranted", "S3Bucket", "AWS_API_CALL")
        T.setPath(
            &buckets, ["resource", "s3BucketDetails"],
            [["name": "a", "arn": "arn:aws:s3:::a"], ["name": "b", "arn": "arn:aws:s3:::b", "type": "Destination"]])
        let bucketUDM = try Self.udm(buckets)
        let bucketNouns = try #require(T.value(bucketUDM, "about") as? [[String: Any]])
        #expect(bucketNouns.map { T.value($0, "resource.name") as? String } == ["a", "b"])
        #expect(T.labels(bucketNouns[1], "resource.attribute.labels").contains { $0 == ("bucketType", "Destination") })
    }

    // MARK: Categories and ATT&CK

    /// ATT&CK's own matrix (attack.mitre.org): the tactics each technique the tables name belongs to.
    static let tacticsOfTechnique: [String: Set<String>] = [
        "T1046": ["TA0007"], "T1048": ["TA0010"], "T1055": ["TA0005", "TA0004"], "T1059": ["TA0002"],
        "T1071": ["TA0011"],
        "T1078": ["TA0001", "TA0003", "TA0004", "TA0005"], "T1090": ["TA0011"], "T1110": ["TA0006"],
        "T1485": ["TA0040"],
        "T1496": ["TA0040"], "T1498": ["TA0040"], "T1530": ["TA0009"], "T1552": ["TA0006"], "T1562": ["TA0005"],
        "T1568": ["TA0011"],
        "T1595": ["TA0043"], "T1609": ["TA0002"], "T1611": ["TA0004"], "T1619": ["TA0007"], "T1620": ["TA0005"],
    ]

    @Test(.enabled(if: PackagePaths.hasShared, "../shared/reference is not beside the package"))
    func everyTechniqueComesWithATacticItBelongsTo() throws {
        var problems: [String] = []
        var withTechnique = 0
        for entry in try T.catalogue() {
            let udm = try Self.udm(T.finding(for: entry).finding)
            guard let technique = Self.string(udm, "security_result.0.attack_details.techniques.0.id") else { continue }
            withTechnique += 1
            let tactic = Self.string(udm, "security_result.0.attack_details.tactics.0.id") ?? "none"
            // A tactic GuardDuty states in the purpose wins over the technique's (GuardDutyOutcomeTests).
            let purpose = String(entry.type.prefix { $0 != ":" })
            if let stated = GuardDutyOutcomeTests.statedTactics[purpose] {
                if tactic != stated.id { problems.append("\(entry.type): \(tactic), stated \(stated.id)") }
                continue
            }
            guard let allowed = Self.tacticsOfTechnique[technique] else {
                problems.append("\(entry.type): \(technique) not in the test's matrix")
                continue
            }
            if !allowed.contains(tactic) { problems.append("\(entry.type): \(technique) with \(tactic)") }
            if (T.value(udm, "security_result.0.attack_details.tactics") as? [Any])?.count != 1 {
                problems.append("\(entry.type): not one tactic")
            }
        }
        #expect(withTechnique >= 40)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        let portscan = try Self.udm(T.finding { $0["type"] = "Recon:EC2/Portscan" })
        #expect(
            Self.string(portscan, "security_result.0.attack_details.tactics.0.name") == "Discovery",
            "T1046 is Discovery, not Reconnaissance")
    }

    @Test(.enabled(if: PackagePaths.hasShared, "../shared/reference is not beside the package"))
    func categoriesSayWhatKindOfBadItIs() throws {
        var problems: [String] = []
        for entry in try T.catalogue() {
            let udm = try Self.udm(T.finding(for: entry).finding)
            let categories = Self.strings(udm, "security_result.0.category") ?? []
            if categories.count != 1 { problems.append("\(entry.type): \(categories)") }
            let category = categories.first ?? ""
            let family =
                entry.type.split(separator: "/").last.map { String($0.prefix { $0 != "." && $0 != "!" }) } ?? ""
            let expected: String? =
                switch family {
                case "MaliciousIPCaller", "MaliciousDomainRequest", "BlackholeTraffic", "DropPoint": "NETWORK_MALICIOUS"
                case "MaliciousFile", "MaliciousFileExecuted": "SOFTWARE_MALICIOUS"
                case "TorIPCaller", "TorClient", "TorRelay": "TOR_EXIT_NODE"
                case "C&CActivity", "DGADomainRequest": "NETWORK_COMMAND_AND_CONTROL"
                case "DenialOfService": "NETWORK_DENIAL_OF_SERVICE"
                case "BitcoinTool", "CryptoMinerExecuted", "BitcoinDomainRequest": "SOFTWARE_PUA"
                case "SSHBruteForce", "RDPBruteForce", "WinRMBruteForce": "AUTH_VIOLATION"
                default: nil
                }
            if let expected, category != expected {
                problems.append("\(entry.type): \(category), expected \(expected)")
            }
            let purpose = entry.type.prefix { $0 != ":" }
            if ["Impact", "Persistence"].contains(purpose), category == "SOFTWARE_SUSPICIOUS",
                entry.actionType.contains("API_CALL")
            {
                problems.append("\(entry.type): SOFTWARE_SUSPICIOUS on an API-call finding with no software")
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    // MARK: The corpus's SSH brute force

    static func corpusSSHBruteForce() throws -> String {
        let text = try PackagePaths.read(
            PackagePaths.corpus.appendingPathComponent("guardduty/panther_legacy_guardduty_parser_tests.ndjson"))
        return try #require(
            text.split(separator: "\n").first { $0.contains("UnauthorizedAccess:EC2/SSHBruteForce") }.map(String.init))
    }

    @Test(.enabled(if: PackagePaths.hasCorpus, "../shared/corpus is not beside the package"))
    func corpusSSHBruteForceNamesTheAttackerAndTheInstance() throws {
        let finding = try #require(
            try JSONSerialization.jsonObject(with: Data(try Self.corpusSSHBruteForce().utf8)) as? [String: Any])
        let udm = try Self.udm(finding)
        #expect(Self.strings(udm, "principal.ip") == ["151.80.19.228"])
        #expect(Self.string(udm, "principal.location.city") == "Roubaix")
        #expect(Self.string(udm, "principal.ip_geo_artifact.0.network.organization_name") == "OVH SAS")
        #expect(T.value(udm, "target.port") as? Int == 22)
        #expect(Self.string(udm, "target.hostname") == "ip-172-31-81-237.ec2.internal")
        #expect(Self.string(udm, "target.asset.hostname") == "ip-172-31-81-237.ec2.internal")
        #expect(Self.string(udm, "target.resource.product_object_id") == "i-081de1d7604b11e4a")
        #expect(Self.string(udm, "target.asset_id") == "AWS:i-081de1d7604b11e4a")
        #expect(Self.strings(udm, "target.ip")?.first == "172.31.81.237")
        #expect(Self.string(udm, "network.direction") == "INBOUND")
    }

    /// `explain` names, for each of those fields, the guardduty.map rule that wrote it.
    @Test(.enabled(if: PackagePaths.hasCorpus, "../shared/corpus is not beside the package"))
    func explainShowsWhichRulePlacedTheAttackerAndTheInstance() throws {
        let explanation = try #require(
            Normalizer().explain(input: Array(try Self.corpusSSHBruteForce().utf8), source: "ssh").first)
        let table = try #require(BuiltinMappings.files.first { $0.name == "guardduty.map" }).text
        let lines = table.split(separator: "\n", omittingEmptySubsequences: false)
        /// `guardduty.map:N` of the rule whose text (before its comment) starts with `rule`.
        func ruleID(_ rule: String) -> Diagnostic.Source? {
            lines.firstIndex { $0.hasPrefix(rule) }.map { .rule(RuleID(file: "guardduty.map", line: $0 + 1)) }
        }
        let expected: [(path: String, value: String, rule: String)] = [
            (
                "principal.ip", #""151.80.19.228""#,
                "service.action.networkConnectionAction.remoteIpDetails.ipAddressV4 ?? service.action.networkConnectionAction.remoteIpDetails.ipAddressV6 -> $remote.ip[]"
            ),
            (
                "principal.location.city", #""Roubaix""#,
                "service.action.networkConnectionAction.remoteIpDetails.city.cityName -> $remote.location.city"
            ),
            ("target.port", "22", "service.action.networkConnectionAction.localPortDetails.port -> $resource.port"),
            (
                "target.hostname", #""ip-172-31-81-237.ec2.internal""#,
                "resource.instanceDetails.networkInterfaces[0].privateDnsName ?? resource.instanceDetails.networkInterfaces[0].publicDnsName -> $resource.hostname"
            ),
            (
                "target.asset.hostname", #""ip-172-31-81-237.ec2.internal""#,
                "resource.instanceDetails.networkInterfaces[0].privateDnsName ?? resource.instanceDetails.networkInterfaces[0].publicDnsName -> $resource.asset.hostname"
            ),
            (
                "target.resource.product_object_id", #""i-081de1d7604b11e4a""#,
                "resource.instanceDetails.instanceId -> $resource.resource.product_object_id"
            ),
            (
                "target.asset_id", #""AWS:i-081de1d7604b11e4a""#,
                #""AWS:" + resource.instanceDetails.instanceId -> $resource.asset_id"#
            ),
        ]
        for field in expected {
            let line = try #require(ruleID(field.rule), "no rule \(field.rule)")
            let shown = explanation.fields.filter { $0.path == field.path }
            #expect(shown.map(\.value) == [field.value], "\(field.path): \(shown)")
            #expect(shown.first?.rule == line, "\(field.path) comes from \(line)")
        }
        #expect(explanation.text.contains("target.port = 22"))
    }
}
