import Foundation
import Testing

@testable import UDMNormalizer

/// What a GuardDuty finding says of the activity's outcome (security_result.action) and the ATT&CK
/// tactic it states: the `| call_outcome` and `| json_text` stages, the finding shapes AWS documents,
/// and a sweep over every finding type of the catalogue.
@Suite struct GuardDutyOutcomeTests {
    typealias T = GuardDutyTableTests

    /// The anomalous-API text of an AWS sample finding (Discovery:IAMUser/AnomalousBehavior, as
    /// CreateSampleFindings writes it) and variants of it.
    static let allDenied =
        "iam.amazonaws.com:[ListRoles:AccessDenied , GetUser:AccessDenied] , sts.amazonaws.com:[GetCallerIdentity:AccessDenied]"
    static let oneSucceeded = "iam.amazonaws.com:[ListRoles:AccessDenied , GetUser:success]"
    static let deniedAndFailed = "iam.amazonaws.com:[ListRoles:AccessDenied , GetUser:NoSuchEntity]"
    /// Every call denied, by the codes different services use for a refusal.
    static let deniedDifferently =
        "iam.amazonaws.com:[ListRoles:AccessDenied] , ec2.amazonaws.com:[DescribeInstances:Client.UnauthorizedOperation , RunInstances:UnauthorizedOperation] , sns.amazonaws.com:[ListTopics:AuthorizationErrorException] , apigateway.amazonaws.com:[GetRestApis:Forbidden]"
    /// The near miss: denied by two codes, and one call failed for another reason (throttled).
    static let deniedDifferentlyAndThrottled =
        "iam.amazonaws.com:[ListRoles:AccessDenied] , ec2.amazonaws.com:[DescribeInstances:UnauthorizedOperation , DescribeVpcs:RequestLimitExceeded]"

    /// A stand-in for the outcome table (the tables' own is tested through findings below).
    static func testClass(_ outcome: Substring) -> String {
        outcome.hasPrefix("AccessDenied") || outcome.hasSuffix("UnauthorizedOperation") ? "denied" : String(outcome)
    }

    // MARK: The stages

    @Test func callOutcomeReadsEveryCallOfEveryService() {
        #expect(
            CallOutcomeSummary.outcomes(in: Self.allDenied) == ["AccessDenied", "AccessDenied", "AccessDenied"])
        #expect(
            CallOutcomeSummary.outcomes(
                in:
                    "redshift.amazonaws.com:[DescribeClusters:success , DescribeClusterSubnetGroups:success] , health.amazonaws.com:[DescribeEventAggregates:success]"
            ) == ["success", "success", "success"])
        #expect(
            CallOutcomeSummary.outcomes(in: "ListRoles:AccessDenied, GetUser:success") == ["AccessDenied", "success"])
    }

    @Test func callOutcomeSummarizes() {
        func summary(_ text: String) -> String? { CallOutcomeSummary.summary(of: text, classify: Self.testClass) }
        #expect(summary(Self.allDenied) == "denied")
        #expect(summary(Self.oneSucceeded) == "success")
        #expect(summary("s3.amazonaws.com:[GetObject:SUCCESS]") == "success")
        #expect(summary(Self.deniedAndFailed) == "mixed")
        // Different codes of one class are that class; a miss keeps the outcome, which then must agree.
        #expect(summary("a:[X:AccessDeniedException , Y:Client.UnauthorizedOperation]") == "denied")
        #expect(summary("a:[X:NoSuchEntity , Y:NoSuchEntity]") == "NoSuchEntity")
        #expect(summary("a:[X:NoSuchEntity , Y:Throttling]") == "mixed")
        // Near misses: API names without outcomes, an empty text, a bare colon.
        #expect(summary("AttachUserPolicy,CreateAccessKey,GetAccountAuthorizationDetails") == nil)
        #expect(summary("") == nil)
        #expect(summary(":AccessDenied , GetUser:") == nil)
    }

    @Test func jsonTextReadsAMemberOfJSONInsideAString() {
        let text = #"{"anomalies":{"anomalousAPIs":"iam.amazonaws.com:[ListRoles:success]"},"sample":true,"n":3}"#
        #expect(
            JSONTextMember.member(of: text, at: "anomalies.anomalousAPIs") == "iam.amazonaws.com:[ListRoles:success]")
        #expect(JSONTextMember.member(of: text, at: "sample") == "true")
        #expect(JSONTextMember.member(of: text, at: "n") == "3")
        #expect(
            JSONTextMember.member(of: text, at: "anomalies")
                == #"{"anomalousAPIs":"iam.amazonaws.com:[ListRoles:success]"}"#)
        // Near misses: not JSON, a missing member, null, a path through a string.
        #expect(JSONTextMember.member(of: "anomalies: yes", at: "anomalies") == nil)
        #expect(JSONTextMember.member(of: text, at: "anomalies.missing") == nil)
        #expect(JSONTextMember.member(of: #"{"a":null}"#, at: "a") == nil)
        #expect(JSONTextMember.member(of: text, at: "sample.x") == nil)
    }

    @Test func theStagesRunInTablesAndAreCheckedWhenTheyCompile() throws {
        let classes =
            "@lookup classes prefix default empty\nAccessDenied = denied\nUnauthorizedOperation = denied\n@end\n"
        let rule = #"info.value -> metadata.description | json_text "anomalies.anomalousAPIs" | call_outcome classes"#
        let result = try MappingLanguageTests.run(
            classes + rule + "\n",
            #"{"id":"1","info":{"value":"{\"anomalies\":{\"anomalousAPIs\":\"a:[X:AccessDenied , Y:UnauthorizedOperation]\"}}"}}"#
        )
        #expect(result.json.contains(#""description":"denied""#), "\(result.json)")
        let missing = try MappingLanguageTests.run(classes + rule + "\n", #"{"id":"1","info":{"value":"not json"}}"#)
        #expect(!missing.json.contains("description"), "no JSON text, no value")
        #expect(
            MappingLanguageTests.compileError(
                "@log_type GUARDDUTY\n@match exists x\nx -> metadata.description | json_text\n") != nil)
        #expect(
            MappingLanguageTests.compileError(
                "@log_type GUARDDUTY\n@match exists x\nx -> metadata.description | call_outcome \"a\"\n") != nil,
            "no lookup named a")
        #expect(
            MappingLanguageTests.compileError(
                "@log_type GUARDDUTY\n@match exists x\nx -> metadata.description | call_outcome\n") != nil,
            "the class table is named")
    }

    // MARK: AWS-documented finding shapes

    /// An IAM anomaly finding (PrivilegeEscalation:IAMUser/AnomalousBehavior) with its reported calls,
    /// in the EventBridge form (`additionalInfo.anomalies`) or the API form (JSON text in `additionalInfo.value`).
    static func anomaly(_ apis: String, apiForm: Bool = false, errorCode: String? = nil) -> [String: Any] {
        T.finding {
            $0["type"] = "PrivilegeEscalation:IAMUser/AnomalousBehavior"
            $0["resource"] = [
                "resourceType": "AccessKey",
                "accessKeyDetails": [
                    "accessKeyId": "ASIAEXAMPLE", "principalId": "AIDAEXAMPLE", "userName": "alice",
                    "userType": "IAMUser",
                ],
            ]
            var call: [String: Any] = [
                "api": "GetUser", "serviceName": "iam.amazonaws.com", "callerType": "Remote IP",
                "remoteIpDetails": ["ipAddressV4": "198.51.100.7"],
            ]
            if let errorCode { call["errorCode"] = errorCode }
            var service = $0["service"] as! [String: Any]
            service["action"] = ["actionType": "AWS_API_CALL", "awsApiCallAction": call]
            let info: [String: Any] = ["anomalies": ["anomalousAPIs": apis], "sample": true]
            service["additionalInfo"] = apiForm ? ["value": T.json(info), "type": "default"] : info
            $0["service"] = service
        }
    }

    static func action(_ udm: [String: Any]) -> String? { T.value(udm, "security_result.0.action.0") as? String }

    @Test func reportedCallsGiveTheAction() throws {
        for apiForm in [false, true] {
            let denied = try #require(T.event(Self.anomaly(Self.allDenied, apiForm: apiForm)))
            #expect(Self.action(denied.udm) == "BLOCK", "every call denied (API form: \(apiForm))")
            let succeeded = try #require(T.event(Self.anomaly(Self.oneSucceeded, apiForm: apiForm)))
            #expect(Self.action(succeeded.udm) == "ALLOW", "one call succeeded: the activity happened")
            let failed = try #require(T.event(Self.anomaly(Self.deniedAndFailed, apiForm: apiForm)))
            #expect(Self.action(failed.udm) == "FAIL", "all failed, one not by denial")
            let deniedDifferently = try #require(T.event(Self.anomaly(Self.deniedDifferently, apiForm: apiForm)))
            #expect(Self.action(deniedDifferently.udm) == "BLOCK", "every call denied, by five different codes")
            let throttled = try #require(T.event(Self.anomaly(Self.deniedDifferentlyAndThrottled, apiForm: apiForm)))
            #expect(Self.action(throttled.udm) == "FAIL", "denied by two codes, one call throttled")
            let fields = T.labels(succeeded.udm, "security_result.0.detection_fields")
            #expect(fields.contains { $0 == ("ListRoles", "AccessDenied") }, "each call beside its outcome")
            #expect(fields.contains { $0 == ("GetUser", "success") }, "each call beside its outcome")
            #expect(!fields.contains { $0.0 == "anomalousAPIs" }, "no one field for all the calls")
            let differently = T.labels(deniedDifferently.udm, "security_result.0.detection_fields")
            #expect(
                ["ListRoles", "DescribeInstances", "RunInstances", "ListTopics", "GetRestApis"].allSatisfy { api in
                    differently.contains { $0.0 == api }
                }, "\(differently)")
            #expect(differently.contains { $0 == ("DescribeInstances", "Client.UnauthorizedOperation") })
            #expect(
                T.value(succeeded.udm, "security_result.0.about.labels") as? [[String: String]] == [
                    ["key": "Sample", "value": "true"]
                ], "the Sample label stays where Google's rules read it")
        }
        // The reported calls speak for all of them: a denied last call does not make a success a BLOCK.
        let mixed = try #require(T.event(Self.anomaly(Self.oneSucceeded, errorCode: "AccessDenied")))
        #expect(Self.action(mixed.udm) == "ALLOW")
        // Near miss: names without outcomes say nothing; the one call's error code then decides.
        let bare = try #require(T.event(Self.anomaly("AttachUserPolicy,CreateAccessKey")))
        #expect(Self.action(bare.udm) == nil)
        #expect(
            !T.labels(bare.udm, "security_result.0.detection_fields").contains { $0.0 == "AttachUserPolicy" },
            "a name without an outcome is no entry")
        #expect(
            T.labels(bare.udm, "security_result.0.about.resource.attribute.labels").contains {
                $0 == ("anomalies.anomalousAPIs", "AttachUserPolicy,CreateAccessKey")
            }, "the list stays in the additionalInfo labels")
        let bareDenied = try #require(T.event(Self.anomaly("AttachUserPolicy", errorCode: "AccessDeniedException")))
        #expect(Self.action(bareDenied.udm) == "BLOCK")
        let bareFailed = try #require(T.event(Self.anomaly("AttachUserPolicy", errorCode: "NoSuchEntity")))
        #expect(Self.action(bareFailed.udm) == "FAIL")
    }

    /// The JSON text of `additionalInfo.value` is read once per record: redaction's read is the one the
    /// rules take members from, unless redaction replaced a secret (the record is then parsed anew, and
    /// the rules read the redacted text).
    @Test func theJSONTextIsReadOncePerRecord() throws {
        let finding = Self.anomaly(Self.oneSucceeded, apiForm: true)
        let document = try JSONParser.parse(Array(T.json(finding).utf8))
        var reads = JSONTextReads()
        _ = Normalizer().state.redactor.redact(document, root: document.root, reads: &reads)
        let service = try #require(document.member(document.root, "service"))
        let info = try #require(document.member(service, "additionalInfo"))
        let value = try #require(document.member(info, "value"))
        let read = try #require(reads.read(of: value) ?? nil, "redaction read the text")
        #expect(JSONTextMember.member(of: read, at: "anomalies.anomalousAPIs") == Self.oneSucceeded)
        // With a secret inside the text: the rules read the redacted text, and still find the calls.
        var secret = finding
        var secretService = secret["service"] as! [String: Any]
        secretService["additionalInfo"] = [
            "value": T.json(["anomalies": ["anomalousAPIs": Self.allDenied], "password": "hunter2"]),
            "type": "default",
        ]
        secret["service"] = secretService
        let redacted = try #require(T.event(secret))
        #expect(Self.action(redacted.udm) == "BLOCK")
        #expect(
            T.labels(redacted.udm, "security_result.0.detection_fields").contains { $0 == ("GetUser", "AccessDenied") })
        #expect(!T.json(redacted.udm).contains("hunter2"))
    }

    /// Policy:S3/BucketPublicAccessGranted as AWS's sample carries it, with an errorCode: public access
    /// was granted, so ALLOW; a type that does not say so with the same call stays BLOCK.
    @Test func typesThatSayTheActivityHappenedAreAllow() throws {
        func s3(_ type: String) -> [String: Any] {
            T.finding {
                $0["type"] = type
                $0["resource"] = [
                    "resourceType": "S3Bucket",
                    "accessKeyDetails": ["accessKeyId": "ASIAEXAMPLE", "userName": "alice", "userType": "IAMUser"],
                    "s3BucketDetails": [["name": "bucket", "arn": "arn:aws:s3:::bucket"]],
                ]
                var service = $0["service"] as! [String: Any]
                service["action"] = [
                    "actionType": "AWS_API_CALL",
                    "awsApiCallAction": [
                        "api": "PutBucketPublicAccessBlock", "serviceName": "s3.amazonaws.com",
                        "errorCode": "AccessDenied", "remoteIpDetails": ["ipAddressV4": "198.51.100.7"],
                    ] as [String: Any],
                ]
                $0["service"] = service
            }
        }
        for type in [
            "Policy:S3/BucketPublicAccessGranted", "Policy:S3/BucketBlockPublicAccessDisabled",
            "Stealth:S3/ServerAccessLoggingDisabled",
        ] {
            let result = try #require(T.event(s3(type)))
            #expect(Self.action(result.udm) == "ALLOW", "\(type)")
        }
        let nearMiss = try #require(T.event(s3("Discovery:S3/MaliciousIPCaller")))
        #expect(Self.action(nearMiss.udm) == "BLOCK")
    }

    // MARK: Tactics

    /// ATT&CK's tactic ids, by the names GuardDuty's threat purposes use (the test's own table).
    static let statedTactics: [String: (id: String, name: String)] = [
        "CredentialAccess": ("TA0006", "Credential Access"), "DefenseEvasion": ("TA0005", "Defense Evasion"),
        "Discovery": ("TA0007", "Discovery"), "Execution": ("TA0002", "Execution"),
        "Exfiltration": ("TA0010", "Exfiltration"), "Impact": ("TA0040", "Impact"),
        "InitialAccess": ("TA0001", "Initial Access"), "Persistence": ("TA0003", "Persistence"),
        "PrivilegeEscalation": ("TA0004", "Privilege Escalation"),
    ]

    @Test func theStatedTacticIsKept() throws {
        let exfiltration = try #require(T.event(T.finding { $0["type"] = "Exfiltration:S3/MaliciousIPCaller" }))
        #expect(T.value(exfiltration.udm, "security_result.0.attack_details.tactics.0.id") as? String == "TA0010")
        #expect(
            T.value(exfiltration.udm, "security_result.0.attack_details.tactics.0.name") as? String == "Exfiltration")
        #expect(T.value(exfiltration.udm, "security_result.0.attack_details.techniques.0.id") as? String == "T1530")
        // Near miss: a purpose that is no tactic's name keeps the technique's tactic.
        let backdoor = try #require(T.event(T.finding { $0["type"] = "Backdoor:EC2/C&CActivity.B" }))
        #expect(T.value(backdoor.udm, "security_result.0.attack_details.tactics.0.id") as? String == "TA0011")
        let brute = try #require(T.event(T.finding { $0["type"] = "UnauthorizedAccess:EC2/SSHBruteForce" }))
        #expect(T.value(brute.udm, "security_result.0.attack_details.tactics.0.id") as? String == "TA0006")
    }

    // MARK: Every finding type

    /// Words in a finding type's name that say the activity happened (the issue's rule, written
    /// independently of the table's list).
    static let happenedWords = [
        "Granted", "Disabled", "Modified", "Modification", "Change", "Success", "Accessed", "RoleCreated",
        "BindingCreated", "Deployed", "ObjectRead", "ObjectDelete",
    ]

    /// Every type of guardduty-finding-types.tsv (AWS documentation, read where it lies, not
    /// vendored: its licence is not one the package ships): the stated tactic, and the action rule for
    /// all-denied, one-success and denied-and-failed calls. Skipped, visibly, without ../shared.
    @Test(.enabled(if: PackagePaths.hasShared, "../shared/reference is not beside the package"))
    func everyCatalogueTypeFollowsTheActionAndTacticRules() throws {
        let entries = try T.catalogue()
        #expect(entries.count >= 200)
        var problems: [String] = []
        var checkedHappened = 0
        for entry in entries {
            let purpose = String(entry.type.prefix { $0 != ":" })
            let name = String(entry.type.drop { $0 != "/" })
            let happened = Self.happenedWords.contains { name.contains($0) }
            if happened { checkedHappened += 1 }
            for (apis, expected) in [
                (Self.allDenied, "BLOCK"), (Self.oneSucceeded, "ALLOW"), (Self.deniedAndFailed, "FAIL"),
                (Self.deniedDifferently, "BLOCK"), (Self.deniedDifferentlyAndThrottled, "FAIL"),
            ] {
                var (finding, _) = T.finding(for: entry)
                var service = finding["service"] as! [String: Any]
                service["additionalInfo"] = ["anomalies": ["anomalousAPIs": apis]]
                finding["service"] = service
                let hasBlockedFlag = T.json(service).contains("\"blocked\"")
                guard let result = T.event(finding) else { continue }
                let action = Self.action(result.udm)
                let want = hasBlockedFlag ? "ALLOW" : happened ? "ALLOW" : expected
                if action != want {
                    problems.append("\(entry.type) with \(apis): \(action ?? "none"), expected \(want)")
                }
                if let stated = Self.statedTactics[purpose] {
                    let id = T.value(result.udm, "security_result.0.attack_details.tactics.0.id") as? String
                    let tacticName = T.value(result.udm, "security_result.0.attack_details.tactics.0.name") as? String
                    if id != stated.id || tacticName != stated.name {
                        problems.append("\(entry.type): tactic \(id ?? "none") \(tacticName ?? ""), expected \(stated)")
                    }
                }
            }
        }
        #expect(checkedHappened >= 25)
        #expect(problems.isEmpty, "\(problems.count) problems:\n\(problems.prefix(40).joined(separator: "\n"))")
    }
}
