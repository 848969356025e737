import Foundation
import Testing

@testable import UDMNormalizer

/// Keeps `UDMSchema+Generated.swift` in step with the reference TSVs, and pins the generator's
/// clause rules (those need only the built-in schema, not the TSVs).
@Suite("Generated schema file")
struct SchemaGeneratedFileTests {
    @Test("UDMSchema+Generated.swift matches the vendored reference TSVs (UDM_REGENERATE=1 rewrites it)")
    func generatedFileIsCurrent() throws {
        #expect(SchemaGenerator.referenceDataAvailable, "the vendored TSVs are missing from Schema/Reference")
        try Self.check(SchemaGenerator.generatedFile.path, against: SchemaGenerator.generate())
    }

    @Test("EventType+Generated.swift matches the vendored reference TSVs (UDM_REGENERATE=1 rewrites it)")
    func eventTypeFileIsCurrent() throws {
        try Self.check(SchemaGenerator.eventTypeFile.path, against: SchemaGenerator.generateEventTypes())
    }

    @Test("EventType's static members are the schema's event type enum, in its order")
    func eventTypeMembersAreTheSchemaEnum() throws {
        let schemaValues = try #require(
            UDMSchema.builtin.enums.first { $0.name == SchemaGenerator.eventTypeEnum }?.values)
        #expect(EventType.schemaValues.map(\.rawValue) == schemaValues)
        #expect(EventType.userLogin.rawValue == "USER_LOGIN")
        #expect(EventType.genericEvent.rawValue == "GENERIC_EVENT")
        #expect(EventType.resourcePermissionsChange.rawValue == "RESOURCE_PERMISSIONS_CHANGE")
        #expect(SchemaGenerator.memberName("EVENTTYPE_UNSPECIFIED") == "eventtypeUnspecified")
        #expect(
            Set(schemaValues.map(SchemaGenerator.memberName)).count == schemaValues.count, "no two share a member name")
    }

    /// Compares (or, with UDM_REGENERATE=1, rewrites) a committed generated file.
    static func check(_ path: String, against expected: String) throws {
        if ProcessInfo.processInfo.environment["UDM_REGENERATE"] == "1" {
            try expected.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let actual = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        guard actual != expected else { return }
        // A whole-file dump would be unreadable; the first differing line says what changed.
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference =
            zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(actualLines.count, expectedLines.count)
        let committed = firstDifference < actualLines.count ? String(actualLines[firstDifference]) : "<end of file>"
        let generated = firstDifference < expectedLines.count ? String(expectedLines[firstDifference]) : "<end of file>"
        Issue.record(
            """
            \(path) is stale; run UDM_REGENERATE=1 swift test --filter SchemaGeneratedFileTests.
            First difference at line \(firstDifference + 1):
              committed: \(committed.prefix(200))
              generated: \(generated.prefix(200))
            """)
    }

    // The vendored TSVs are copies of the shared reference data the project is built from. When that
    // data is beside the package, a copy that drifted from it is reported (the vendored copy is then
    // refreshed deliberately and the schema regenerated).
    @Test(
        "the vendored reference TSVs are the same as the shared reference data",
        .enabled(
            if: PackagePaths.hasShared, "../shared/reference is absent: nothing to compare the vendored copies with")
    )
    func vendoredReferenceIsCurrent() throws {
        for name in SchemaGenerator.inputFileNames {
            let vendored = try Data(contentsOf: SchemaGenerator.referenceDirectory.appendingPathComponent(name))
            let shared = try Data(contentsOf: PackagePaths.reference.appendingPathComponent(name))
            #expect(
                vendored == shared,
                "Schema/Reference/\(name) differs from ../shared/reference/\(name); copy it over and regenerate")
        }
    }

    @Test("the generated text parses into the schema and the requirements table")
    func generatedTextParses() throws {
        let schema = try UDMSchema(generatedText: UDMSchema.generatedText)
        let requirements = try EventTypeRequirements(generatedText: UDMSchema.generatedText)
        #expect(schema.messages.count > 100)
        #expect(requirements.eventTypes.count > 100)
    }

    @Test("enum keys: snake_cased message components plus the field, Authentication as extensions.auth")
    func enumKeys() {
        #expect(
            SchemaGenerator.enumKey(message: "SecurityResult.IoCStats", field: "quality")
                == "security_result.io_c_stats.quality")
        #expect(SchemaGenerator.enumKey(message: "PlatformSoftware", field: "platform") == "platform_software.platform")
        #expect(SchemaGenerator.enumKey(message: "Authentication", field: "mechanism") == "extensions.auth.mechanism")
        #expect(
            SchemaGenerator.enumKey(message: "WindowsScheduledTask.TaskAction", field: "action_type")
                == "windows_scheduled_task.task_action.action_type")
    }

    private func alternatives(_ clause: String) throws -> [String]? {
        try SchemaGenerator.parseClause(clause, schema: .builtin)?.map { alternative in
            alternative.requiredValue.map { "\(alternative.path)=\($0)" } ?? alternative.path
        }
    }

    @Test("clause forms expand as documented")
    func clauseForms() throws {
        #expect(try alternatives("principal.user") == ["principal.user"])
        #expect(try alternatives("target.process|target.application") == ["target.process", "target.application"])
        #expect(
            try alternatives("target machine id") == ["target.hostname", "target.ip", "target.mac", "target.asset_id"])
        #expect(
            try alternatives("target.resource (type SETTING)")
                == ["target.resource.type=SETTING", "target.resource.resource_type=SETTING"])
        #expect(
            try alternatives("src.resource") == [
                "src.resource.name", "src.resource.id", "src.resource.product_object_id", "src.resource.type",
                "src.resource.resource_type", "src.resource.resource_subtype",
            ])
        #expect(
            try alternatives("target.resource.type=MUTEX|target.resource.resource_type=MUTEX")
                == ["target.resource.type=MUTEX", "target.resource.resource_type=MUTEX"])
        #expect(
            try alternatives("principal.ip (remote) OR target.ip|target.mac (local, principal unset)")
                == ["principal.ip", "target.ip", "target.mac"])
        #expect(
            try alternatives("target.application|target machine id (machine-to-machine, SSO, cloud, VPN)")
                == ["target.application", "target.hostname", "target.ip", "target.mac", "target.asset_id"])
    }

    @Test("conditional clauses are dropped, not enforced")
    func conditionalClauses() throws {
        #expect(try alternatives("target machine id only if file is remote") == nil)
        #expect(try alternatives("principal machine id if change made remotely") == nil)
        #expect(try alternatives("security_result.category=AUTH_VIOLATION when login failed") == nil)
    }

    @Test(
        "anything else fails loudly, naming the clause",
        arguments: [
            "principal.user.labels",  // not a field
            "target.user.userid.x",  // descends into a string
            "principal.hostname or principal.ip",  // prose
            "security_result.category=NOT_A_CATEGORY",  // not an enum value
            "metadata.event_timestamp=NOW",  // a timestamp cannot carry a value
            "target.user (type SETTING)",  // not a Resource
            "a||b",
        ])
    func unparseableClause(clause: String) {
        #expect {
            _ = try SchemaGenerator.parseClause(clause, schema: .builtin)
        } throws: { error in
            (error as? SchemaGenerator.Failure)?.message.contains(clause) == true
        }
    }
}
