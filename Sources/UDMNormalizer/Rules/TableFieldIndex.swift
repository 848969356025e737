/// Which UDM fields the effective tables can write, and by which table rule: what static readiness
/// checks a rule's `events:` fields against. A `| flatten` target or a label list counts as able to
/// write every key of its map.
package struct TableFieldIndex: Sendable {
    /// A table rule that writes a field (`file:line`), per log type.
    package struct Producer: Sendable {
        package var rule: String
        package var logType: String
        package var fieldPath: String
        /// The label or `additional` key, nil for a plain field or any key.
        package var key: String?
        /// `fieldPath` cut at its dots, for finding the nearest field.
        var parts: [Substring] { fieldPath.split(separator: ".") }
    }

    package let producers: [Producer]
    /// Each producer's `parts`, computed once.
    private let producerParts: [[Substring]]

    package init(mappings: MappingSet) {
        var producers: [Producer] = []
        for file in mappings.files {
            for rule in file.rules {
                var key: String?
                switch rule.target.leaf {
                case .label(_, let labelKey), .structKey(_, let labelKey): key = rule.flattens ? nil : labelKey
                case .scalar, .labelList: key = nil
                }
                producers.append(
                    Producer(
                        rule: rule.id.description, logType: file.logType ?? "", fieldPath: rule.target.fieldPath,
                        key: key))
            }
        }
        self.producers = producers
        producerParts = producers.map(\.parts)
    }

    /// The table field a rule path names: `additional.fields["k"]` is `additional` key k, a map
    /// step's key is the label key, `event_timestamp.seconds` is `event_timestamp`.
    static func tableField(_ path: RuleFieldPath) -> (fieldPath: String, key: String?) {
        var names: [String] = []
        var key: String?
        for step in path.steps {
            switch step {
            case .field(let name): names.append(name)
            case .map(let name, let mapKey):
                if name != "fields" || names.last != "additional" { names.append(name) }
                key = mapKey
            }
        }
        if let last = names.last, last == "seconds" || last == "nanos", names.count > 1,
            names[names.count - 2].hasSuffix("timestamp")
        {
            names.removeLast()
        }
        return (names.joined(separator: "."), key)
    }

    /// The table rules that may write `path`.
    package func producers(of path: RuleFieldPath) -> [Producer] {
        let (fieldPath, key) = Self.tableField(path)
        return producers.filter { $0.fieldPath == fieldPath && ($0.key == nil || key == nil || $0.key == key) }
    }

    /// The table rule writing the field nearest to `path` (longest common prefix, then closest key).
    package func nearest(to path: RuleFieldPath) -> Producer? {
        let (fieldPath, key) = Self.tableField(path)
        let wanted = fieldPath.split(separator: ".")
        var best: (index: Int, score: (Int, Int))?
        for (index, parts) in producerParts.enumerated() {
            let common = zip(wanted, parts).prefix { $0 == $1 }.count
            let producer = producers[index]
            let sameKeyField = producer.fieldPath == fieldPath && key != nil && producer.key != nil ? 1 : 0
            let score = (common, sameKeyField)
            if let current = best, score <= current.score { continue }
            best = (index, score)
        }
        return best.map { producers[$0.index] }
    }
}
