import Foundation

@testable import UDMNormalizer

/// One line of `Tests/Corpus/labelled/*.ndjson`: a CloudTrail record as AWS documents it, with the
/// UDM type and target a detection engineer expects of it in each output profile (the format is in
/// that folder's README).
struct LabelledCloudTrailEvent {
    /// What the event acts on, as one profile should write it.
    struct Target: CustomStringConvertible {
        /// `resource`, `user`, `collection` or `none`.
        let kind: String
        /// The UDM field holding `value`; nil for `none`.
        let field: String?
        let value: String?

        var description: String {
            guard let field, let value else { return kind }
            return "\(kind) \(field)=\(value)"
        }
    }

    /// The type and target one profile should give the event.
    struct Expectation {
        let type: String
        let target: Target
    }

    /// The fields each target kind may name.
    static let fieldsByKind: [String: Set<String>] = [
        "resource": ["target.resource.name", "target.resource.product_object_id"],
        "user": ["target.user.userid", "target.user.user_display_name"],
        "collection": ["target.resource.resource_subtype"],
        "none": [],
    ]
    /// The verbs of a read, in the order the collection noun cuts them (longest first).
    static let readVerbs = ["Describe", "List", "Get"]

    let id: String
    /// `file:line`, for messages.
    let location: String
    let source: String
    /// The record's JSON text exactly as the file holds it (key order kept: the target rule reads
    /// keys in document order).
    let record: String
    let eventSource: String
    let eventName: String
    let expected: [String: Expectation]
    let why: String

    /// Whether the call is a read by its verb (Describe, List, Get).
    var isRead: Bool { Self.readVerbs.contains { eventName.hasPrefix($0) } }

    /// SERVICE:Noun of a read that names nothing: the eventSource's first label, then the event name
    /// without its verb and trailing version digits (`lambda:Functions` for ListFunctions20150331).
    var collectionNoun: String? {
        guard let verb = Self.readVerbs.first(where: { eventName.hasPrefix($0) }),
            let service = eventSource.split(separator: ".").first
        else { return nil }
        let noun = eventName.dropFirst(verb.count).reversed().drop(while: \.isNumber).reversed()
        return noun.isEmpty ? nil : "\(service):\(String(noun))"
    }

    /// Every labelled event of every `*.ndjson` file in `folder`, in file and line order.
    static func load(from folder: URL) throws -> [LabelledCloudTrailEvent] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".ndjson") }
        var events: [LabelledCloudTrailEvent] = []
        for name in names.sorted() {
            let lines = try PackagePaths.read(folder.appendingPathComponent(name)).split(
                separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() where !line.isEmpty {
                events.append(try LabelledCloudTrailEvent(line: String(line), location: "\(name):\(index + 1)"))
            }
        }
        return events
    }

    /// Reads one line; a line that does not follow the format is an error naming its place and why.
    init(line: String, location: String) throws {
        func fail(_ reason: String) -> InputError { InputError(path: location, reason: reason) }
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw fail("not a JSON object")
        }
        guard let id = object["id"] as? String, !id.isEmpty else { throw fail("no id") }
        guard let source = object["source"] as? String, source.hasPrefix("https://") else {
            throw fail("\(id): no source address")
        }
        guard let why = object["why"] as? String, !why.isEmpty else { throw fail("\(id): no why") }
        guard let event = object["event"] as? [String: Any], let eventSource = event["eventSource"] as? String,
            let eventName = event["eventName"] as? String
        else { throw fail("\(id): no event with eventSource and eventName") }
        // The record's own text, so that the normalizer reads its keys in the documented order.
        let document = try JSONParser.parse(Array(line.utf8))
        guard let recordNode = document.member(document.root, "event") else { throw fail("\(id): no event") }
        guard let expect = object["expect"] as? [String: Any] else { throw fail("\(id): no expect") }
        var expected: [String: Expectation] = [:]
        for (profile, value) in expect {
            guard let expectation = value as? [String: Any], let type = expectation["type"] as? String,
                let target = expectation["target"] as? [String: Any], let kind = target["kind"] as? String
            else { throw fail("\(id): \(profile) has no type or no target kind") }
            expected[profile] = Expectation(
                type: type,
                target: Target(kind: kind, field: target["field"] as? String, value: target["value"] as? String))
        }
        self.id = id
        self.location = location
        self.source = source
        self.record = document.rawText(recordNode)
        self.eventSource = eventSource
        self.eventName = eventName
        self.expected = expected
        self.why = why
    }
}
