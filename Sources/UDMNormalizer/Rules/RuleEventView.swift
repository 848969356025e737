/// Reads field paths of one event the way YARA-L does, remembering what it has read.
///
/// A repeated field unnests: the event becomes one row per element (per combination, when a
/// statement reads several repeated fields; children of one element stay on one row). An absent
/// field reads as `.absent`. `labels["k"]` reads the values of the labels keyed k;
/// `additional.fields["k"]` the key k of `additional`; `event_timestamp.seconds` the seconds of an
/// RFC 3339 time.
final class RuleEventView {
    let event: RuleEvent
    private let document: JSONDocument
    private var cache: [RuleFieldPath: [RuleScalar]] = [:]
    /// Rows of rules' joins, by rule and join: a held event meets many others in its windows.
    private var joinRows: [String: [[Int: RuleScalar]]] = [:]
    /// Rows are cut at this many per statement; a product of repeated fields larger than that is rare
    /// and means the event is unusual, not that the rule should stall.
    static let rowLimit = 4096

    /// Where a step leads: a node of the event (its field names read as snake_case when `converts`),
    /// the values of a map's entries, or a value computed from a node (a time's seconds).
    private enum Place {
        case node(Int, converts: Bool)
        /// Map entries' value nodes; -1 for an entry without a value (read as null).
        case entries([Int], converts: Bool)
        case computed(RuleScalar)
    }

    init(_ event: RuleEvent) {
        self.event = event
        document = event.document
    }

    private var root: Place { .node(document.root, converts: event.readsCamelCase) }

    /// Every value at `path`, unnested; `[.absent]` when there is none.
    func values(_ path: RuleFieldPath) -> [RuleScalar] {
        if let cached = cache[path] { return cached }
        var out: [RuleScalar] = []
        collect(root, path.steps[...], into: &out)
        if out.isEmpty { out = [.absent] }
        cache[path] = out
        return out
    }

    /// Whether the event has a non-empty value at `path`.
    func isFilled(_ path: RuleFieldPath) -> Bool {
        values(path).contains { $0 != .absent && $0 != .string("") }
    }

    private func collect(_ place: Place?, _ steps: ArraySlice<RuleFieldPath.Step>, into out: inout [RuleScalar]) {
        switch place {
        case nil: return
        case .computed(let value)?:
            if steps.isEmpty { out.append(value) }
        case .entries(let nodes, let converts)?:
            for node in nodes where node >= 0 { collect(.node(node, converts: converts), steps, into: &out) }
        case .node(let node, let converts)?:
            let kind = document.kind(node)
            if kind == .array {
                document.forEachElement(node) { collect(.node($0, converts: converts), steps, into: &out) }
                return
            }
            guard let step = steps.first else {
                if kind != .null { out.append(document.ruleScalar(node, converts: converts)) }
                return
            }
            collect(child(node, converts, step), steps.dropFirst(), into: &out)
        }
    }

    private func child(_ node: Int, _ converts: Bool, _ step: RuleFieldPath.Step) -> Place? {
        switch (document.kind(node), step) {
        case (.string, .field(let name)) where name == "seconds" || name == "nanos":
            guard let time = Timestamp(text: document.string(node)) else { return nil }
            if name == "seconds" { return .computed(.number(Double(time.seconds))) }
            return .computed(.number(Double(Int((Double("0." + time.fraction) ?? 0) * 1e9))))
        case (.object, .field(let name)):
            return document.ruleMember(node, name, converts: converts).map {
                .node($0, converts: converts && name != "additional")
            }
        case (.object, .map(let name, let key)):
            guard let map = document.ruleMember(node, name, converts: converts) else {
                guard name == "fields", let value = document.ruleMember(node, key, converts: false) else { return nil }
                return .node(value, converts: false)
            }
            let inner = converts && name != "additional"
            switch document.kind(map) {
            case .array:
                var found: [Int] = []
                document.forEachElement(map) { entry in
                    guard let keyNode = document.ruleMember(entry, "key", converts: inner),
                        document.kind(keyNode) == .string, document.string(keyNode) == key
                    else { return }
                    found.append(document.ruleMember(entry, "value", converts: inner) ?? -1)
                }
                return found.isEmpty ? nil : .entries(found, converts: inner)
            case .object:
                return document.ruleMember(map, key, converts: false).map { .node($0, converts: inner) }
            default:
                return nil
            }
        default:
            return nil
        }
    }

    /// The unnested rows of the paths in `trie`: slot → value.
    func rows(_ trie: PathTrie) -> [[Int: RuleScalar]] {
        expand(root, trie)
    }

    /// The rows of a join's paths, remembered under `join` (the rule's name and the join's number).
    func rows(_ trie: PathTrie, cachedAs join: String) -> [[Int: RuleScalar]] {
        if let rows = joinRows[join] { return rows }
        let rows = expand(root, trie)
        joinRows[join] = rows
        return rows
    }

    private func expand(_ place: Place?, _ trie: PathTrie) -> [[Int: RuleScalar]] {
        var scalar = RuleScalar.absent
        switch place {
        case .entries(let nodes, let converts)?:
            return expand(elements: nodes.map { $0 >= 0 ? Place.node($0, converts: converts) : nil }, trie)
        case .node(let node, let converts)? where document.kind(node) == .array:
            var elements: [Place?] = []
            document.forEachElement(node) { elements.append(.node($0, converts: converts)) }
            return expand(elements: elements, trie)
        case .node(let node, let converts)?:
            if !trie.ends.isEmpty, document.kind(node) != .null {
                scalar = document.ruleScalar(node, converts: converts)
            }
        case .computed(let value)?:
            if !trie.ends.isEmpty { scalar = value }
        case nil:
            break
        }
        var base: [Int: RuleScalar] = [:]
        for slot in trie.ends { base[slot] = scalar }
        var rows = [base]
        for (step, child) in trie.children {
            let next: Place?
            if case .node(let node, let converts)? = place {
                next = self.child(node, converts, step)
            } else {
                next = nil
            }
            let options = expand(next, child)
            if options.count == 1 {
                for index in rows.indices { rows[index].merge(options[0]) { $1 } }
                continue
            }
            var product: [[Int: RuleScalar]] = []
            product.reserveCapacity(min(rows.count * options.count, Self.rowLimit))
            outer: for row in rows {
                for option in options {
                    product.append(row.merging(option) { $1 })
                    if product.count >= Self.rowLimit { break outer }
                }
            }
            rows = product
        }
        return rows
    }

    /// The rows of each element of a repeated field, one after another (the field absent when none).
    private func expand(elements: [Place?], _ trie: PathTrie) -> [[Int: RuleScalar]] {
        var out: [[Int: RuleScalar]] = []
        for element in elements {
            out += expand(element, trie)
            if out.count >= Self.rowLimit { break }
        }
        return out.isEmpty ? expand(nil, trie) : out
    }
}
