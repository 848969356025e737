import Foundation

@testable import UDMNormalizer

/// An independent check of UDM output, built straight from the reference TSVs with Foundation's
/// JSON parser (not the library's reader or schema), so a bug in the library cannot hide itself.
struct UDMOracle {
    /// message name → field name → (type column, repeated), straight from udm-messages.tsv.
    let messages: [String: [String: (type: String, repeated: Bool)]]
    /// Enum values by the dotted path's last components (`auth.mechanism` → values), as the TSV keys them.
    let enumValues: [String: Set<String>]

    init() throws {
        let text = try PackagePaths.read(SchemaGenerator.referenceDirectory.appendingPathComponent("udm-messages.tsv"))
        var messages: [String: [String: (type: String, repeated: Bool)]] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 4 else { continue }
            messages[String(columns[0]), default: [:]][String(columns[1])] = (String(columns[2]), columns[3] == "yes")
        }
        // google.type.LatLng (Location.region_coordinates) is a well-known proto message the TSV does not list.
        messages["LatLng"] = ["latitude": ("double", false), "longitude": ("double", false)]
        self.messages = messages
        let enums = try PackagePaths.read(SchemaGenerator.referenceDirectory.appendingPathComponent("udm-enums.tsv"))
        var values: [String: Set<String>] = [:]
        for line in enums.split(separator: "\n").dropFirst() {
            let columns = line.split(separator: "\t")
            guard columns.count == 2 else { continue }
            values[String(columns[0]), default: []].insert(String(columns[1]))
        }
        enumValues = values
    }

    /// Problems found in one UDM JSON event: unknown paths, repeated fields not written as arrays,
    /// and enum values not in the enum.
    func problems(inEventJSON json: String) -> [String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            return ["not a JSON object: \(json.prefix(200))"]
        }
        var problems: [String] = []
        walk(object, path: "", into: &problems)
        return problems
    }

    private func walk(_ value: Any, path: String, into problems: inout [String]) {
        walk(value, message: "UDM", path: path, into: &problems)
    }

    private func walk(_ value: Any, message: String, path: String, into problems: inout [String]) {
        guard let object = value as? [String: Any] else {
            problems.append("\(path.isEmpty ? "event" : path) should be an object")
            return
        }
        for (key, child) in object {
            let childPath = path.isEmpty ? key : path + "." + key
            guard let field = messages[message]?[key] else {
                problems.append("\(childPath) is not a UDM field (no field '\(key)' in message \(message))")
                continue
            }
            if field.type.hasPrefix("Struct") { continue }  // `additional`: a free JSON object
            let elements: [Any]
            if field.repeated {
                guard let array = child as? [Any] else {
                    problems.append("\(childPath) is repeated but not written as an array")
                    continue
                }
                elements = array
            } else {
                elements = [child]
            }
            for element in elements {
                if field.type.hasPrefix("message ") {
                    walk(
                        element, message: String(field.type.dropFirst("message ".count)), path: childPath,
                        into: &problems)
                } else if messages[field.type] != nil {
                    // A well-known message (LatLng).
                    walk(element, message: field.type, path: childPath, into: &problems)
                } else if field.type.hasPrefix("enum ") {
                    guard let text = element as? String else {
                        problems.append("\(childPath) is an enum but not a string")
                        continue
                    }
                    if let allowed = enumValuesFor(childPath), !allowed.contains(text) {
                        problems.append("\(childPath) = \(text) is not a value of its enum")
                    } else if enumValuesFor(childPath) == nil {
                        problems.append("\(childPath): no enum values known")
                    }
                } else if element is [String: Any] || element is [Any] {
                    problems.append("\(childPath) is a \(field.type) but holds a structure")
                }
            }
        }
    }

    private func enumValuesFor(_ path: String) -> Set<String>? {
        let parts = path.split(separator: ".")
        for length in stride(from: min(4, parts.count), through: 2, by: -1) {
            if let values = enumValues[parts.suffix(length).joined(separator: ".")] { return values }
        }
        return nil
    }
}

extension UDMOracle {
    /// Requirements of the event's type that its JSON does not meet (checked on the written JSON).
    func unmetRequirements(inEventJSON json: String) -> [String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
            let metadata = object["metadata"] as? [String: Any], let type = metadata["event_type"] as? String
        else {
            return ["no metadata.event_type"]
        }
        guard let requirements = EventTypeRequirements.builtin.requirements(for: type) else { return [] }
        return requirements.filter { requirement in
            !requirement.alternatives.contains { alternative in
                Self.values(at: alternative.path.split(separator: ".").map(String.init), in: object).contains { value in
                    alternative.requiredValue == nil || (value as? String) == alternative.requiredValue
                }
            }
        }.map(\.text)
    }

    /// Every value at a dotted path, looking into each element of arrays on the way.
    static func values(at path: [String], in value: Any) -> [Any] {
        guard let first = path.first else { return [value] }
        if let array = value as? [Any] { return array.flatMap { values(at: path, in: $0) } }
        guard let object = value as? [String: Any], let child = object[first] else { return [] }
        let rest = Array(path.dropFirst())
        if rest.isEmpty, let array = child as? [Any] { return array }
        return values(at: rest, in: child)
    }
}
