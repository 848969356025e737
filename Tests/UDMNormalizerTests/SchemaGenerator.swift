import Foundation

@testable import UDMNormalizer

/// Builds `Sources/UDMNormalizer/Schema/UDMSchema+Generated.swift` from the reference TSVs
/// (`udm-messages.tsv`, `udm-enums.tsv`, `udm-event-type-requirements.tsv`).
///
/// It lives on the test side so the library carries no TSV parsing; `SchemaGeneratedFileTests` runs it
/// and compares (or rewrites) the committed file. Its inputs are vendored in the package
/// (`Sources/UDMNormalizer/Schema/Reference/`, excluded from the build), so a clone of the repository
/// alone can regenerate the schema.
/// Every surprise in the inputs is a thrown `Failure` naming the offending row or clause: a silently
/// wrong schema would make the normalizer accept or reject the wrong events.
enum SchemaGenerator {
    /// A defect in the reference data (or in the generator's understanding of it).
    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { "SchemaGenerator: \(message)" }
    }

    /// The package root: this file is `<root>/Tests/UDMNormalizerTests/SchemaGenerator.swift`.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The vendored copies of the UDM reference TSVs the generator reads.
    static let referenceDirectory: URL =
        packageRoot
        .appendingPathComponent("Sources/UDMNormalizer/Schema/Reference", isDirectory: true)

    /// The committed generated file.
    static let generatedFile: URL =
        packageRoot
        .appendingPathComponent("Sources/UDMNormalizer/Schema/UDMSchema+Generated.swift")

    /// The committed file of ``EventType``'s static members.
    static let eventTypeFile: URL =
        packageRoot
        .appendingPathComponent("Sources/UDMNormalizer/Output/EventType+Generated.swift")

    /// The schema enum the event types come from.
    static let eventTypeEnum = "Metadata.EventType"

    static let inputFileNames = ["udm-messages.tsv", "udm-enums.tsv", "udm-event-type-requirements.tsv"]

    /// Whether all three input TSVs exist.
    static var referenceDataAvailable: Bool {
        inputFileNames.allSatisfy {
            FileManager.default.fileExists(atPath: referenceDirectory.appendingPathComponent($0).path)
        }
    }

    /// Types that the schema keeps opaque (`FieldType.other`), besides `map<…>`.
    static let opaqueTypes: Set<String> = ["Interval"]
    /// Well-known proto messages UDM uses but udm-messages.tsv does not list, with their fields as
    /// the proto declares them: `google.type.LatLng` holds `Location.region_coordinates`, the
    /// current form of the deprecated `region_latitude` / `region_longitude`.
    static let wellKnownMessages: [(name: String, fields: [(name: String, type: String)])] = [
        ("LatLng", [("latitude", "double"), ("longitude", "double")])
    ]
    static let scalarTypes: Set<String> = [
        "string", "bool", "int32", "int64", "uint32", "uint64", "float", "double", "bytes", "timestamp", "duration",
    ]

    // MARK: - Entry points

    /// Reads the TSVs from `directory` and returns the full text of the generated Swift file.
    static func generate(referenceDirectory directory: URL = referenceDirectory) throws -> String {
        func read(_ name: String) throws -> String {
            try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        }
        return try generate(
            messagesTSV: read("udm-messages.tsv"),
            enumsTSV: read("udm-enums.tsv"),
            requirementsTSV: read("udm-event-type-requirements.tsv"))
    }

    /// Generates the Swift file text from the three TSV texts.
    static func generate(messagesTSV: String, enumsTSV: String, requirementsTSV: String) throws -> String {
        let model = try buildSchemaText(messagesTSV: messagesTSV, enumsTSV: enumsTSV)
        // The runtime parser doubles as the validator: what it cannot read, the library could not either.
        let schema: UDMSchema
        do {
            schema = try UDMSchema(generatedText: model.text)
        } catch {
            throw Failure(message: "generated schema text does not parse: \(error)")
        }
        let requirements = try buildRequirements(requirementsTSV: requirementsTSV, schema: schema)
        return render(schemaText: model.text, counts: model.counts, requirements: requirements)
    }

    /// Reads the TSVs from `directory` and returns the full text of `EventType+Generated.swift`:
    /// one static member per value of the schema's `Metadata.EventType` enum, so the list of event
    /// types has one source, the reference data.
    static func generateEventTypes(referenceDirectory directory: URL = referenceDirectory) throws -> String {
        func read(_ name: String) throws -> String {
            try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        }
        let model = try buildSchemaText(messagesTSV: read("udm-messages.tsv"), enumsTSV: read("udm-enums.tsv"))
        let schema = try UDMSchema(generatedText: model.text)
        guard let values = schema.enums.first(where: { $0.name == eventTypeEnum })?.values else {
            throw Failure(message: "the schema has no enum \(eventTypeEnum)")
        }
        return renderEventTypes(values)
    }

    /// `USER_LOGIN` → `userLogin`.
    static func memberName(_ value: String) -> String {
        let words = value.lowercased().split(separator: "_")
        return words.enumerated().map { $0.offset == 0 ? String($0.element) : $0.element.capitalized }.joined()
    }

    static func renderEventTypes(_ values: [String]) -> String {
        var out = """
            // swift-format-ignore-file
            // Generated by SchemaGenerator (Tests/UDMNormalizerTests/SchemaGenerator.swift) from the \(eventTypeEnum) enum of udm-enums.tsv. Do not edit; regenerate with UDM_REGENERATE=1 swift test --filter SchemaGeneratedFileTests.

            extension EventType {

            """
        for value in values {
            out += "    /// The UDM event type `\(value)`.\n"
            out += "    public static let \(memberName(value)) = EventType(rawValue: \"\(value)\")\n"
        }
        out += "\n    /// Every value of the UDM schema's `\(eventTypeEnum)` enum, in the schema's order.\n"
        out += "    public static let schemaValues: [EventType] = [\n"
        for value in values { out += "        .\(memberName(value)),\n" }
        out += "    ]\n}\n"
        return out
    }

    // MARK: - Messages and enums

    struct Counts {
        var messages = 0
        var fields = 0
        var enums = 0
        var eventTypes = 0
    }

    private struct MessageRow {
        let message: String
        let field: String
        let type: String
        let isRepeated: Bool
        let isDeprecated: Bool
        let line: Int
    }

    /// The `E`/`M`/`F` part of the text, in TSV order (enums in order of first use).
    static func buildSchemaText(messagesTSV: String, enumsTSV: String) throws -> (text: String, counts: Counts) {
        var rows: [MessageRow] = []
        for (line, cells) in try tsvRows(
            messagesTSV, file: "udm-messages.tsv", header: ["message", "field", "type", "repeated", "note"])
        {
            let repeated: Bool
            switch cells[3] {
            case "yes": repeated = true
            case "no": repeated = false
            default:
                throw Failure(message: "udm-messages.tsv line \(line): repeated must be yes or no, not '\(cells[3])'")
            }
            for (column, value) in [(0, cells[0]), (1, cells[1])] where value.isEmpty || value.contains(" ") {
                throw Failure(message: "udm-messages.tsv line \(line): bad name '\(value)' in column \(column + 1)")
            }
            rows.append(
                MessageRow(
                    message: cells[0], field: cells[1], type: cells[2], isRepeated: repeated,
                    isDeprecated: cells[4].lowercased().contains("deprecated"), line: line))
        }

        var enumValuesByKey: [String: [String]] = [:]
        var enumKeyOrder: [String] = []
        for (line, cells) in try tsvRows(enumsTSV, file: "udm-enums.tsv", header: ["enum_field", "value"]) {
            guard !cells[1].isEmpty, !cells[1].contains(" ") else {
                throw Failure(message: "udm-enums.tsv line \(line): bad value '\(cells[1])'")
            }
            if enumValuesByKey[cells[0]] == nil { enumKeyOrder.append(cells[0]) }
            enumValuesByKey[cells[0], default: []].append(cells[1])
        }

        // Group the udm-enums.tsv keys by proto enum type: several fields can share one type.
        var enumTypeOrder: [String] = []
        var keysByEnumType: [String: [String]] = [:]
        for row in rows where row.type.hasPrefix("enum ") {
            let typeName = String(row.type.dropFirst("enum ".count))
            if keysByEnumType[typeName] == nil { enumTypeOrder.append(typeName) }
            keysByEnumType[typeName, default: []].append(enumKey(message: row.message, field: row.field))
        }

        var text = "# Enum types: E <EnumType> <VALUE>…\n"
        var usedKeys: Set<String> = []
        for typeName in enumTypeOrder {
            let keys = keysByEnumType[typeName] ?? []
            var values: [String]?
            for key in keys {
                guard let keyValues = enumValuesByKey[key] else { continue }
                usedKeys.insert(key)
                if let existing = values, existing != keyValues {
                    throw Failure(
                        message:
                            "enum \(typeName): udm-enums.tsv keys \(keys.joined(separator: ", ")) list different values"
                    )
                }
                values = keyValues
            }
            guard let values, !values.isEmpty else {
                throw Failure(
                    message:
                        "enum \(typeName) has no values (looked for udm-enums.tsv keys \(keys.joined(separator: ", ")))"
                )
            }
            guard Set(values).count == values.count else {
                throw Failure(message: "enum \(typeName) lists a value twice")
            }
            text += "E \(typeName) \(values.joined(separator: " "))\n"
        }
        // A key nothing maps to means the key mapping rule missed a field.
        let unusedKeys = enumKeyOrder.filter { !usedKeys.contains($0) }
        guard unusedKeys.isEmpty else {
            throw Failure(message: "udm-enums.tsv keys used by no enum field: \(unusedKeys.joined(separator: ", "))")
        }

        text += "# Messages: M <Message>, then F <field> <r|-> <d|-> <type>\n"
        var counts = Counts(enums: enumTypeOrder.count)
        var currentMessage: String?
        var seenMessages: Set<String> = []
        for row in rows {
            if row.message != currentMessage {
                guard seenMessages.insert(row.message).inserted else {
                    throw Failure(
                        message: "udm-messages.tsv line \(row.line): fields of \(row.message) are not contiguous")
                }
                currentMessage = row.message
                counts.messages += 1
                text += "M \(row.message)\n"
            }
            counts.fields += 1
            text +=
                "F \(row.field) \(row.isRepeated ? "r" : "-") \(row.isDeprecated ? "d" : "-") \(try typeToken(row))\n"
        }
        for message in wellKnownMessages where !seenMessages.contains(message.name) {
            counts.messages += 1
            text += "M \(message.name)\n"
            for field in message.fields {
                counts.fields += 1
                text += "F \(field.name) - - \(field.type)\n"
            }
        }
        return (text, counts)
    }

    /// The udm-enums.tsv key of an enum field: each component of the message name snake_cased
    /// (`SecurityResult.IoCStats` → `security_result.io_c_stats`), plus the field; `Authentication`
    /// is only ever reached as `extensions.auth`, which is how the table keys it.
    static func enumKey(message: String, field: String) -> String {
        let prefix =
            message == "Authentication"
            ? "extensions.auth"
            : message.split(separator: ".").map { snakeCase(String($0)) }.joined(separator: ".")
        return "\(prefix).\(field)"
    }

    /// `PlatformSoftware` → `platform_software`, `IoCStats` → `io_c_stats` (an underscore before every inner capital).
    static func snakeCase(_ name: String) -> String {
        var result = ""
        for (offset, character) in name.enumerated() {
            if character.isUppercase, offset > 0 { result.append("_") }
            result += character.lowercased()
        }
        return result
    }

    private static func typeToken(_ row: MessageRow) throws -> String {
        let type = row.type
        if scalarTypes.contains(type) { return type }
        if type == "Struct (JSON object)" { return "struct" }
        if type.hasPrefix("enum ") { return "enum:" + type.dropFirst("enum ".count) }
        if type.hasPrefix("message ") { return "message:" + type.dropFirst("message ".count) }
        if wellKnownMessages.contains(where: { $0.name == type }) { return "message:" + type }
        if opaqueTypes.contains(type) || (type.hasPrefix("map<") && type.hasSuffix(">")) { return "other:" + type }
        throw Failure(
            message: "udm-messages.tsv line \(row.line): unknown type '\(type)' for \(row.message).\(row.field)")
    }

    // MARK: - Requirements

    struct RequirementsTable {
        /// Event type and its requirements (each a list of alternatives) in TSV order.
        var rows: [(eventType: String, requirements: [[EventTypeRequirements.Alternative]])] = []
        /// Conditional clauses that were not turned into requirements, with the event types they came from.
        var droppedConditionals: [(clause: String, eventTypes: [String])] = []
    }

    static func buildRequirements(requirementsTSV: String, schema: UDMSchema) throws -> RequirementsTable {
        guard let eventTypeSteps = schema.resolve("metadata.event_type"),
            case .enumeration(let eventTypeEnum) = schema.field(eventTypeSteps[eventTypeSteps.count - 1]).type
        else { throw Failure(message: "metadata.event_type is not an enum field") }

        var table = RequirementsTable()
        var rowIndexByEventType: [String: Int] = [:]
        for (line, cells) in try tsvRows(
            requirementsTSV, file: "udm-event-type-requirements.tsv",
            header: ["event_type", "required_fields", "source"]
        ) {
            let eventType = cells[0]
            guard schema.enums[eventTypeEnum].contains(eventType) else {
                throw Failure(
                    message:
                        "udm-event-type-requirements.tsv line \(line): \(eventType) is not a metadata.event_type value")
            }
            guard rowIndexByEventType[eventType] == nil else {
                throw Failure(message: "udm-event-type-requirements.tsv line \(line): \(eventType) listed twice")
            }
            var requirements: [[EventTypeRequirements.Alternative]] = []
            for rawClause in cells[1].split(separator: ";", omittingEmptySubsequences: false) {
                let clause = rawClause.trimmingCharacters(in: .whitespaces)
                guard !clause.isEmpty else {
                    throw Failure(
                        message: "udm-event-type-requirements.tsv line \(line): empty clause in '\(cells[1])'")
                }
                guard let alternatives = try parseClause(clause, schema: schema) else {
                    if let index = table.droppedConditionals.firstIndex(where: { $0.clause == clause }) {
                        table.droppedConditionals[index].eventTypes.append(eventType)
                    } else {
                        table.droppedConditionals.append((clause, [eventType]))
                    }
                    continue
                }
                guard !requirements.contains(alternatives) else { continue }
                requirements.append(alternatives)
            }
            rowIndexByEventType[eventType] = table.rows.count
            table.rows.append((eventType, requirements))
        }

        return table
    }

    /// Turns one clause of `required_fields` into its alternatives; nil for a conditional clause
    /// ("… only if …", "… if …", "… when …"), which a normalizer cannot evaluate. Throws on anything else
    /// it does not understand, naming the clause.
    static func parseClause(_ clause: String, schema: UDMSchema) throws -> [EventTypeRequirements.Alternative]? {
        func fail(_ why: String) -> Failure { Failure(message: "cannot parse requirement clause '\(clause)': \(why)") }

        // Notes in parentheses ("(local login, principal unset)") must not look like conditions.
        let words = removingParentheticals(clause).lowercased().split(whereSeparator: { $0 == " " || $0 == "," })
        if words.contains("if") || words.contains("when") { return nil }

        var alternatives: [EventTypeRequirements.Alternative] = []
        func add(_ path: String, _ value: String? = nil) throws {
            guard let steps = schema.resolve(path) else { throw fail("'\(path)' is not a UDM field") }
            if let value {
                switch schema.field(steps[steps.count - 1]).type {
                case .enumeration(let index):
                    guard schema.enums[index].contains(value) else {
                        throw fail("\(value) is not a value of \(schema.enums[index].name)")
                    }
                case .string:
                    break
                default:
                    throw fail("'\(path)' cannot carry a required value")
                }
            }
            let alternative = EventTypeRequirements.Alternative(path: path, requiredValue: value)
            if !alternatives.contains(alternative) { alternatives.append(alternative) }
        }

        // "X (remote login) OR Y (local login, principal unset)": either side satisfies the requirement.
        for rawSide in clause.components(separatedBy: " OR ") {
            var side = rawSide.trimmingCharacters(in: .whitespaces)
            // "target.resource (type SETTING)": the resource's type, old or new field.
            if let open = side.range(of: " (type "), side.hasSuffix(")") {
                let path = String(side[..<open.lowerBound])
                let value = String(side[open.upperBound..<side.index(before: side.endIndex)])
                guard isResourcePath(path, schema: schema) else { throw fail("'\(path)' is not a Resource") }
                guard isEnumValueSyntax(value) else { throw fail("'\(value)' is not a value") }
                try add(path + ".type", value)
                try add(path + ".resource_type", value)
                continue
            }
            if side.hasSuffix(")"), let open = side.range(of: " (", options: .backwards) {
                side = String(side[..<open.lowerBound]).trimmingCharacters(in: .whitespaces)
            }
            for rawTerm in side.split(separator: "|", omittingEmptySubsequences: false) {
                let term = rawTerm.trimmingCharacters(in: .whitespaces)
                if term.hasSuffix(" machine id") {
                    // The usage guide's "machine id" is any of the four ways to name a host.
                    let noun = String(term.dropLast(" machine id".count))
                    guard isPathSyntax(noun), !noun.contains(".") else { throw fail("unknown machine id '\(term)'") }
                    for leaf in ["hostname", "ip", "mac", "asset_id"] { try add("\(noun).\(leaf)") }
                } else if let equals = term.firstIndex(of: "=") {
                    let path = String(term[..<equals])
                    let value = String(term[term.index(after: equals)...])
                    guard isPathSyntax(path), isEnumValueSyntax(value) else { throw fail("malformed '\(term)'") }
                    try add(path, value)
                } else if isPathSyntax(term) {
                    if isResourcePath(term, schema: schema) {
                        // Labels alone do not identify a resource; one of these does.
                        for leaf in ["name", "id", "product_object_id", "type", "resource_type", "resource_subtype"] {
                            try add("\(term).\(leaf)")
                        }
                    } else {
                        try add(term)
                    }
                } else {
                    throw fail("unrecognised term '\(term)'")
                }
            }
        }
        guard !alternatives.isEmpty else { throw fail("no alternatives") }
        return alternatives
    }

    private static func isResourcePath(_ path: String, schema: UDMSchema) -> Bool {
        guard let steps = schema.resolve(path),
            case .message(let index) = schema.field(steps[steps.count - 1]).type
        else { return false }
        return schema.messages[index].name == "Resource"
    }

    private static func isPathSyntax(_ text: String) -> Bool {
        !text.isEmpty
            && text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { segment in
                !segment.isEmpty && segment.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            }
    }

    private static func isEnumValueSyntax(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "_") }
    }

    private static func removingParentheticals(_ text: String) -> String {
        var result = ""
        var depth = 0
        for character in text {
            if character == "(" {
                depth += 1
            } else if character == ")" {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                result.append(character)
            }
        }
        return result
    }

    // MARK: - Output

    static func render(schemaText: String, counts: Counts, requirements: RequirementsTable) -> String {
        var counts = counts
        counts.eventTypes = requirements.rows.count
        var out = """
            // swift-format-ignore-file
            // Generated by SchemaGenerator (Tests/UDMNormalizerTests/SchemaGenerator.swift) from udm-messages.tsv, udm-enums.tsv and udm-event-type-requirements.tsv. Do not edit; regenerate with UDM_REGENERATE=1 swift test --filter SchemaGeneratedFileTests.
            //
            // \(counts.messages) messages, \(counts.fields) fields, \(counts.enums) enum types, \(counts.eventTypes) event types.
            // Format: see UDMSchema (E/M/F lines) and EventTypeRequirements (R lines).

            """
        if !requirements.droppedConditionals.isEmpty {
            out += "//\n// Conditional requirement clauses NOT enforced (a normalizer cannot know the condition):\n"
            for (clause, eventTypes) in requirements.droppedConditionals {
                out += "//   \"\(clause)\": \(eventTypes.joined(separator: ", "))\n"
            }
        }
        out += "\nextension UDMSchema {\n"
        out += "    /// The built-in schema and event type requirements in the compact text format.\n"
        out += "    static let generatedText = ##\"\"\"\n"
        out += schemaText
        out += "# Required fields: R <EVENT_TYPE> <alternative>|<alternative>;<requirement>…\n"
        for (eventType, alternativesList) in requirements.rows {
            let clauses = alternativesList.map { alternatives in
                alternatives.map { alternative in
                    alternative.requiredValue.map { "\(alternative.path)=\($0)" } ?? alternative.path
                }.joined(separator: "|")
            }
            out += clauses.isEmpty ? "R \(eventType)\n" : "R \(eventType) \(clauses.joined(separator: ";"))\n"
        }
        out += "\"\"\"##\n}\n"
        return out
    }

    // MARK: - TSV

    /// Data rows (1-based line number, cells) of a TSV whose header must be exactly `header`.
    private static func tsvRows(_ text: String, file: String, header: [String]) throws -> [(line: Int, cells: [String])]
    {
        var rows: [(Int, [String])] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, rawLine) in lines.enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == header.count else {
                throw Failure(
                    message: "\(file) line \(offset + 1): expected \(header.count) columns, found \(cells.count)")
            }
            if offset == 0 {
                guard cells == header else {
                    throw Failure(message: "\(file): header is \(cells), expected \(header)")
                }
                continue
            }
            rows.append((offset + 1, cells))
        }
        return rows
    }
}
