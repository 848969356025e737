import Foundation
import Testing

@testable import UDMNormalizer

/// Runtime Monitoring findings: the file the process touched, and the process, library and kernel
/// module each on its own noun (shapes of AWS's Runtime Monitoring finding documentation).
@Suite struct GuardDutyRuntimeTests {
    typealias T = GuardDutyTableTests

    static func runtime(_ type: String, context: [String: Any]) throws -> [String: Any] {
        var finding = T.finding {
            $0["type"] = type
            var service = $0["service"] as! [String: Any]
            service["action"] = nil
            service["runtimeDetails"] = [
                "process": [
                    "name": "x", "executablePath": "/tmp/x", "pid": 42, "user": "root",
                    "lineage": [["name": "sh", "pid": 41, "executablePath": "/bin/sh"]],
                ] as [String: Any],
                "context": context,
            ]
            $0["service"] = service
        }
        finding["severity"] = 8
        return try #require(T.event(finding)).udm
    }

    @Test func theTouchedFileIsTheTargetNotTheThreatIntelligencePath() throws {
        let socket = try Self.runtime(
            "PrivilegeEscalation:Runtime/DockerSocketAccessed",
            context: ["socketPath": "/var/run/docker.sock", "threatFilePath": "/tmp/x"])
        #expect(T.value(socket, "target.file.full_path") as? String == "/var/run/docker.sock")
        #expect(T.labels(socket, "security_result.0.detection_fields").contains { $0 == ("threatFilePath", "/tmp/x") })
        // Near miss: with no touched file, the threat-intelligence path is the file.
        let malicious = try Self.runtime(
            "Execution:Runtime/MaliciousFileExecuted", context: ["threatFilePath": "/tmp/evil"])
        #expect(T.value(malicious, "target.file.full_path") as? String == "/tmp/evil")
    }

    /// The about nouns of `udm` whose `kind` label is `kind`.
    static func nouns(_ udm: [String: Any], kind: String) -> [[String: Any]] {
        (T.value(udm, "about") as? [[String: Any]] ?? []).filter {
            T.labels($0, "labels").contains { $0 == ("kind", kind) }
        }
    }

    @Test func aLoadedLibraryOrModuleIsAnAboutFileOfItsKind() throws {
        let library = try Self.runtime(
            "Execution:Runtime/NewLibraryLoaded",
            context: ["libraryPath": "/tmp/lib.so", "targetProcess": ["name": "y", "pid": 43]])
        #expect(T.value(library, "metadata.event_type") as? String == "PROCESS_MODULE_LOAD", "the event type stays")
        #expect(T.value(library, "target.process.file.full_path") as? String == "/tmp/lib.so")
        #expect(T.value(library, "target.process.pid") == nil, "no other process merged into the module")
        let libraries = Self.nouns(library, kind: "library")
        #expect(libraries.count == 1)
        #expect(T.value(libraries.first ?? [:], "file.full_path") as? String == "/tmp/lib.so")
        #expect(Self.nouns(library, kind: "kernel_module").isEmpty, "no module where none was loaded")
        let module = try Self.runtime(
            "DefenseEvasion:Runtime/KernelModuleLoaded",
            context: ["moduleFilePath": "/lib/modules/rootkit.ko", "moduleName": "rootkit", "moduleSha256": "ab"])
        #expect(T.value(module, "metadata.event_type") as? String == "PROCESS_MODULE_LOAD")
        #expect(T.value(module, "target.process.file.full_path") as? String == "/lib/modules/rootkit.ko")
        let modules = Self.nouns(module, kind: "kernel_module")
        #expect(modules.count == 1)
        #expect(T.value(modules.first ?? [:], "file.full_path") as? String == "/lib/modules/rootkit.ko")
        #expect(T.value(modules.first ?? [:], "file.names") as? [String] == ["rootkit"])
        #expect(T.value(modules.first ?? [:], "file.sha256") as? String == "ab")
        #expect(Self.nouns(module, kind: "library").isEmpty)
        // Near miss: an injection names the process injected into; a library beside it is neither merged
        // into that process nor into its file, but a noun of its own.
        let injection = try Self.runtime(
            "DefenseEvasion:Runtime/ProcessInjection.Proc",
            context: [
                "libraryPath": "/tmp/lib.so",
                "targetProcess": ["name": "y", "pid": 43, "executablePath": "/usr/bin/y"],
            ])
        #expect(T.value(injection, "target.process.pid") as? String == "43")
        #expect(T.value(injection, "target.process.file.full_path") as? String == "/usr/bin/y")
        #expect(Self.nouns(injection, kind: "library").count == 1)
        // Both in one finding: two nouns, each with its own file.
        let both = try Self.runtime(
            "DefenseEvasion:Runtime/KernelModuleLoaded",
            context: ["libraryPath": "/tmp/lib.so", "moduleFilePath": "/lib/modules/m.ko", "moduleName": "m"])
        #expect(
            T.value(Self.nouns(both, kind: "library").first ?? [:], "file.names") == nil,
            "the module's name stays its own")
        #expect(
            T.value(Self.nouns(both, kind: "kernel_module").first ?? [:], "file.full_path") as? String
                == "/lib/modules/m.ko")
    }

    /// A Runtime Monitoring finding on an EKS pod, as AWS documents its resource (kubernetesDetails'
    /// workload, containerDetails of the container the process ran in).
    static func eksRuntime(resourceType: String = "EKSCluster") throws -> [String: Any] {
        var finding = T.finding {
            $0["type"] = "Execution:Runtime/NewBinaryExecuted"
            var service = $0["service"] as! [String: Any]
            service["action"] = nil
            service["runtimeDetails"] = ["process": ["name": "x", "executablePath": "/tmp/x", "pid": 42]]
            $0["service"] = service
            var resource: [String: Any] = [
                "resourceType": resourceType,
                "eksClusterDetails": [
                    "name": "orders-prod", "arn": "arn:aws:eks:us-east-1:111122223333:cluster/orders-prod",
                ],
                "kubernetesDetails": [
                    "kubernetesWorkloadDetails": [
                        "name": "checkout-7d9f8", "type": "pods", "uid": "9e8d", "namespace": "shop",
                    ]
                ],
                "containerDetails": [
                    "containerRuntime": "containerd", "id": "8f1e2d", "name": "app",
                    "image": "111122223333.dkr.ecr.us-east-1.amazonaws.com/checkout:2.14.1",
                    "imagePrefix": "111122223333.dkr.ecr.us-east-1.amazonaws.com",
                ],
            ]
            // A container resource (Runtime Monitoring on a standalone container) names no cluster or pod.
            if resourceType == "Container" {
                resource["eksClusterDetails"] = nil
                resource["kubernetesDetails"] = nil
            }
            $0["resource"] = resource
        }
        finding["severity"] = 5
        return try #require(T.event(finding)).udm
    }

    @Test func theRuntimeContainerImageLabelsTheContainerNotThePod() throws {
        let udm = try Self.eksRuntime()
        let pod =
            T.value(udm, "principal.resource") as? [String: Any] ?? T.value(udm, "target.resource") as? [String: Any]
        #expect(pod?["name"] as? String == "checkout-7d9f8")
        #expect(
            !T.labels(pod ?? [:], "attribute.labels").contains { $0.0.hasPrefix("container") },
            "no container label on the pod: \(pod ?? [:])")
        let containers = (T.value(udm, "about") as? [[String: Any]] ?? []).filter {
            T.value($0, "resource.resource_type") as? String == "CONTAINER"
        }
        #expect(containers.count == 1)
        let container = containers.first ?? [:]
        #expect(T.value(container, "resource.name") as? String == "app")
        #expect(T.value(container, "resource.product_object_id") as? String == "8f1e2d")
        #expect(
            T.labels(container, "resource.attribute.labels").contains {
                $0 == ("containerImage", "111122223333.dkr.ecr.us-east-1.amazonaws.com/checkout:2.14.1")
            })
        #expect(T.labels(container, "resource.attribute.labels").contains { $0 == ("containerRuntime", "containerd") })
        // Near miss: when the container is the finding's resource, the image is on that resource.
        let own = try Self.eksRuntime(resourceType: "Container")
        let resource =
            T.value(own, "principal.resource") as? [String: Any] ?? T.value(own, "target.resource") as? [String: Any]
        #expect(resource?["name"] as? String == "app")
        #expect(T.labels(resource ?? [:], "attribute.labels").contains { $0.0 == "containerImage" })
        #expect(
            (T.value(own, "about") as? [[String: Any]] ?? []).allSatisfy {
                T.value($0, "resource.resource_type") as? String != "CONTAINER"
            }, "no second noun for the same container")
    }
}

/// Multi-valued groups kept together: each threat of a malware scan is one about noun with its file.
@Suite struct GuardDutyThreatGroupTests {
    typealias T = GuardDutyTableTests

    static func ebsScan(_ threats: [[String: Any]]) throws -> [String: Any] {
        let finding = T.finding {
            $0["type"] = "Execution:EC2/MaliciousFile"
            var service = $0["service"] as! [String: Any]
            service["action"] = nil
            service["ebsVolumeScanDetails"] = [
                "scanId": "s", "scanDetections": ["threatDetectedByName": ["threatNames": threats]],
            ]
            $0["service"] = service
        }
        return try #require(T.event(finding)).udm
    }

    @Test func eachThreatKeepsItsFile() throws {
        let udm = try Self.ebsScan([
            [
                "name": "Trojan.Linux.Miner.XMRig", "severity": "HIGH",
                "filePaths": [["filePath": "/tmp/k", "hash": "aa"]],
            ],
            [
                "name": "EICAR-Test-File", "severity": "MEDIUM",
                "filePaths": [["filePath": "/home/e.com", "hash": "bb"]],
            ],
        ])
        let about = T.value(udm, "about") as? [[String: Any]] ?? []
        let pairs = about.map {
            (
                T.value($0, "security_result.0.threat_name") as? String ?? "",
                T.value($0, "file.full_path") as? String ?? "", T.value($0, "file.sha256") as? String ?? ""
            )
        }
        #expect(pairs.contains { $0 == ("Trojan.Linux.Miner.XMRig", "/tmp/k", "aa") }, "\(pairs)")
        #expect(pairs.contains { $0 == ("EICAR-Test-File", "/home/e.com", "bb") }, "\(pairs)")
        // Near miss: one threat, one noun.
        let one = try Self.ebsScan([["name": "EICAR-Test-File", "filePaths": [["filePath": "/home/e.com"]]]])
        #expect((T.value(one, "about") as? [Any])?.count == 1)
    }
}
