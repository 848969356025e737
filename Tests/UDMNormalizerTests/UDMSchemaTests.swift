import Testing

@testable import UDMNormalizer

/// The built-in schema and requirements table, and the compact-text parser's error handling.
@Suite("UDM schema")
struct UDMSchemaTests {
    let schema = UDMSchema.builtin
    let requirements = EventTypeRequirements.builtin

    /// The field at the end of a path; fails the test when the path does not resolve.
    private func leaf(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> UDMSchema.Field {
        let steps = try #require(schema.resolve(path), "\(path) should resolve", sourceLocation: sourceLocation)
        return schema.field(steps[steps.count - 1])
    }

    /// The enum of an enum-typed path.
    private func enumeration(_ path: String) throws -> UDMSchema.Enumeration {
        let type = try leaf(path).type
        let index: Int? = if case .enumeration(let index) = type { index } else { nil }
        return schema.enums[try #require(index, "\(path) is not an enum field")]
    }

    // MARK: - Structure

    @Test("the root message is UDM with its thirteen fields in proto order")
    func root() {
        #expect(schema.messages[schema.rootMessage].name == "UDM")
        #expect(schema.messageIndex(named: "UDM") == schema.rootMessage)
        #expect(
            schema.messages[schema.rootMessage].fields.map(\.name) == [
                "metadata", "additional", "principal", "src", "target", "intermediary", "observer", "about",
                "security_result", "network", "extensions", "extracted", "grouped",
            ])
        #expect(schema.messageIndex(named: "SecurityResult.Association") != nil)
        #expect(schema.messageIndex(named: "NoSuchMessage") == nil)
    }

    @Test("ordinals are positions in the message")
    func ordinals() {
        for message in schema.messages {
            #expect(message.fields.map(\.ordinal) == Array(message.fields.indices), "\(message.name)")
            for (index, field) in message.fields.enumerated() {
                #expect(message.fieldIndex(named: field.name) == index)
            }
        }
    }

    @Test("every enum field has a non-empty enum")
    func enumsAreNonEmpty() {
        #expect(!schema.enums.isEmpty)
        for enumeration in schema.enums {
            #expect(!enumeration.values.isEmpty, "\(enumeration.name)")
        }
    }

    // MARK: - resolve

    @Test("resolve walks from the root")
    func resolveSteps() throws {
        let steps = try #require(schema.resolve("principal.user.userid"))
        #expect(steps.count == 3)
        #expect(steps[0].message == schema.rootMessage)
        #expect(schema.field(steps[0]).name == "principal")
        #expect(schema.messages[steps[1].message].name == "Noun")
        #expect(schema.messages[steps[2].message].name == "User")
        #expect(schema.field(steps[2]).type == .string)
    }

    @Test("deprecated fields resolve and say so")
    func deprecatedField() throws {
        let type = try leaf("principal.resource.type")
        #expect(type.isDeprecated)
        #expect(type.type == .string)
        #expect(try !leaf("principal.resource.resource_type").isDeprecated)
    }

    @Test("repeated message fields can be descended into")
    func throughRepeated() throws {
        let steps = try #require(schema.resolve("security_result.about.user.userid"))
        #expect(schema.field(steps[0]).isRepeated)
        #expect(schema.field(steps[1]).name == "about")
        #expect(try leaf("security_result.about.user.userid").type == .string)
    }

    @Test("labels under attribute are a repeated message")
    func attributeLabels() throws {
        let labels = try leaf("principal.user.attribute.labels")
        #expect(labels.isRepeated)
        guard case .message(let index) = labels.type else {
            Issue.record("labels should be a message field")
            return
        }
        #expect(schema.messages[index].name == "Label")
    }

    @Test("repeated enum, struct, and opaque types")
    func fieldTypes() throws {
        let mechanism = try leaf("extensions.auth.mechanism")
        #expect(mechanism.isRepeated)
        #expect(try enumeration("extensions.auth.mechanism").name == "Authentication.Mechanism")
        #expect(try leaf("additional").type == .structObject)
        #expect(try leaf("extracted").type == .structObject)
        #expect(try leaf("metadata.structured_fields").type == .structObject)
        #expect(
            try leaf("principal.location.region_coordinates.latitude").type == .double,
            "google.type.LatLng is a message of two doubles")
        #expect(try leaf("principal.user.time_off.interval").type == .other("Interval"))
        #expect(try leaf("metadata.event_timestamp").type == .timestamp)
        #expect(try !leaf("metadata.event_type").isRepeated)
    }

    @Test(
        "paths that are not fields do not resolve",
        arguments: [
            "principal.user.labels", "principal.user.userid.x", "", "principal.", ".principal", "principal..user",
            "Principal", "metadata.event_type.x", "no_such_field",
        ])
    func rejects(path: String) {
        #expect(schema.resolve(path) == nil)
    }

    // MARK: - Enums

    @Test("enum contents")
    func enumContents() throws {
        let eventType = try enumeration("metadata.event_type")
        #expect(eventType.contains("USER_LOGIN"))
        #expect(eventType.contains("GENERIC_EVENT"))
        #expect(!eventType.contains("user_login"))
        #expect(try enumeration("extensions.auth.mechanism").contains("REMOTE"))
        #expect(try enumeration("principal.cloud.environment").contains("AMAZON_WEB_SERVICES"))
        #expect(try enumeration("security_result.severity").contains("HIGH"))
    }

    @Test("fields sharing a proto enum type share one Enumeration")
    func sharedEnums() throws {
        let namespaces = try #require(schema.resolve("security_result.threat_id_namespace"))
        #expect(
            schema.field(namespaces[namespaces.count - 1]).type
                == schema.messages[try #require(schema.messageIndex(named: "Id"))].fields[0].type)
        let nounPlatform = try enumeration("principal.platform")
        #expect(nounPlatform.name == "Noun.Platform")
        #expect(nounPlatform.contains("LINUX"))
        #expect(Set(schema.enums.map(\.name)).count == schema.enums.count)
    }

    // MARK: - Event type requirements

    private func texts(_ eventType: String) -> [String]? {
        requirements.requirements(for: eventType)?.map(\.text)
    }

    @Test(
        "USER_LOGIN: target.user, a principal or target machine, an application or target machine, auth type and mechanism"
    )
    func userLogin() throws {
        #expect(
            texts("USER_LOGIN") == [
                "metadata.event_timestamp",
                "metadata.event_type",
                "target.user",
                "principal.hostname|principal.ip|principal.mac|principal.asset_id|target.hostname|target.ip|target.mac|target.asset_id",
                "target.application|target.hostname|target.ip|target.mac|target.asset_id",
                "extensions.auth.type",
                "extensions.auth.mechanism",
            ])
        let first = try #require(requirements.requirements(for: "USER_LOGIN")?.first)
        #expect(first.alternatives == [.init(path: "metadata.event_timestamp", requiredValue: nil)])
    }

    /// udm.proto calls the legacy RESOURCE_* types "equivalent to" USER_RESOURCE_*, but the reference
    /// data states time and type only for them, and Google's own parser types calls that name no user
    /// (`DescribeAutoScalingGroups`) RESOURCE_READ: a type is demoted only for what the data states.
    @Test("legacy RESOURCE_* types need only what their own row states")
    func legacyTypesNeedWhatTheirRowStates() {
        for legacy in [
            "RESOURCE_CREATION", "RESOURCE_DELETION", "RESOURCE_PERMISSIONS_CHANGE", "RESOURCE_READ",
            "RESOURCE_WRITTEN",
        ] {
            #expect(texts(legacy) == ["metadata.event_timestamp", "metadata.event_type"], "\(legacy)")
        }
        #expect(texts("USER_RESOURCE_ACCESS")?.contains("principal.user") == true, "the USER_ twins keep theirs")
    }

    @Test("GROUP_CREATION")
    func groupCreation() {
        #expect(
            texts("GROUP_CREATION") == [
                "metadata.event_timestamp", "metadata.event_type", "principal.user.userid",
                "target.group.group_display_name",
            ])
    }

    @Test("USER_RESOURCE_ACCESS: a bare target.resource needs a name, id, type or subtype")
    func userResourceAccess() throws {
        let list = try #require(requirements.requirements(for: "USER_RESOURCE_ACCESS"))
        #expect(
            list.map(\.text) == [
                "metadata.event_timestamp", "metadata.event_type", "principal.user",
                "target.resource.name|target.resource.id|target.resource.product_object_id|target.resource.type|target.resource.resource_type|target.resource.resource_subtype",
            ])
        #expect(list.last?.alternatives.allSatisfy { $0.requiredValue == nil } == true)
    }

    @Test("typed resources carry a required value")
    func typedResource() throws {
        let setting = try #require(requirements.requirements(for: "SETTING_MODIFICATION")?.last)
        #expect(
            setting.alternatives == [
                .init(path: "target.resource.type", requiredValue: "SETTING"),
                .init(path: "target.resource.resource_type", requiredValue: "SETTING"),
            ])
    }

    @Test("conditional clauses are not enforced")
    func conditionalsDropped() {
        #expect(
            texts("FILE_CREATION") == [
                "metadata.event_timestamp", "metadata.event_type",
                "principal.hostname|principal.ip|principal.mac|principal.asset_id", "target.file",
            ])
        #expect(texts("USER_CHANGE_PASSWORD") == ["metadata.event_timestamp", "metadata.event_type", "target.user"])
    }

    @Test("every event type is a metadata.event_type value, every path resolves, every required value is valid")
    func tableIsConsistent() throws {
        let eventTypes = try enumeration("metadata.event_type")
        #expect(requirements.eventTypes.count == eventTypes.values.count)
        #expect(requirements.eventTypes.first == "EVENTTYPE_UNSPECIFIED")
        #expect(requirements.requirements(for: "NOT_AN_EVENT_TYPE") == nil)
        for eventType in requirements.eventTypes {
            #expect(eventTypes.contains(eventType))
            let list = try #require(requirements.requirements(for: eventType))
            #expect(list.prefix(2).map(\.text) == ["metadata.event_timestamp", "metadata.event_type"], "\(eventType)")
            for alternative in list.flatMap(\.alternatives) {
                let field = try leaf(alternative.path)
                if let value = alternative.requiredValue, case .enumeration(let index) = field.type {
                    #expect(schema.enums[index].contains(value), "\(eventType): \(alternative.path)=\(value)")
                }
            }
        }
    }

    // MARK: - Text parser

    @Test("forward references, opaque types and comments parse")
    func parsesSmallText() throws {
        let text = """
            # comment
            M UDM
            F metadata - - message:Metadata
            F variables r d other:map<string,message FindingVariable>

            M Metadata
            F event_type - - enum:Metadata.EventType
            E Metadata.EventType A B
            R A metadata.event_type=B|metadata;metadata.event_type
            R B
            """
        let small = try UDMSchema(generatedText: text)
        #expect(small.messages.count == 2)
        #expect(small.messages[small.rootMessage].fields[1].type == .other("map<string,message FindingVariable>"))
        #expect(small.messages[small.rootMessage].fields[1].isRepeated)
        #expect(small.messages[small.rootMessage].fields[1].isDeprecated)
        let steps = try #require(small.resolve("metadata.event_type"))
        #expect(small.field(steps[1]).type == .enumeration(0))
        #expect(small.enums[0].values == ["A", "B"])

        let table = try EventTypeRequirements(generatedText: text)
        #expect(table.eventTypes == ["A", "B"])
        #expect(table.requirements(for: "B") == [])
        #expect(
            table.requirements(for: "A")?.first?.alternatives == [
                .init(path: "metadata.event_type", requiredValue: "B"), .init(path: "metadata", requiredValue: nil),
            ])
    }

    @Test(
        "malformed schema text is rejected with its line",
        arguments: [
            ("M UDM\nF x - - message:Nope", 2),
            ("M UDM\nF x - - enum:Nope", 2),
            ("M UDM\nF x - - varchar", 2),
            ("M UDM\nF x y - string", 2),
            ("M UDM\nF x - -", 2),
            ("F x - - string\nM UDM", 1),
            ("M UDM\nM UDM", 2),
            ("M UDM\nF x - - string\nF x - - bool", 3),
            ("M UDM\nE Empty", 2),
            ("M UDM\nXYZ", 2),
            ("M Other", 1),
        ])
    func malformedSchemaText(text: String, line: Int) {
        #expect {
            _ = try UDMSchema(generatedText: text)
        } throws: { error in
            (error as? SchemaTextError)?.line == line
        }
    }

    @Test(
        "malformed requirement lines are rejected",
        arguments: ["R A x||y", "R A x;;y", "R A x=", "R A a b", "R A\nR A"])
    func malformedRequirements(text: String) {
        #expect(throws: SchemaTextError.self) {
            _ = try EventTypeRequirements(generatedText: text)
        }
    }

    /// Without checking the clauses up front, a line's shape is still checked when the text is read.
    @Test("a badly shaped requirement line is rejected even unchecked", arguments: ["R A a b", "R A\nR A", "R "])
    func badlyShapedRequirementLines(text: String) {
        #expect(throws: SchemaTextError.self) {
            _ = try EventTypeRequirements(generatedText: text, checkingClauses: false)
        }
    }

    /// The built-in table reads an event type's requirements when asked: every line of it passes the
    /// up-front check, and what it reads equals what the checked table holds.
    @Test func builtinRequirementsReadWhenAskedEqualTheCheckedTable() throws {
        let checked = try EventTypeRequirements(generatedText: UDMSchema.generatedText)
        #expect(checked.eventTypes == requirements.eventTypes)
        for eventType in checked.eventTypes {
            #expect(checked.requirements(for: eventType) == requirements.requirements(for: eventType), "\(eventType)")
        }
    }
}
