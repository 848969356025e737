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

    @Test func aLoadedLibraryIsTheTargetFileOfAModuleLoadOnly() throws {
        let library = try Self.runtime(
            "Execution:Runtime/NewLibraryLoaded",
            context: ["libraryPath": "/tmp/lib.so", "targetProcess": ["name": "y", "pid": 43]])
        #expect(T.value(library, "metadata.event_type") as? String == "PROCESS_MODULE_LOAD", "the event type stays")
        #expect(T.value(library, "target.process.file.full_path") as? String == "/tmp/lib.so")
        #expect(T.value(library, "target.process.pid") == nil, "no other process merged into the module")
        #expect(
            T.labels(library, "security_result.0.detection_fields").contains { $0 == ("libraryPath", "/tmp/lib.so") })
        let module = try Self.runtime(
            "DefenseEvasion:Runtime/KernelModuleLoaded",
            context: ["moduleFilePath": "/lib/modules/rootkit.ko", "moduleName": "rootkit", "moduleSha256": "ab"])
        #expect(T.value(module, "target.process.file.full_path") as? String == "/lib/modules/rootkit.ko")
        #expect(T.value(module, "target.process.file.names") as? [String] == ["rootkit"])
        #expect(
            T.labels(module, "security_result.0.detection_fields").contains { $0 == ("kernelModuleName", "rootkit") })
        // Near miss: an injection names the process injected into; a library beside it is not merged in.
        let injection = try Self.runtime(
            "DefenseEvasion:Runtime/ProcessInjection.Proc",
            context: [
                "libraryPath": "/tmp/lib.so",
                "targetProcess": ["name": "y", "pid": 43, "executablePath": "/usr/bin/y"],
            ])
        #expect(T.value(injection, "target.process.pid") as? String == "43")
        #expect(T.value(injection, "target.process.file.full_path") as? String == "/usr/bin/y")
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
