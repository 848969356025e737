/// The UDM event under construction: a tree of message instances in an arena.
///
/// An arena of small entry lists (rather than nested value types) keeps writes O(depth) without
/// copy-on-write churn, and lets the writer emit fields in schema order whatever order rules ran in.
struct UDMEventBuilder: Sendable {
    /// One message instance (the root `UDM` event is instance 0). Its entries are kept sorted by
    /// (field, element), insertion order among equals, so writers need no sort.
    struct Instance: Sendable {
        var message: Int
        var entries: [Entry] = []
    }

    /// One field value inside an instance.
    struct Entry: Sendable {
        enum Content: Sendable {
            case value(OutputValue)
            case child(Int)
            case label(key: String, value: OutputValue)
            case structValue(key: String, value: OutputValue)
        }
        /// Field index within the instance's message (equal to the field's proto order).
        var field: Int
        /// Element number for repeated message fields; insertion order otherwise.
        var element: Int
        var content: Content
        /// Index of the rule that wrote it, in its file (-1 for values the engine set itself).
        var rule: Int
    }

    private(set) var instances: [Instance]
    /// Instance index by target instance key (see `TargetPath.instanceKey`), -1 when not created yet.
    private var instanceByKey: [Int32]

    init(rootMessage: Int, targetInstanceCount: Int = 0) {
        instances = [Instance(message: rootMessage)]
        instances.reserveCapacity(24)
        instanceByKey = Array(repeating: -1, count: targetInstanceCount)
    }

    /// The instance a compiled target leads to, found through its key when it has one.
    mutating func instance(for target: TargetPath, fanIndex: Int, schema: UDMSchema, create: Bool) -> Int? {
        if let key = target.instanceKey, key < instanceByKey.count {
            let known = instanceByKey[key]
            if known >= 0 { return Int(known) }
            guard let found = instance(for: target.steps, fanIndex: fanIndex, schema: schema, create: create) else { return nil }
            instanceByKey[key] = Int32(found)
            return found
        }
        return instance(for: target.steps, fanIndex: fanIndex, schema: schema, create: create)
    }

    /// The instance of a compiled target if it exists; never creates.
    func existingInstance(for target: TargetPath) -> Int? {
        if let key = target.instanceKey, key < instanceByKey.count {
            let known = instanceByKey[key]
            if known >= 0 { return Int(known) }
        }
        return existingInstance(for: target.steps)
    }

    /// The instance reached by following `steps` from the root, created on the way when `create`.
    mutating func instance(for steps: [TargetPath.Step], fanIndex: Int, schema: UDMSchema, create: Bool) -> Int? {
        var current = 0
        for step in steps {
            let field = step.field.field
            let element: Int
            switch step.element {
            case .first: element = 0
            case .fanOut: element = fanIndex
            case .append:
                guard create else { return nil }
                element = instances[current].entries.reduce(0) { count, entry in
                    if entry.field == field, case .child = entry.content { return count + 1 } else { return count }
                }
            }
            if let existing = child(of: current, field: field, element: element) {
                current = existing
                continue
            }
            guard create else { return nil }
            guard case .message(let childMessage) = schema.field(step.field).type else { return nil }
            let newIndex = instances.count
            instances.append(Instance(message: childMessage))
            insert(Entry(field: field, element: element, content: .child(newIndex), rule: -1), into: current)
            current = newIndex
        }
        return current
    }

    /// The instance at `steps` (first elements only) if it exists; never creates.
    func existingInstance(for steps: [TargetPath.Step]) -> Int? {
        var current = 0
        for step in steps {
            guard step.element == .first, let next = child(of: current, field: step.field.field, element: 0) else { return nil }
            current = next
        }
        return current
    }

    func child(of instance: Int, field: Int, element: Int) -> Int? {
        for entry in instances[instance].entries where entry.field == field && entry.element == element {
            if case .child(let index) = entry.content { return index }
        }
        return nil
    }

    /// True when `instance` already has a value for `field` (or for `key` of a label / struct field).
    func has(_ instance: Int, field: Int, structKey: String? = nil) -> Bool {
        instances[instance].entries.contains { entry in
            guard entry.field == field else { return false }
            if let structKey, case .structValue(let key, _) = entry.content { return key == structKey }
            return true
        }
    }

    mutating func append(_ instance: Int, field: Int, content: Entry.Content, rule: Int) {
        let element = instances[instance].entries.count
        insert(Entry(field: field, element: element, content: content, rule: rule), into: instance)
    }

    /// Inserts after every entry that sorts before or equal to it (entries are few: a linear scan from the end).
    private mutating func insert(_ entry: Entry, into instance: Int) {
        if let last = instances[instance].entries.last, last.field < entry.field || (last.field == entry.field && last.element <= entry.element) {
            instances[instance].entries.append(entry)
            return
        }
        var position = instances[instance].entries.count
        while position > 0 {
            let previous = instances[instance].entries[position - 1]
            if previous.field < entry.field || (previous.field == entry.field && previous.element <= entry.element) { break }
            position -= 1
        }
        instances[instance].entries.insert(entry, at: position)
    }

    /// Replaces the value of a scalar field (used for the event-type fallback), adding it when absent.
    mutating func replace(_ instance: Int, field: Int, with value: OutputValue, rule: Int) {
        if let index = instances[instance].entries.firstIndex(where: { $0.field == field }) {
            instances[instance].entries[index].content = .value(value)
            instances[instance].entries[index].rule = rule
        } else {
            append(instance, field: field, content: .value(value), rule: rule)
        }
    }

    /// The values at a dotted field path (every element of repeated messages is searched).
    func values(at steps: [UDMSchema.FieldStep]) -> [Entry.Content] {
        var frontier = [0]
        for (position, step) in steps.enumerated() {
            let isLast = position == steps.count - 1
            var next: [Int] = []
            var found: [Entry.Content] = []
            for instance in frontier {
                for entry in instances[instance].entries where entry.field == step.field {
                    if isLast { found.append(entry.content) } else if case .child(let child) = entry.content { next.append(child) }
                }
            }
            if isLast { return found }
            frontier = next
        }
        return []
    }
}
