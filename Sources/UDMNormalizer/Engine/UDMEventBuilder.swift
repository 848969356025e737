/// The UDM event under construction: a tree of message instances in an arena.
///
/// Everything is plain data in three flat arrays: instances, entries (a sorted linked list per
/// instance) and a byte arena for text. Building an event therefore costs no allocation per field and
/// no reference counting, and the writer emits fields in schema order whatever order rules ran in.
struct UDMEventBuilder: Sendable {
    /// One message instance (the root `UDM` event is instance 0).
    struct Instance: Sendable {
        var message: Int
        /// First and last entry of the instance's list (-1 when empty). The list is sorted by
        /// (field, element), insertion order among equals, so writers need no sort.
        var first: Int32 = -1
        var last: Int32 = -1
        /// Entries ever added (numbers the elements of repeated scalar fields in insertion order).
        var count: Int32 = 0

        init(message: Int) {
            self.message = message
        }
    }

    /// One field value inside an instance.
    struct Entry: Sendable {
        enum Content: Sendable {
            case value(OutputValue)
            case child(Int)
            case label(key: TextRef, value: OutputValue)
            case structValue(key: TextRef, value: OutputValue)
        }
        /// Field index within the instance's message (equal to the field's proto order).
        var field: Int
        /// Element number for repeated message fields; insertion order otherwise.
        var element: Int
        var content: Content
        /// Index of the rule that wrote it, in its file (-1 for values the engine set itself).
        var rule: Int
        /// The next entry of the same instance, -1 at the end.
        var next: Int32 = -1
    }

    private(set) var instances: [Instance]
    private(set) var entries: [Entry] = []
    /// The bytes of every `TextRef` of the event.
    private(set) var text: [UInt8] = []
    /// Instance index by target instance key (see `TargetPath.instanceKey`), -1 when not created yet.
    private var instanceByKey: [Int32]
    /// Where each fan-out group's block starts in a repeated message field: (instance, field, group)
    /// → the element number of the group's index 0, fixed when the group first writes there.
    private var fanBlocks: [(instance: Int32, field: Int32, group: Int32, start: Int32)] = []

    init(rootMessage: Int, targetInstanceCount: Int = 0) {
        instances = [Instance(message: rootMessage)]
        // Sized for a large CloudTrail event (about one in five outgrew 24 instances and 64 entries,
        // and each growth copies the array).
        instances.reserveCapacity(48)
        entries.reserveCapacity(128)
        text.reserveCapacity(512)
        instanceByKey = Array(repeating: -1, count: targetInstanceCount)
    }

    // MARK: - Text arena

    /// Copies `string` into the arena.
    mutating func store(_ string: String) -> TextRef {
        let start = text.count
        text.append(contentsOf: string.utf8)
        return TextRef(start: Int32(start), count: Int32(text.count - start))
    }

    /// Copies `bytes` into the arena.
    mutating func store<C: Collection>(bytes: C) -> TextRef where C.Element == UInt8 {
        let start = text.count
        text.append(contentsOf: bytes)
        return TextRef(start: Int32(start), count: Int32(text.count - start))
    }

    /// The number of bytes in the arena (where the next stored text starts).
    var textCount: Int { text.count }

    /// Appends `bytes` to the arena without making a reference: a text built in pieces is referred
    /// to once it is whole (`TextRef(start:count:)` from `textCount` before and after).
    mutating func appendText<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        text.append(contentsOf: bytes)
    }

    /// Drops the arena's bytes from `start` on: the pieces of a text that turned out absent.
    mutating func discardText(from start: Int) {
        text.removeSubrange(start...)
    }

    /// Calls `body` with the bytes of `ref`.
    func withBytes<R>(_ ref: TextRef, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try text.withUnsafeBufferPointer { buffer in
            try body(UnsafeBufferPointer(rebasing: buffer[Int(ref.start)..<Int(ref.start + ref.count)]))
        }
    }

    func string(_ ref: TextRef) -> String {
        withBytes(ref) { String(decoding: $0, as: UTF8.self) }
    }

    /// A value as text: strings decoded, numbers and booleans as written.
    func string(_ value: OutputValue, in document: JSONDocument) -> String {
        switch value {
        case .sourceString(let node), .sourceJSON(let node): return document.scalarText(node)
        case .text(let ref), .literal(let ref): return string(ref)
        }
    }

    /// A mapped value as text: strings decoded, numbers and booleans as written, objects as their JSON.
    func string(_ value: MappedValue, in document: JSONDocument) -> String {
        switch value {
        case .node(let node): return document.scalarText(node)
        case .text(let ref): return string(ref)
        }
    }

    func isEmpty(_ value: MappedValue, in document: JSONDocument) -> Bool {
        switch value {
        case .node(let node): return document.isEmptyValue(node)
        case .text(let ref): return ref.count == 0
        }
    }

    // MARK: - Instances

    /// The instance a target's steps lead to, found through its instance key (-1: none) when it has one.
    mutating func instance(
        steps: UnsafeBufferPointer<ProgramTargetStep>, instanceKey: Int32, fanIndex: Int, fanGroup: Int, create: Bool
    ) -> Int? {
        if instanceKey >= 0, Int(instanceKey) < instanceByKey.count {
            let known = instanceByKey[Int(instanceKey)]
            if known >= 0 { return Int(known) }
            guard let found = instance(steps: steps, fanIndex: fanIndex, fanGroup: -1, create: create) else {
                return nil
            }
            instanceByKey[Int(instanceKey)] = Int32(found)
            return found
        }
        return instance(steps: steps, fanIndex: fanIndex, fanGroup: fanGroup, create: create)
    }

    /// The instance created for target instance key `key`, or -1 when there is none yet.
    func knownInstance(key: Int) -> Int {
        key < instanceByKey.count ? Int(instanceByKey[key]) : -1
    }

    /// The instance of a target if it exists; never creates. An instance found by walking is
    /// remembered under its key (another target's rule may have created it on the way to its own).
    mutating func existingInstance(steps: UnsafeBufferPointer<ProgramTargetStep>, instanceKey: Int32) -> Int? {
        let hasKey = instanceKey >= 0 && Int(instanceKey) < instanceByKey.count
        if hasKey {
            let known = instanceByKey[Int(instanceKey)]
            if known >= 0 { return Int(known) }
        }
        var current = 0
        for step in steps {
            guard step.element == .first, let next = child(of: current, field: Int(step.field), element: 0) else {
                return nil
            }
            current = next
        }
        if hasKey { instanceByKey[Int(instanceKey)] = Int32(current) }
        return current
    }

    /// The instance reached by following `steps` from the root, created on the way when `create`.
    private mutating func instance(
        steps: UnsafeBufferPointer<ProgramTargetStep>, fanIndex: Int, fanGroup: Int, create: Bool
    ) -> Int? {
        var current = 0
        for step in steps {
            let field = Int(step.field)
            let element: Int
            switch step.element {
            case .first: element = 0
            case .fanOut:
                element = fanBlockStart(instance: current, field: field, group: fanGroup, create: create) + fanIndex
            case .named:
                element = fanBlockStart(instance: current, field: field, group: fanGroup, create: create)
            case .append:
                guard create else { return nil }
                element = childCount(of: current, field: field)
            }
            if let existing = child(of: current, field: field, element: element) {
                current = existing
                continue
            }
            guard create, step.childMessage >= 0 else { return nil }
            let newIndex = instances.count
            instances.append(Instance(message: Int(step.childMessage)))
            insert(Entry(field: field, element: element, content: .child(newIndex), rule: -1), into: current)
            current = newIndex
        }
        return current
    }

    /// The first element of `group`'s block in a repeated field: the elements already there when the
    /// group first writes to it (0 for the first list, as when every list shared one numbering).
    private mutating func fanBlockStart(instance: Int, field: Int, group: Int, create: Bool) -> Int {
        guard group >= 0 else { return 0 }
        for block in fanBlocks where block.instance == instance && block.field == field && block.group == group {
            return Int(block.start)
        }
        var start = -1
        var index = Int(instances[instance].first)
        while index >= 0 {
            let entry = entries[index]
            if entry.field == field { start = max(start, entry.element) } else if entry.field > field { break }
            index = Int(entry.next)
        }
        if create { fanBlocks.append((Int32(instance), Int32(field), Int32(group), Int32(start + 1))) }
        return start + 1
    }

    /// The first child of `instance` in message field `field`, created (of message `message`) when missing.
    mutating func firstChild(of instance: Int, field: Int, message: Int) -> Int {
        if let existing = child(of: instance, field: field, element: 0) { return existing }
        let newIndex = instances.count
        instances.append(Instance(message: message))
        insert(Entry(field: field, element: 0, content: .child(newIndex), rule: -1), into: instance)
        return newIndex
    }

    func child(of instance: Int, field: Int, element: Int) -> Int? {
        var index = Int(instances[instance].first)
        while index >= 0 {
            let entry = entries[index]
            if entry.field == field, entry.element == element, case .child(let child) = entry.content { return child }
            if entry.field > field { return nil }
            index = Int(entry.next)
        }
        return nil
    }

    private func childCount(of instance: Int, field: Int) -> Int {
        var count = 0
        var index = Int(instances[instance].first)
        while index >= 0 {
            let entry = entries[index]
            if entry.field == field, case .child = entry.content { count += 1 }
            index = Int(entry.next)
        }
        return count
    }

    // MARK: - Entries

    /// True when `instance` already has a value for `field` (or for `key` of a label / struct field).
    func has(_ instance: Int, field: Int, structKey: UnsafeBufferPointer<UInt8>? = nil) -> Bool {
        var index = Int(instances[instance].first)
        while index >= 0 {
            let entry = entries[index]
            if entry.field == field {
                guard let structKey else { return true }
                if case .structValue(let key, _) = entry.content, withBytes(key, { $0.elementsEqual(structKey) }) {
                    return true
                }
            } else if entry.field > field {
                return false
            }
            index = Int(entry.next)
        }
        return false
    }

    mutating func append(_ instance: Int, field: Int, content: Entry.Content, rule: Int) {
        let element = Int(instances[instance].count)
        insert(Entry(field: field, element: element, content: content, rule: rule), into: instance)
    }

    /// Links the entry after every entry that sorts before or equal to it (entries per instance are few).
    private mutating func insert(_ entry: Entry, into instance: Int) {
        let newIndex = Int32(entries.count)
        entries.append(entry)
        instances[instance].count += 1
        func sortsBeforeOrEqual(_ other: Entry) -> Bool {
            other.field < entry.field || (other.field == entry.field && other.element <= entry.element)
        }
        let last = instances[instance].last
        if last < 0 {
            instances[instance].first = newIndex
            instances[instance].last = newIndex
            return
        }
        if sortsBeforeOrEqual(entries[Int(last)]) {
            entries[Int(last)].next = newIndex
            instances[instance].last = newIndex
            return
        }
        var previous: Int32 = -1
        var current = instances[instance].first
        while current >= 0, sortsBeforeOrEqual(entries[Int(current)]) {
            previous = current
            current = entries[Int(current)].next
        }
        entries[Int(newIndex)].next = current
        if previous < 0 { instances[instance].first = newIndex } else { entries[Int(previous)].next = newIndex }
    }

    /// Calls `body` with every entry of `instance`, in output order.
    func forEachEntry(of instance: Int, _ body: (Entry) throws -> Void) rethrows {
        var index = Int(instances[instance].first)
        while index >= 0 {
            let entry = entries[index]
            try body(entry)
            index = Int(entry.next)
        }
    }

    /// Replaces the value of a scalar field (used for the event-type fallback), adding it when absent.
    mutating func replace(_ instance: Int, field: Int, with value: OutputValue, rule: Int) {
        var index = Int(instances[instance].first)
        while index >= 0 {
            if entries[index].field == field {
                entries[index].content = .value(value)
                entries[index].rule = rule
                return
            }
            index = Int(entries[index].next)
        }
        append(instance, field: field, content: .value(value), rule: rule)
    }

    /// The first value at a dotted field path, searching every element of repeated messages.
    func firstValue(at steps: [UDMSchema.FieldStep]) -> Entry.Content? {
        find(steps, depth: 0, from: 0, equalTo: nil, document: nil)
    }

    /// True when some value at a dotted field path exists (equals `value`, when given); every
    /// element of repeated messages is searched.
    func hasValue(at steps: [UDMSchema.FieldStep], equalTo value: String?, document: JSONDocument) -> Bool {
        find(steps, depth: 0, from: 0, equalTo: value, document: document) != nil
    }

    /// The first entry at `steps` below `instance` (whose text is `value`, when given). No closure:
    /// the validator asks this for every event, and a capturing closure cost retains per call.
    private func find(
        _ steps: [UDMSchema.FieldStep], depth: Int, from instance: Int, equalTo value: String?, document: JSONDocument?
    ) -> Entry.Content? {
        let field = steps[depth].field
        let isLast = depth == steps.count - 1
        var index = Int(instances[instance].first)
        while index >= 0 {
            let entry = entries[index]
            if entry.field == field {
                if isLast {
                    guard let value, let document else { return entry.content }
                    if case .value(let output) = entry.content, string(output, in: document) == value {
                        return entry.content
                    }
                } else if case .child(let child) = entry.content,
                    let found = find(steps, depth: depth + 1, from: child, equalTo: value, document: document)
                {
                    return found
                }
            } else if entry.field > field {
                return nil
            }
            index = Int(entry.next)
        }
        return nil
    }

    /// The value of scalar `field` of the root's `message` child (`metadata.event_type`, say): the
    /// validator's per-event questions, answered without searching.
    func rootChildValue(message: Int, field: Int) -> OutputValue? {
        guard let child = child(of: 0, field: message, element: 0) else { return nil }
        var index = Int(instances[child].first)
        while index >= 0 {
            let entry = entries[index]
            if entry.field == field, case .value(let value) = entry.content { return value }
            if entry.field > field { return nil }
            index = Int(entry.next)
        }
        return nil
    }
}
