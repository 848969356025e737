/// A UDM field path as a rule reads it: `target.resource.attribute.labels["requestParameters.sslPolicy"]`.
package struct RuleFieldPath: Sendable, Hashable, CustomStringConvertible {
    /// One step: a field, or a map field read at a key (`labels["k"]`, `fields["k"]`).
    package enum Step: Sendable, Hashable {
        case field(String)
        case map(String, key: String)

        var name: String {
            switch self {
            case .field(let name), .map(let name, _): return name
            }
        }
    }

    package var steps: [Step] {
        didSet { fingerprint = Self.fingerprint(steps) }
    }
    /// A hash of the steps, computed once: paths are dictionary keys on the per-event hot path.
    private var fingerprint: Int

    package init(steps: [Step]) {
        self.steps = steps
        fingerprint = Self.fingerprint(steps)
    }

    private static func fingerprint(_ steps: [Step]) -> Int {
        var hasher = Hasher()
        hasher.combine(steps)
        return hasher.finalize()
    }

    package func hash(into hasher: inout Hasher) { hasher.combine(fingerprint) }

    package static func == (a: RuleFieldPath, b: RuleFieldPath) -> Bool {
        a.fingerprint == b.fingerprint && a.steps == b.steps
    }

    /// The dotted path with map keys in brackets, as the rule writes it.
    package var description: String {
        steps.map { step in
            switch step {
            case .field(let name): return name
            case .map(let name, let key): return "\(name)[\"\(key)\"]"
            }
        }.joined(separator: ".")
    }

    /// The path without map keys (`target.resource.attribute.labels`), as the tables name fields.
    package var schemaPath: String { steps.map(\.name).joined(separator: ".") }

    /// Whether the path is of an entity-graph variable (`$x.graph.…`).
    var isGraph: Bool { steps.first == .field("graph") }
}
