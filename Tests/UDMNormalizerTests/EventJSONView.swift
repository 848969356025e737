import Foundation

@testable import UDMNormalizer

/// One UDM event read back from its JSON with Foundation's parser, independently of the library's
/// field access: every value at a dotted path (arrays flattened), label values by key and
/// `additional` by key. The noun tests use it to say what a detection engineer would read.
struct RuleView: EventReading {
    let root: [String: Any]

    init(json: String) throws {
        guard let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            throw InputError(path: "event", reason: "not a JSON object")
        }
        root = object
    }

    /// Every value at a dotted UDM path (snake_case, as the writer names fields), as text.
    func values(_ path: String) -> [String] {
        nodes(at: path).compactMap(Self.text)
    }

    private func nodes(at path: String) -> [Any] {
        var nodes: [Any] = [root]
        for step in path.split(separator: ".") {
            var next: [Any] = []
            for node in nodes {
                guard let object = node as? [String: Any], let child = object[String(step)] else { continue }
                if let array = child as? [Any] { next += array } else { next.append(child) }
            }
            nodes = next
        }
        return nodes
    }

    /// The values of the labels keyed `key` in the label list at `path`.
    func labels(_ path: String, _ key: String) -> [String] {
        nodes(at: path).compactMap { node in
            guard let label = node as? [String: Any], label["key"] as? String == key else { return nil }
            return label["value"].flatMap(Self.text)
        }
    }

    /// `additional.fields["key"]` (the writer keeps `additional` as an object).
    func additional(_ key: String) -> [String] {
        guard let additional = root["additional"] as? [String: Any], let value = additional[key] else { return [] }
        return Self.text(value).map { [$0] } ?? []
    }

    private static func text(_ value: Any) -> String? {
        switch value {
        case let string as String: return string
        case let number as NSNumber: return number.stringValue
        default: return nil
        }
    }
}

/// What a test asks of one UDM event, whichever way the event is read: the library's field access
/// (`RuleTestEvent`) or an independent parse of its JSON (`RuleView`).
protocol EventReading {
    /// Every value at a dotted UDM path, as text.
    func values(_ path: String) -> [String]
}

extension EventReading {
    /// Some value at the path equals `value`.
    func `is`(_ path: String, _ value: String) -> Bool { values(path).contains(value) }
    /// The path has a non-empty value.
    func has(_ path: String) -> Bool { values(path).contains { !$0.isEmpty } }
    var allowed: Bool { self.is("security_result.action", "ALLOW") }
    var blocked: Bool { self.is("security_result.action", "BLOCK") }
}

extension RuleTestEvent: EventReading {
    /// The values of the labels keyed `key` in the label list at `path`.
    func labels(_ path: String, _ key: String) -> [String] {
        (try? RuleView(json: udm.json))?.labels(path, key) ?? []
    }
}
