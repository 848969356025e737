/// Reads field paths of one event the way YARA-L does, remembering what it has read.
///
/// A repeated field unnests: the event becomes one row per element (per combination, when a
/// statement reads several repeated fields; children of one element stay on one row). An absent
/// field reads as `.absent`. `labels["k"]` reads the values of the labels keyed k;
/// `additional.fields["k"]` the key k of `additional`; `event_timestamp.seconds` the seconds of an
/// RFC 3339 time.
final class RuleEventView {
    let event: RuleEvent
    private var cache: [RuleFieldPath: [RuleScalar]] = [:]
    /// Rows of rules' joins, by rule and join: a held event meets many others in its windows.
    private var joinRows: [String: [[Int: RuleScalar]]] = [:]
    /// Rows are cut at this many per statement; a product of repeated fields larger than that is rare
    /// and means the event is unusual, not that the rule should stall.
    static let rowLimit = 4096

    init(_ event: RuleEvent) {
        self.event = event
    }

    /// Every value at `path`, unnested; `[.absent]` when there is none.
    func values(_ path: RuleFieldPath) -> [RuleScalar] {
        if let cached = cache[path] { return cached }
        var out: [RuleScalar] = []
        Self.collect(event.root, path.steps[...], into: &out)
        if out.isEmpty { out = [.absent] }
        cache[path] = out
        return out
    }

    /// Whether the event has a non-empty value at `path`.
    func isFilled(_ path: RuleFieldPath) -> Bool {
        values(path).contains { $0 != .absent && $0 != .string("") }
    }

    private static func collect(
        _ value: RuleValue?, _ steps: ArraySlice<RuleFieldPath.Step>, into out: inout [RuleScalar]
    ) {
        guard let value else { return }
        if case .array(let elements) = value {
            for element in elements { collect(element, steps, into: &out) }
            return
        }
        guard let step = steps.first else {
            if case .null = value { return }
            out.append(value.scalar)
            return
        }
        collect(child(value, step), steps.dropFirst(), into: &out)
    }

    static func child(_ value: RuleValue?, _ step: RuleFieldPath.Step) -> RuleValue? {
        guard let value else { return nil }
        switch (value, step) {
        case (.string(let text), .field(let name)) where name == "seconds" || name == "nanos":
            guard let time = Timestamp(text: text) else { return nil }
            if name == "seconds" { return .number(String(time.seconds)) }
            return .number(String(Int((Double("0." + time.fraction) ?? 0) * 1e9)))
        case (.object(let members), .field(let name)):
            return members[name]
        case (.object(let members), .map(let name, let key)):
            guard let map = members[name] else { return name == "fields" ? members[key] : nil }
            switch map {
            case .array(let entries):
                let found = entries.compactMap { entry -> RuleValue? in
                    guard case .string(key)? = entry["key"] else { return nil }
                    return entry["value"] ?? .null
                }
                return found.isEmpty ? nil : .array(found)
            case .object(let entries):
                return entries[key]
            default:
                return nil
            }
        default:
            return nil
        }
    }

    /// The unnested rows of the paths in `trie`: slot → value.
    func rows(_ trie: PathTrie) -> [[Int: RuleScalar]] {
        Self.expand(event.root, trie)
    }

    /// The rows of a join's paths, remembered under `join` (the rule's name and the join's number).
    func rows(_ trie: PathTrie, cachedAs join: String) -> [[Int: RuleScalar]] {
        if let rows = joinRows[join] { return rows }
        let rows = Self.expand(event.root, trie)
        joinRows[join] = rows
        return rows
    }

    private static func expand(_ value: RuleValue?, _ node: PathTrie) -> [[Int: RuleScalar]] {
        if case .array(let elements)? = value {
            var out: [[Int: RuleScalar]] = []
            for element in elements {
                out += expand(element, node)
                if out.count >= rowLimit { break }
            }
            return out.isEmpty ? expand(nil, node) : out
        }
        var base: [Int: RuleScalar] = [:]
        let scalar: RuleScalar
        if let value, !node.ends.isEmpty {
            if case .null = value { scalar = .absent } else { scalar = value.scalar }
        } else {
            scalar = .absent
        }
        for slot in node.ends { base[slot] = scalar }
        var rows = [base]
        for (step, child) in node.children {
            let options = expand(Self.child(value, step), child)
            if options.count == 1 {
                for index in rows.indices { rows[index].merge(options[0]) { $1 } }
                continue
            }
            var product: [[Int: RuleScalar]] = []
            product.reserveCapacity(min(rows.count * options.count, rowLimit))
            outer: for row in rows {
                for option in options {
                    product.append(row.merging(option) { $1 })
                    if product.count >= rowLimit { break outer }
                }
            }
            rows = product
        }
        return rows
    }
}
