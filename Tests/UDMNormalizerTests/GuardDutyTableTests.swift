import Foundation
import Testing

@testable import UDMNormalizer

/// The GuardDuty tables (Mappings/guardduty*.map) through the library: severity bands at every
/// edge, categories for every threat purpose, an event type for every finding type of the catalogue,
/// who-is-who placement, sample labelling, lenient inputs, PascalCase and envelopes.
@Suite struct GuardDutyTableTests {
    // MARK: Helpers

    /// A minimal complete finding: an SSH brute force on an instance. `edit` changes it before use.
    static func finding(_ edit: (inout [String: Any]) -> Void = { _ in }) -> [String: Any] {
        var finding: [String: Any] = [
            "schemaVersion": "2.0", "accountId": "111122223333", "region": "us-east-1", "partition": "aws",
            "id": "0123456789abcdef0123456789abcdef",
            "arn": "arn:aws:guardduty:us-east-1:111122223333:detector/abc/finding/0123456789abcdef0123456789abcdef",
            "type": "UnauthorizedAccess:EC2/SSHBruteForce", "severity": 2,
            "createdAt": "2026-03-02T08:00:00.000Z", "updatedAt": "2026-03-02T09:00:00.000Z",
            "title": "t", "description": "d",
            "resource": [
                "resourceType": "Instance",
                "instanceDetails": [
                    "instanceId": "i-0123456789abcdef0", "availabilityZone": "us-east-1a",
                    "networkInterfaces": [["privateIpAddress": "10.0.0.5", "publicIp": "203.0.113.5"]],
                    "tags": [["key": "Name", "value": "web-1"]],
                ] as [String: Any],
            ] as [String: Any],
            "service": [
                "serviceName": "guardduty", "detectorId": "abc", "archived": false, "count": 1,
                "eventFirstSeen": "2026-03-02T08:00:00.000Z", "eventLastSeen": "2026-03-02T08:59:00.000Z",
                "additionalInfo": [String: Any](),
                "action": [
                    "actionType": "NETWORK_CONNECTION",
                    "networkConnectionAction": [
                        "connectionDirection": "INBOUND", "blocked": false, "protocol": "TCP",
                        "localIpDetails": ["ipAddressV4": "10.0.0.5"],
                        "localPortDetails": ["port": 22, "portName": "SSH"],
                        "remoteIpDetails": [
                            "ipAddressV4": "198.51.100.7", "city": ["cityName": "Berlin"],
                            "country": ["countryName": "Germany"],
                            "geoLocation": ["lat": 52.52, "lon": 13.4],
                            "organization": [
                                "asn": "64496", "asnOrg": "EXAMPLE", "isp": "Example ISP", "org": "Example ISP",
                            ],
                        ] as [String: Any],
                        "remotePortDetails": ["port": 50000, "portName": "Unknown"],
                    ] as [String: Any],
                ] as [String: Any],
            ] as [String: Any],
        ]
        edit(&finding)
        return finding
    }

    static func json(_ value: Any) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
    }

    static func normalize(_ text: String) -> NormalizationOutcome {
        Normalizer().normalize(record: Array(text.utf8))
    }

    /// The finding's UDM event (as a JSON object) and the event itself; records an issue when it does not normalize.
    static func event(_ finding: [String: Any], sourceLocation: SourceLocation = #_sourceLocation) -> (
        udm: [String: Any], event: UDMEvent
    )? {
        switch normalize(json(finding)) {
        case .normalized(let event):
            let object = (try? JSONSerialization.jsonObject(with: Data(event.json.utf8))) as? [String: Any] ?? [:]
            return (object, event)
        case .failed(let reason):
            Issue.record("failed: \(reason)", sourceLocation: sourceLocation)
        case .skipped(let reason):
            Issue.record("skipped: \(reason)", sourceLocation: sourceLocation)
        }
        return nil
    }

    /// The value at a dotted path; numeric components index arrays (`security_result.0.severity`).
    static func value(_ object: Any, _ path: String) -> Any? {
        var current: Any? = object
        for part in path.split(separator: ".") {
            if let array = current as? [Any], let index = Int(part) {
                current = index < array.count ? array[index] : nil
            } else {
                current = (current as? [String: Any])?[String(part)]
            }
        }
        return current
    }

    static func labels(_ object: Any, _ path: String) -> [(String, String)] {
        ((value(object, path) as? [[String: Any]]) ?? []).map {
            ($0["key"] as? String ?? "", $0["value"] as? String ?? "")
        }
    }

    static func setPath(_ finding: inout [String: Any], _ path: [String], _ newValue: Any?) {
        guard let first = path.first else { return }
        if path.count == 1 {
            finding[first] = newValue
            return
        }
        var child = finding[first] as? [String: Any] ?? [:]
        setPath(&child, Array(path.dropFirst()), newValue)
        finding[first] = child
    }

    // MARK: Severity

    /// A finding whose severity is written exactly as `text` (a JSON number literal, or any JSON value).
    static func withSeverity(_ text: String) -> String {
        json(finding()).replacingOccurrences(of: #""severity":2"#, with: #""severity":\#(text)"#)
    }

    /// The half-open bands at every edge, the severity written as GuardDuty writes it (a JSON number).
    @Test(arguments: [
        ("0", "INFORMATIONAL"), ("0.9", "INFORMATIONAL"), ("1", "LOW"), ("1.0", "LOW"), ("3.9", "LOW"), ("3.95", "LOW"),
        ("4", "MEDIUM"), ("4.0", "MEDIUM"), ("6.95", "MEDIUM"), ("7", "HIGH"), ("8.95", "HIGH"), ("9", "CRITICAL"),
        ("10", "CRITICAL"),
    ])
    func severityBands(_ severity: String, _ expected: String) throws {
        guard case .normalized(let event) = Self.normalize(Self.withSeverity(severity)) else {
            Issue.record("severity \(severity): did not normalize")
            return
        }
        let udm = try JSONSerialization.jsonObject(with: Data(event.json.utf8))
        #expect(Self.value(udm, "security_result.0.severity") as? String == expected, "severity \(severity)")
        #expect(
            Self.value(udm, "security_result.0.severity_details") as? String == severity,
            "the number is kept as written")
        #expect(!Self.labels(udm, "security_result.0.detection_fields").contains { $0.0 == "severity_note" })
        #expect(event.diagnostics.isEmpty, "\(event.diagnostics)")
    }

    /// The number is kept exactly as GuardDuty wrote it (integer findings stay "8", decimals keep their digits).
    @Test func severityDetailsKeepTheNumberAsWritten() throws {
        for text in ["8", "3.95", "8.0"] {
            guard case .normalized(let event) = Self.normalize(Self.withSeverity(text)) else {
                Issue.record("did not normalize")
                continue
            }
            let udm = try JSONSerialization.jsonObject(with: Data(event.json.utf8))
            #expect(Self.value(udm, "security_result.0.severity_details") as? String == text)
        }
    }

    /// Above the documented 0-10 scale: still CRITICAL, with a diagnostic (the table's @check); 10 itself has none.
    @Test func severityAboveTenIsCriticalAndNoted() throws {
        let result = try #require(Self.event(Self.finding { $0["severity"] = 10.5 }))
        #expect(Self.value(result.udm, "security_result.0.severity") as? String == "CRITICAL")
        #expect(
            result.event.diagnostics.map(\.message) == ["severity above the documented 0-10 scale (kept as CRITICAL)"])
        #expect(result.event.diagnostics.first?.rule?.file == "guardduty.map")
        let ten = try #require(Self.event(Self.finding { $0["severity"] = 10 }))
        #expect(ten.event.diagnostics.isEmpty)
        let negative = try #require(Self.event(Self.finding { $0["severity"] = -2 }))
        #expect(Self.value(negative.udm, "security_result.0.severity") as? String == "INFORMATIONAL")
    }

    @Test func severityAsTextOrNotANumber() throws {
        let text = try #require(Self.event(Self.finding { $0["severity"] = "7.5" }))
        #expect(Self.value(text.udm, "security_result.0.severity") as? String == "HIGH")
        let garbage = try #require(Self.event(Self.finding { $0["severity"] = "high" }))
        #expect(Self.value(garbage.udm, "security_result.0.severity") as? String == "UNKNOWN_SEVERITY")
    }

    // MARK: Categories

    /// Every threat purpose of the finding catalogue has a category other than UNKNOWN_CATEGORY,
    /// and so do the purposes seen in the corpus; an unknown purpose gets the explicit default.
    @Test(.enabled(if: PackagePaths.hasShared, "../shared/reference is not beside the package"))
    func everyThreatPurposeHasACategory() throws {
        let types = try Self.catalogue().map(\.type)
        let purposes = Set(types.map { String($0.prefix { $0 != ":" }) }).union([
            "Object", "S3Object", "AttackSequence", "DefenseImpairment", "ResourceConsumption",
        ])
        #expect(purposes.count >= 23)
        for purpose in purposes.sorted() {
            let result = try #require(Self.event(Self.finding { $0["type"] = "\(purpose):EC2/Example" }))
            let categories = Self.value(result.udm, "security_result.0.category") as? [String] ?? []
            #expect(!categories.isEmpty && categories[0] != "UNKNOWN_CATEGORY", "\(purpose): \(categories)")
            #expect(Self.value(result.udm, "security_result.0.category_details") as? [String] == [purpose])
        }
        let canary = try #require(Self.event(Self.finding { $0["type"] = "Canary:EC2/Stateless.IntegTest" }))
        #expect(Self.value(canary.udm, "security_result.0.category") as? [String] == ["UNKNOWN_CATEGORY"])
        let unknown = try #require(Self.event(Self.finding { $0["type"] = "NewPurpose:EC2/Something" }))
        #expect(Self.value(unknown.udm, "security_result.0.category") as? [String] == ["UNKNOWN_CATEGORY"])
    }

    @Test func theMostSpecificCategoryWins() throws {
        let result = try #require(Self.event(Self.finding { $0["type"] = "Backdoor:EC2/C&CActivity.B" }))
        #expect(
            Self.value(result.udm, "security_result.0.category") as? [String] == ["NETWORK_COMMAND_AND_CONTROL"],
            "the family, not the purpose's SOFTWARE_MALICIOUS")
        #expect(Self.value(result.udm, "security_result.0.attack_details.tactics.0.id") as? String == "TA0011")
        #expect(
            Self.value(result.udm, "security_result.0.attack_details.techniques.0.name") as? String
                == "Application Layer Protocol")
    }

    // MARK: Every finding type

    struct CatalogueEntry: Sendable, CustomStringConvertible {
        var type: String, resourceType: String, actionType: String
        var description: String { type }
    }

    /// guardduty-finding-types.tsv: finding type, resource type, action type.
    static func catalogue() throws -> [CatalogueEntry] {
        let text = try PackagePaths.read(PackagePaths.reference.appendingPathComponent("guardduty-finding-types.tsv"))
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 4 else { return nil }
            return CatalogueEntry(type: columns[0], resourceType: columns[2], actionType: columns[3])
        }
    }

    /// A realistic finding for a catalogue entry: the action, runtime or scan object its row names,
    /// with the nouns that object's event type needs, on the resource its row names.
    static func finding(for entry: CatalogueEntry) -> (finding: [String: Any], expected: Set<String>) {
        let resourceWord = String(entry.resourceType.prefix { $0.isLetter || $0.isNumber })
        let resourceType = ["unknown": "AccessKey"][resourceWord] ?? resourceWord
        var resource: [String: Any] = ["resourceType": resourceType]
        let instance: [String: Any] = [
            "instanceId": "i-0123456789abcdef0", "networkInterfaces": [["privateIpAddress": "10.0.0.5"]],
        ]
        switch resourceType {
        case "Instance", "Container", "ECSCluster", "EKSCluster": resource["instanceDetails"] = instance
        default: break
        }
        switch resourceType {
        case "AccessKey":
            resource["accessKeyDetails"] = [
                "accessKeyId": "AKIAEXAMPLE", "principalId": "AIDAEXAMPLE", "userName": "alice", "userType": "IAMUser",
            ]
        case "S3Bucket": resource["s3BucketDetails"] = [["name": "bucket", "arn": "arn:aws:s3:::bucket"]]
        case "S3Object":
            resource["s3BucketDetails"] = [
                [
                    "name": "bucket",
                    "s3ObjectDetails": [["key": "a/b.exe", "hash": String(repeating: "ab", count: 32)]],
                ]
            ]
        case "EKSCluster":
            resource["eksClusterDetails"] = ["name": "prod", "arn": "arn:aws:eks:us-east-1:111122223333:cluster/prod"]
        case "ECSCluster":
            resource["ecsClusterDetails"] = ["name": "prod", "arn": "arn:aws:ecs:us-east-1:111122223333:cluster/prod"]
        case "Container": resource["containerDetails"] = ["id": "c0ffee", "name": "app", "image": "app:1"]
        case "RDSDBInstance": resource["rdsDbInstanceDetails"] = ["dbInstanceIdentifier": "db-1", "engine": "postgres"]
        case "Lambda":
            resource["lambdaDetails"] = [
                "functionName": "fn", "functionArn": "arn:aws:lambda:us-east-1:111122223333:function:fn",
            ]
        case "EC2Image": resource["ec2ImageDetails"] = ["imageArn": "arn:aws:ec2:us-east-1:111122223333:image/ami-0123"]
        case "EBSSnapshot":
            resource["ebsSnapshotDetails"] = ["snapshotArn": "arn:aws:ec2:us-east-1:111122223333:snapshot/snap-0123"]
        case "RecoveryPoint":
            resource["recoveryPointDetails"] = [
                "recoveryPointArn": "arn:aws:backup:us-east-1:111122223333:recovery-point:0123",
                "backupVaultName": "vault",
            ]
        default: break
        }
        let remote: [String: Any] = ["ipAddressV4": "198.51.100.7", "country": ["countryName": "Germany"]]
        var service: [String: Any] = [
            "serviceName": "guardduty", "detectorId": "abc", "archived": false, "count": 1,
            "additionalInfo": [String: Any](),
        ]
        var expected: Set<String>
        let action = entry.actionType
        if action.hasPrefix("NETWORK_CONNECTION") {
            service["action"] = [
                "actionType": "NETWORK_CONNECTION",
                "networkConnectionAction": [
                    "connectionDirection": "OUTBOUND", "protocol": "TCP", "blocked": false,
                    "localIpDetails": ["ipAddressV4": "10.0.0.5"], "remoteIpDetails": remote,
                    "remotePortDetails": ["port": 443],
                ] as [String: Any],
            ]
            expected = ["NETWORK_CONNECTION"]
        } else if action.hasPrefix("DNS_REQUEST") {
            service["action"] = [
                "actionType": "DNS_REQUEST",
                "dnsRequestAction": ["domain": "bad.example.com", "protocol": "UDP", "blocked": false],
            ]
            expected = ["NETWORK_DNS"]
        } else if action.hasPrefix("PORT_PROBE") {
            service["action"] = [
                "actionType": "PORT_PROBE",
                "portProbeAction": [
                    "blocked": false,
                    "portProbeDetails": [
                        ["localPortDetails": ["port": 22], "remoteIpDetails": remote]
                    ],
                ] as [String: Any],
            ]
            expected = ["SCAN_NETWORK"]
        } else if action.hasPrefix("AWS_API_CALL") {
            if resource["accessKeyDetails"] == nil {
                resource["accessKeyDetails"] = [
                    "accessKeyId": "AKIAEXAMPLE", "userName": "alice", "userType": "IAMUser",
                ]
            }
            service["action"] = [
                "actionType": "AWS_API_CALL",
                "awsApiCallAction": ["api": "GetObject", "serviceName": "s3.amazonaws.com", "remoteIpDetails": remote]
                    as [String: Any],
            ]
            expected = ["USER_RESOURCE_ACCESS"]
        } else if action.hasPrefix("KUBERNETES_API_CALL") {
            resource["kubernetesDetails"] = ["kubernetesUserDetails": ["username": "system:anonymous"]]
            service["action"] = [
                "actionType": "KUBERNETES_API_CALL",
                "kubernetesApiCallAction": ["requestUri": "/api/v1/pods", "verb": "list", "remoteIpDetails": remote]
                    as [String: Any],
            ]
            expected = ["USER_RESOURCE_ACCESS"]
        } else if action.hasPrefix("RDS_LOGIN_ATTEMPT") {
            resource["rdsDbUserDetails"] = ["user": "admin", "authMethod": "PASSWORD"]
            if resource["rdsDbInstanceDetails"] == nil {
                resource["rdsDbInstanceDetails"] = ["dbInstanceIdentifier": "db-1", "engine": "postgres"]
            }
            service["action"] = [
                "actionType": "RDS_LOGIN_ATTEMPT",
                "rdsLoginAttemptAction": [
                    "remoteIpDetails": remote,
                    "loginAttributes": [
                        [
                            "user": "admin", "application": "psql", "failedLoginAttempts": 5,
                            "successfulLoginAttempts": 0,
                        ]
                    ],
                ] as [String: Any],
            ]
            expected = ["USER_LOGIN"]
        } else if action.contains("runtimeDetails") {
            service["runtimeDetails"] = [
                "process": [
                    "name": "x", "executablePath": "/tmp/x", "pid": 42, "user": "root",
                    "lineage": [["name": "sh", "pid": 41, "executablePath": "/bin/sh"]],
                ] as [String: Any],
                "context": [
                    "targetProcess": ["name": "y", "pid": 43], "libraryPath": "/tmp/lib.so",
                    "moduleFilePath": "/tmp/m.ko",
                    "socketPath": "/var/run/docker.sock", "releaseAgentPath": "/sys/fs/cgroup/release_agent",
                    "runcBinaryPath": "/usr/bin/runc", "mountSource": "/",
                ],
            ]
            expected = [
                "PROCESS_LAUNCH", "PROCESS_UNCATEGORIZED", "PROCESS_INJECTION", "PROCESS_MODULE_LOAD",
                "PROCESS_PRIVILEGE_ESCALATION",
                "FILE_OPEN", "FILE_MODIFICATION", "FILE_UNCATEGORIZED",
            ]
        } else if action.contains("ebsVolumeScanDetails") {
            resource["instanceDetails"] = instance
            service["ebsVolumeScanDetails"] = [
                "scanId": "s",
                "scanDetections": [
                    "threatDetectedByName": [
                        "threatNames": [
                            [
                                "name": "EICAR-Test-File",
                                "filePaths": [
                                    ["filePath": "/tmp/eicar.com", "hash": String(repeating: "cd", count: 32)]
                                ],
                            ]
                        ]
                    ]
                ],
            ]
            expected = ["SCAN_FILE"]
        } else if action.contains("malwareScanDetails") {
            service["malwareScanDetails"] = [
                "threats": [["name": "EICAR-Test-File", "hash": String(repeating: "ef", count: 32)]]
            ]
            expected = ["SCAN_UNCATEGORIZED"]
        } else if action.contains("service.detection.sequence") {
            resource = ["resourceType": "AttackSequence"]
            service["detection"] = ["sequence": ["uid": "seq-1", "signals": [["name": "x", "type": "FINDING"]]]]
            expected = ["GENERIC_EVENT"]
        } else {
            expected = ["GENERIC_EVENT"]
        }
        let finding: [String: Any] = [
            "schemaVersion": "2.0", "accountId": "111122223333", "region": "us-east-1", "id": "f1",
            "arn": "arn:aws:guardduty:us-east-1:111122223333:detector/abc/finding/f1",
            "type": entry.type, "severity": 5, "createdAt": "2026-03-02T08:00:00Z", "updatedAt": "2026-03-02T09:00:00Z",
            "title": entry.type, "description": entry.type, "resource": resource, "service": service,
        ]
        return (finding, expected)
    }

    /// Every finding type of the catalogue (guardduty-finding-types.tsv) normalizes to the event type
    /// its action / runtime / scan object calls for, keeps it (all required fields present), and is
    /// valid UDM by the independent oracle.
    @Test(.enabled(if: PackagePaths.hasShared, "../shared/reference is not beside the package"))
    func everyCatalogueTypeIsClassified() throws {
        let oracle = try UDMOracle()
        let entries = try Self.catalogue()
        #expect(entries.count >= 200)
        var problems: [String] = []
        for entry in entries {
            let (finding, expected) = Self.finding(for: entry)
            guard let result = Self.event(finding) else {
                problems.append("\(entry.type): did not normalize")
                continue
            }
            let type = result.event.eventType.rawValue
            if !expected.contains(type) {
                problems.append("\(entry.type) (\(entry.actionType)): \(type), expected \(expected.sorted())")
            }
            if let downgrade = result.event.downgrade { problems.append("\(entry.type): downgraded: \(downgrade)") }
            problems += result.event.diagnostics.map { "\(entry.type): \($0)" }
            problems += oracle.problems(inEventJSON: result.event.json).map { "\(entry.type): \($0)" }
            problems += oracle.unmetRequirements(inEventJSON: result.event.json).map { "\(entry.type): requires \($0)" }
            let categories = Self.value(result.udm, "security_result.0.category") as? [String] ?? []
            if categories.first == "UNKNOWN_CATEGORY" { problems.append("\(entry.type): UNKNOWN_CATEGORY") }
        }
        #expect(problems.isEmpty, "\(problems.count) problems:\n\(problems.prefix(40).joined(separator: "\n"))")
    }

    @Test func runtimeTypesPlaceTheProcessByWhatItDid() throws {
        func runtime(_ type: String) throws -> [String: Any] {
            let entry = CatalogueEntry(
                type: type, resourceType: "Instance", actionType: "none (service.runtimeDetails.process/context)")
            return try #require(Self.event(Self.finding(for: entry).finding)).udm
        }
        let launched = try runtime("Execution:Runtime/NewBinaryExecuted")
        #expect(Self.value(launched, "metadata.event_type") as? String == "PROCESS_LAUNCH")
        #expect(Self.value(launched, "target.process.pid") as? String == "42")
        #expect(Self.value(launched, "principal.process.pid") as? String == "41", "the parent launched it")
        let injection = try runtime("DefenseEvasion:Runtime/ProcessInjection.Proc")
        #expect(Self.value(injection, "metadata.event_type") as? String == "PROCESS_INJECTION")
        #expect(Self.value(injection, "principal.process.pid") as? String == "42", "the observed process injected")
        #expect(Self.value(injection, "target.process.pid") as? String == "43")
        let module = try runtime("Execution:Runtime/NewLibraryLoaded")
        #expect(Self.value(module, "metadata.event_type") as? String == "PROCESS_MODULE_LOAD")
        #expect(Self.value(module, "target.process.file.full_path") as? String == "/tmp/lib.so")
        let escalation = try runtime("PrivilegeEscalation:Runtime/ElevationToRoot")
        #expect(Self.value(escalation, "metadata.event_type") as? String == "PROCESS_PRIVILEGE_ESCALATION")
        #expect(Self.value(escalation, "principal.user.userid") as? String == "root")
    }

    @Test func unknownTypesStillNormalize() throws {
        let bare = try #require(
            Self.event(
                Self.finding {
                    $0["type"] = "Future:Thing/NeverSeen"
                    var service = $0["service"] as! [String: Any]
                    service["action"] = nil
                    $0["service"] = service
                }))
        #expect(bare.event.eventType == .genericEvent)
        #expect(bare.event.diagnostics.isEmpty)
        let withAction = try #require(Self.event(Self.finding { $0["type"] = "Future:EC2/NeverSeen" }))
        #expect(withAction.event.eventType == .networkConnection, "the action kind classifies an unknown type")
        let noActionType = try #require(
            Self.event(
                Self.finding {
                    Self.setPath(&$0, ["service", "action", "actionType"], nil)
                }))
        #expect(
            noActionType.event.eventType == .networkConnection,
            "the action object classifies when actionType is missing")
    }

    // MARK: Who is who

    @Test func networkConnectionPlacement() throws {
        let result = try #require(Self.event(Self.finding()))
        let udm = result.udm
        #expect(result.event.eventType == .networkConnection)
        #expect(Self.value(udm, "network.direction") as? String == "INBOUND")
        #expect(Self.value(udm, "network.ip_protocol") as? String == "TCP")
        #expect(
            Self.value(udm, "principal.ip") as? [String] == ["198.51.100.7"],
            "inbound: the remote side is the principal")
        #expect(Self.value(udm, "principal.port") as? Int == 50000)
        #expect(
            Self.value(udm, "target.ip") as? [String] == ["10.0.0.5", "203.0.113.5"],
            "the instance's local and public address")
        #expect(Self.value(udm, "target.port") as? Int == 22)
        #expect(
            Self.value(udm, "principal.location.city") as? String == "Berlin", "the remote geography on the remote noun"
        )
        #expect(Self.value(udm, "principal.location.country_or_region") as? String == "Germany")
        #expect(Self.value(udm, "principal.location.region_coordinates.latitude") as? Double == 52.52)
        #expect(Self.value(udm, "principal.location.region_latitude") == nil, "not the deprecated field")
        #expect(Self.value(udm, "additional.asn") as? String == "64496")
        #expect(Self.value(udm, "additional.isp") as? String == "Example ISP")
        #expect(Self.value(udm, "security_result.0.action") as? [String] == ["ALLOW"])
        #expect(Self.value(udm, "target.resource.product_object_id") as? String == "i-0123456789abcdef0")
        #expect(Self.value(udm, "target.resource.resource_type") as? String == "VIRTUAL_MACHINE")
        #expect(Self.value(udm, "target.resource.resource_subtype") as? String == "Instance")
        #expect(
            Self.labels(udm, "target.asset.attribute.labels").contains { $0 == ("Name", "web-1") },
            "tags as key/value labels")
        #expect(Self.value(udm, "metadata.event_timestamp") as? String == "2026-03-02T09:00:00.000Z")
        #expect(Self.value(udm, "security_result.0.first_discovered_time") as? String == "2026-03-02T08:00:00.000Z")
        #expect(Self.value(udm, "security_result.0.last_discovered_time") as? String == "2026-03-02T08:59:00.000Z")
        let outbound = try #require(
            Self.event(
                Self.finding {
                    Self.setPath(
                        &$0, ["service", "action", "networkConnectionAction", "connectionDirection"], "OUTBOUND")
                    Self.setPath(&$0, ["service", "action", "networkConnectionAction", "blocked"], true)
                }))
        #expect(Self.value(outbound.udm, "network.direction") as? String == "OUTBOUND")
        #expect(Self.value(outbound.udm, "security_result.0.action") as? [String] == ["BLOCK"])
    }

    @Test func apiCallerIsThePrincipal() throws {
        let entry = CatalogueEntry(
            type: "Recon:IAMUser/TorIPCaller", resourceType: "AccessKey", actionType: "AWS_API_CALL")
        var finding = Self.finding(for: entry).finding
        Self.setPath(
            &finding, ["resource", "instanceDetails"],
            ["instanceId": "i-0abc", "networkInterfaces": [["privateIpAddress": "10.0.0.9"]]])
        let udm = try #require(Self.event(finding)).udm
        #expect(Self.value(udm, "principal.user.userid") as? String == "AKIAEXAMPLE")
        #expect(Self.value(udm, "principal.user.user_display_name") as? String == "alice")
        #expect(
            Self.value(udm, "principal.ip") as? [String] == ["198.51.100.7"], "the caller's address is the principal's")
        #expect(Self.value(udm, "principal.location.country_or_region") as? String == "Germany")
        #expect(Self.value(udm, "principal.application") as? String == "GetObject")
        #expect(Self.value(udm, "target.application") as? String == "s3.amazonaws.com")
        #expect(Self.value(udm, "target.asset.ip") as? [String] == ["10.0.0.9"], "the instance is acted on")
        #expect(Self.value(udm, "target.resource.resource_type") as? String == "CREDENTIAL")
        #expect(Self.value(udm, "security_result.0.category") as? [String] == ["TOR_EXIT_NODE"])
    }

    @Test func rdsLoginIsAUserLogin() throws {
        let entry = CatalogueEntry(
            type: "CredentialAccess:RDS/MaliciousIPCaller.FailedLogin", resourceType: "RDSDBInstance",
            actionType: "RDS_LOGIN_ATTEMPT")
        let result = try #require(Self.event(Self.finding(for: entry).finding))
        #expect(result.event.eventType == .userLogin)
        #expect(Self.value(result.udm, "target.user.userid") as? String == "admin")
        #expect(Self.value(result.udm, "target.application") as? String == "postgres")
        #expect(Self.value(result.udm, "extensions.auth.type") as? String == "AUTHTYPE_UNSPECIFIED")
        #expect(Self.value(result.udm, "extensions.auth.mechanism") as? [String] == ["USERNAME_PASSWORD"])
        #expect(Self.value(result.udm, "security_result.0.action") as? [String] == ["BLOCK"])
        #expect(Self.value(result.udm, "target.resource.resource_type") as? String == "DATABASE")
    }

    // MARK: Samples, lenient input, shapes

    @Test func sampleFindingsAreLabelled() throws {
        func sampleLabel(_ additionalInfo: [String: Any]) throws -> [(String, String)] {
            let udm = try #require(
                Self.event(Self.finding { Self.setPath(&$0, ["service", "additionalInfo"], additionalInfo) })
            ).udm
            return Self.labels(udm, "security_result.0.about.labels").filter { $0.0 == "Sample" }
        }
        #expect(try sampleLabel(["sample": true]).map(\.1) == ["true"])
        #expect(try sampleLabel(["sample": "true"]).map(\.1) == ["true"], "a boolean written as a string")
        #expect(try sampleLabel(["value": #"{"sample":true}"#, "type": "default"]).map(\.1) == ["true"], "API form")
        #expect(
            try sampleLabel(["value": #"{"threatListName":"ProofPoint","sample": true}"#, "type": "default"]).map(\.1)
                == ["true"], "API form with more keys")
        #expect(try sampleLabel(["value": #"{"sample":false}"#, "type": "default"]).isEmpty)
        #expect(try sampleLabel(["sample": false]).isEmpty)
        #expect(try sampleLabel([:]).isEmpty)
    }

    /// The lenient cases of the corpus (SOURCES.md): booleans as strings, Python-style timestamps,
    /// launchTime as epoch milliseconds, organization.asn as an integer.
    @Test func lenientValuesAreAccepted() throws {
        let result = try #require(
            Self.event(
                Self.finding {
                    $0["updatedAt"] = "2017-12-18 21:28:11.551000+05:30"
                    Self.setPath(&$0, ["service", "action", "networkConnectionAction", "blocked"], "false")
                    Self.setPath(
                        &$0,
                        ["service", "action", "networkConnectionAction", "remoteIpDetails", "organization", "asn"],
                        17877)
                    Self.setPath(&$0, ["resource", "instanceDetails", "launchTime"], 1_497_058_274_000)
                }))
        #expect(result.event.diagnostics.isEmpty, "\(result.event.diagnostics)")
        #expect(Self.value(result.udm, "metadata.event_timestamp") as? String == "2017-12-18T15:58:11.551000Z")
        #expect(Self.value(result.udm, "security_result.0.action") as? [String] == ["ALLOW"])
        #expect(Self.value(result.udm, "additional.asn") as? String == "17877")
        #expect(Self.value(result.udm, "target.asset.attribute.creation_time") as? String == "2017-06-10T01:31:14Z")
    }

    @Test func findingWithoutUpdatedAtFailsSayingSo() {
        var finding = Self.finding()
        finding["updatedAt"] = nil
        guard case .failed(let reason) = Self.normalize(Self.json(finding)) else {
            Issue.record("expected a failure")
            return
        }
        #expect(reason.kind == .noEventTime)
        #expect(reason.detail == "no event time: updatedAt is missing")
    }

    static func pascal(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            return Dictionary(
                uniqueKeysWithValues: object.map {
                    ($0.key.prefix(1).uppercased() + $0.key.dropFirst(), pascal($0.value))
                })
        }
        if let array = value as? [Any] { return array.map(pascal) }
        return value
    }

    /// AWS CLI / boto3 output is PascalCase: the same finding gives the same event.
    @Test func pascalCaseGivesTheSameEvent() throws {
        let finding = Self.finding()
        let camel = try #require(Self.event(finding))
        let upper = try #require(Self.event(Self.pascal(finding) as! [String: Any]))
        #expect(NSDictionary(dictionary: camel.udm) == NSDictionary(dictionary: upper.udm))
    }

    /// The same for every bare finding of the golden samples, except what is copied with its keys as
    /// the finding spells them: `additional` objects, the labels flattened from additionalInfo and
    /// the ECS task's tags kept as one JSON label.
    @Test func pascalCaseGivesTheSameEventForEverySample() throws {
        let directory = PackagePaths.samples.appendingPathComponent("guardduty")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
            $0.hasSuffix(".json") && !$0.hasPrefix("eventbridge") && !$0.hasPrefix("aws-cli")
        }
        #expect(names.count >= 15)
        func comparable(_ udm: [String: Any]) -> NSDictionary {
            var udm = udm
            udm["additional"] = nil
            for noun in ["principal", "target"] {
                if var party = udm[noun] as? [String: Any], var resource = party["resource"] as? [String: Any],
                    var attribute = resource["attribute"] as? [String: Any],
                    let labels = attribute["labels"] as? [[String: Any]]
                {
                    attribute["labels"] = labels.filter { $0["key"] as? String != "taskTags" }
                    resource["attribute"] = attribute
                    party["resource"] = resource
                    udm[noun] = party
                }
            }
            if var results = udm["security_result"] as? [[String: Any]],
                var about = results.first?["about"] as? [String: Any]
            {
                about["resource"] = nil
                results[0]["about"] = about
                udm["security_result"] = results
            }
            return NSDictionary(dictionary: udm)
        }
        for name in names.sorted() {
            let finding = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent(name)))
                    as? [String: Any])
            let camel = try #require(Self.event(finding))
            let upper = try #require(Self.event(Self.pascal(finding) as! [String: Any]))
            #expect(comparable(camel.udm) == comparable(upper.udm), "\(name)")
            #expect(camel.event.eventType == upper.event.eventType, "\(name)")
        }
    }

    @Test func eventBridgeGuardDutyFindingIsUnwrapped() throws {
        let finding = Self.finding()
        let envelope: [String: Any] = [
            "version": "0", "id": "e1", "detail-type": "GuardDuty Finding", "source": "aws.guardduty",
            "account": "111122223333", "time": "2026-03-02T09:00:05Z", "region": "us-east-1", "resources": [String](),
            "detail": finding,
        ]
        var events: [String] = []
        Normalizer().normalize(input: Array(Self.json(envelope).utf8), source: "t") { record in
            if case .normalized(let event) = record.outcome { events.append(event.json) }
        }
        let bare = try #require(Self.event(finding))
        #expect(events == [bare.event.json])
        #expect(bare.event.logType == .guardDuty)
        #expect(bare.event.dedupeKey == "0123456789abcdef0123456789abcdef|2026-03-02T09:00:00.000Z")
    }

    @Test func findingsEnvelopesAreUnwrapped() {
        for key in ["findings", "Findings"] {
            let body = Self.json([key: [Self.finding(), Self.finding { $0["id"] = "second" }]])
            var types: [LogType] = []
            Normalizer().normalize(input: Array(body.utf8), source: "t") { record in
                if case .normalized(let event) = record.outcome { types.append(event.logType) }
            }
            #expect(types == [.guardDuty, .guardDuty], "\(key)")
        }
    }
}
