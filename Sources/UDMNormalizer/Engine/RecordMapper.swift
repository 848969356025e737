/// Runs one compiled mapping file over one record, producing the event tree and diagnostics.
///
/// A value that does not fit its target (wrong type, not a timestamp, not an enum value) records a
/// diagnostic for that rule and the rule is skipped; the event is still produced.
struct RecordMapper {
    let schema: UDMSchema
    /// The table set's lookup tables, by the index `RuleStage.lookup` holds.
    let lookupTables: [LookupTable]
    let document: JSONDocument
    let root: Int
    let resolver: PathResolver
    var builder: UDMEventBuilder
    var diagnostics: [Diagnostic] = []
    /// Indexes (in the file) of the rules that wrote a value, in the order they did, for reports and `explain`.
    var firedRules: [Int] = []
    /// Which rule set `metadata.event_type`, and whether through a specific table row.
    var classification: Classification?
    /// Per node of the record: 1 when a rule that wrote a value read it. Allocated only when coverage is tracked.
    var coverage: NodeMarks?
    /// The lookup row the current value came through, while a rule runs.
    private var lookupRow: RuleID??
    /// This record's answer to each numbered record condition: many rules share a `@when` scope or
    /// a role's condition, and the answer depends on the record alone.
    private var conditionAnswers: [UInt8]
    private static let unanswered: UInt8 = 0
    private static let holds: UInt8 = 1
    private static let fails: UInt8 = 2
    /// The longest value written (bytes) and the most labels per event.
    var limits = OutputLimits()

    init(
        schema: UDMSchema, lookupTables: [LookupTable], resolver: PathResolver, targetInstanceCount: Int,
        recordConditionCount: Int
    ) {
        self.schema = schema
        self.lookupTables = lookupTables
        self.document = resolver.document
        self.root = resolver.root
        self.resolver = resolver
        self.builder = UDMEventBuilder(rootMessage: schema.rootMessage, targetInstanceCount: targetInstanceCount)
        // A CloudTrail event fires a few dozen rules: one allocation instead of a growth series.
        firedRules.reserveCapacity(64)
        conditionAnswers = Array(repeating: Self.unanswered, count: recordConditionCount)
    }

    mutating func run(_ rules: [CompiledRule], screens: [RuleScreen]) {
        var values: [(MappedValue, Int)] = []
        values.reserveCapacity(8)
        // Locals, not properties, in the loop: reading a struct property holding arrays (or a class
        // reference) through `self` on every rule cost a retain and a release each time.
        let resolver = self.resolver
        let document = self.document
        for index in 0..<screens.count {
            let screen = screens[index]
            var sourceNode = -1
            if screen.sourcePrefix >= 0 {
                sourceNode = resolver.resolve(prefix: Int(screen.sourcePrefix))
                if sourceNode < 0 || document.isEmptyValue(sourceNode) { continue }
            }
            var mayBeSet = true
            if screen.instanceKey >= 0 {
                let instance = builder.knownInstance(key: Int(screen.instanceKey))
                if instance >= 0 {
                    if builder.has(instance, field: Int(screen.field)) { continue }
                    mayBeSet = false
                }
            }
            let rule = rules[index]
            if mayBeSet && isAlreadySet(rule) { continue }
            if screen.hasResource, let resource = rule.resource, isNamed(rule.target, resource) { continue }
            if screen.hasRecordConditions, !recordConditionsHold(rule, resolver: resolver) { continue }
            if screen.hasResource, let resource = rule.resource {
                values.removeAll(keepingCapacity: true)
                if sourceNode >= 0 {
                    values.append((.node(sourceNode), 0))
                } else {
                    Self.collectValues(rule.source, resolver: resolver, builder: &builder, into: &values)
                }
                fill(resource, rule: rule, index: index, values: values, hasStages: screen.hasStages)
                continue
            }
            if sourceNode >= 0 {
                // The screen resolved the whole source already: one value, no fan-out.
                apply(rule, index: index, value: .node(sourceNode), fanIndex: 0, hasStages: screen.hasStages)
                continue
            }
            values.removeAll(keepingCapacity: true)
            Self.collectValues(rule.source, resolver: resolver, builder: &builder, into: &values)
            for (value, fanIndex) in values {
                apply(rule, index: index, value: value, fanIndex: fanIndex, hasStages: screen.hasStages)
            }
        }
    }

    /// Whether every record condition of the rule holds, each distinct condition evaluated once per record.
    private mutating func recordConditionsHold(_ rule: CompiledRule, resolver: PathResolver) -> Bool {
        // By number first: most answers are known already, and taking a condition out of the array
        // copies it (a retain and a release of its paths) only to evaluate it.
        let numbers = rule.recordConditionNumbers
        for position in numbers.indices {
            let number = numbers[position]
            var answer = conditionAnswers[number]
            if answer == Self.unanswered {
                answer = rule.recordConditions[position].holds(in: resolver) ? Self.holds : Self.fails
                conditionAnswers[number] = answer
            }
            if answer == Self.fails { return false }
        }
        return true
    }

    /// First non-empty wins: a single-valued target that is set already needs no evaluation.
    private func isAlreadySet(_ rule: CompiledRule) -> Bool {
        guard rule.isSingleValued, let instance = builder.existingInstance(for: rule.target) else { return false }
        switch rule.target.leaf {
        case .scalar(let field, _): return builder.has(instance, field: field.field)
        case .structKey(let field, _): return builder.has(instance, field: field.field, structKey: rule.target.keyBytes)
        case .label, .labelList: return false
        }
    }

    /// The non-empty values a source gives, with their fan-out index. Static, so evaluating a
    /// source never touches (or copies) the mapper's mutable state.
    static func collectValues(
        _ source: CompiledSource, resolver: PathResolver, builder: inout UDMEventBuilder,
        into values: inout [(MappedValue, Int)]
    ) {
        let document = resolver.document
        switch source {
        case .path(let path):
            if path.fansOut {
                resolver.forEachValue(of: path) { node, fanIndex in
                    if !document.isEmptyValue(node) { values.append((.node(node), fanIndex)) }
                }
            } else if let node = resolver.value(of: path), !document.isEmptyValue(node) {
                values.append((.node(node), 0))
            }
        case .literal(let text):
            values.append((.text(builder.store(text)), 0))
        case .concatenation:
            if let text = source.text(in: resolver), !text.isEmpty { values.append((.text(builder.store(text)), 0)) }
        case .firstNonEmpty(let parts):
            for part in parts {
                let before = values.count
                collectValues(part, resolver: resolver, builder: &builder, into: &values)
                if values.count > before { return }
            }
        }
    }

    /// True when the resource a `| resource` rule fills has a name or product_object_id already.
    private func isNamed(_ target: TargetPath, _ resource: ResourceNoun) -> Bool {
        guard let instance = builder.existingInstance(for: target) else { return false }
        return resource.namingFields.contains { builder.has(instance, field: $0) }
    }

    /// A `| resource` rule: the first value that passes the stages names the target resource (with
    /// its type and subtype), each further one a new `about` element with the same fields.
    private mutating func fill(
        _ resource: ResourceNoun, rule: CompiledRule, index: Int, values: [(MappedValue, Int)], hasStages: Bool
    ) {
        var namedTarget = false
        for (initial, _) in values {
            if !namedTarget {
                guard apply(rule, index: index, value: initial, fanIndex: 0, hasStages: hasStages),
                    let instance = builder.existingInstance(for: rule.target)
                else { continue }
                namedTarget = true
                writeType(of: resource, into: instance, rule: index)
                continue
            }
            guard let value = staged(rule, initial, hasStages: hasStages) else { continue }
            let output: OutputValue
            switch convert(value, to: rule.leafType, checked: false) {
            case .success(let converted): output = converted
            case .failure(let failure):
                diagnostics.append(Diagnostic(rule: rule.id, message: "about.resource: \(failure.message)"))
                continue
            }
            guard let instance = builder.instance(for: resource.overflow, fanIndex: 0, schema: schema, create: true)
            else { continue }
            builder.append(
                instance, field: resource.identifier.field, content: .value(checked(output, rule: rule)), rule: index)
            writeType(of: resource, into: instance, rule: index)
            if coverage != nil { markRead(rule, initial) }
        }
    }

    /// Sets the resource's type and subtype from the rule, except where an earlier rule set them
    /// (first non-empty wins, as for every single-valued field).
    private mutating func writeType(of resource: ResourceNoun, into instance: Int, rule index: Int) {
        if !builder.has(instance, field: resource.resourceType.field) {
            builder.append(
                instance, field: resource.resourceType.field, content: .value(.text(builder.store(resource.typeValue))),
                rule: index)
        }
        if !builder.has(instance, field: resource.resourceSubtype.field) {
            builder.append(
                instance, field: resource.resourceSubtype.field,
                content: .value(.text(builder.store(resource.subtypeValue))), rule: index)
        }
    }

    /// The value after the rule's stages, or nil when a condition rejected it or a transform failed
    /// (recorded as a diagnostic) or left it empty.
    private mutating func staged(_ rule: CompiledRule, _ initial: MappedValue, hasStages: Bool) -> MappedValue? {
        var value = initial
        lookupRow = nil
        for stage in hasStages ? rule.stages : [] {
            switch stage {
            case .when(let condition):
                let holds: Bool
                switch value {
                case .node(let node): holds = condition.holds(in: resolver, value: .node(node))
                case .text(let ref): holds = builder.withBytes(ref) { condition.holds(in: resolver, value: .bytes($0)) }
                }
                guard holds else { return nil }
            case .lookup(let table):
                guard let next = lookUp(value, in: table), !builder.isEmpty(next, in: document) else { return nil }
                value = next
            case .transform(let transform):
                if transform == .flatten { continue }
                switch run(transform, on: value) {
                case .success(let next):
                    guard let next, !builder.isEmpty(next, in: document) else { return nil }
                    value = next
                case .failure(let failure):
                    diagnostics.append(Diagnostic(rule: rule.id, message: failure.message))
                    return nil
                }
            }
        }
        return value
    }

    /// Runs the rule's stages on one value and writes it; false when nothing was written.
    @discardableResult
    private mutating func apply(
        _ rule: CompiledRule, index: Int, value initial: MappedValue, fanIndex: Int, hasStages: Bool
    ) -> Bool {
        guard let value = staged(rule, initial, hasStages: hasStages) else { return false }
        guard write(value, rule: rule, index: index, fanIndex: fanIndex) else { return false }
        firedRules.append(index)
        if rule.writesEventType, classification == nil {
            // A specific row classified the event when a lookup matched a row, or when a conditional
            // rule chose the type; an unconditional constant (or a lookup default) is the fallback.
            let specific: Bool
            switch lookupRow {
            case .some(.some): specific = true
            case .some(.none): specific = false
            case .none:
                specific =
                    !rule.recordConditions.isEmpty
                    || rule.stages.contains { if case .when = $0 { true } else { false } }
            }
            classification = Classification(rule: rule.id, specific: specific, row: lookupRow ?? nil)
        }
        if coverage != nil { markRead(rule, initial) }
        return true
    }

    /// Marks the record's nodes a firing rule read: the value's whole subtree (or each field of a
    /// concatenation), and the fields its conditions tested, since they decided what was written.
    private mutating func markRead(_ rule: CompiledRule, _ value: MappedValue) {
        if case .node(let node) = value {
            coverage?.markSubtree(node, in: document, as: NodeMarks.read)
        } else {
            for path in rule.source.paths where !path.fansOut {
                if let node = resolver.value(of: path) { coverage?.markSubtree(node, in: document, as: NodeMarks.read) }
            }
        }
        for condition in rule.recordConditions {
            for path in condition.paths {
                if let node = resolver.value(of: path), document.kind(node) != .object, document.kind(node) != .array {
                    coverage?.markSubtree(node, in: document, as: NodeMarks.read)
                }
            }
        }
    }

    private mutating func run(_ transform: Transform, on value: MappedValue) -> Result<
        MappedValue?, ValueConverter.Failure
    > {
        func text(_ string: String) -> MappedValue { .text(builder.store(string)) }
        if transform == .timestamp, case .node(let node) = value, isCanonicalTimestamp(node) { return .success(value) }
        let current = builder.string(value, in: document)
        switch transform {
        case .lower: return .success(text(current.lowercased()))
        case .upper: return .success(text(current.uppercased()))
        case .trim:
            return .success(
                text(String(current.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())))
        case .string:
            if case .node(let node) = value, document.kind(node) == .object || document.kind(node) == .array {
                return .failure(
                    ValueConverter.Failure(
                        message: "expected a scalar, found \(document.kindName(node)) (use '| json')"))
            }
            return .success(text(current))
        case .json:
            guard case .node(let node) = value else { return .success(value) }
            return .success(text(document.compactJSON(node)))
        case .int: return ValueConverter.integer(current).map { text(String($0)) }
        case .float: return ValueConverter.number(current, finite: false).map { _ in text(current) }
        case .bool: return ValueConverter.boolean(current).map { text($0 ? "true" : "false") }
        case .timestamp: return ValueConverter.timestamp(current).map { text($0.rfc3339) }
        case .afterLast(let separator): return .success(text(SeparatorCut.afterLast(current, separator)))
        case .afterFirst(let separator): return .success(text(SeparatorCut.afterFirst(current, separator)))
        case .beforeFirst(let separator): return .success(text(SeparatorCut.beforeFirst(current, separator)))
        case .lookup, .flatten:
            // A lookup is compiled to `RuleStage.lookup`; `flatten` is the writer's (a label list).
            return .success(value)
        }
    }

    /// The value `table` gives for `value` (nil on a miss without default), noting the row it came through.
    private mutating func lookUp(_ value: MappedValue, in table: Int) -> MappedValue? {
        // Through the array's accessor: binding the table first copied it (and retained its
        // dictionaries) on every lookup.
        guard let match = lookupTables[table].find(builder.string(value, in: document)) else { return nil }
        lookupRow = .some(match.rowID)
        return .text(builder.store(match.value))
    }

    /// True for a string node of the record that is already in the output's timestamp form.
    private func isCanonicalTimestamp(_ node: Int) -> Bool {
        let info = document.nodes[node]
        guard info.kind == .string, info.flags & (JSONNode.hasEscapes | JSONNode.needsRepair) == 0 else { return false }
        return document.withRawBytes(node) { Timestamp.isCanonical($0) }
    }

    /// Writes the value to the rule's target; false when nothing was written.
    private mutating func write(_ value: MappedValue, rule: CompiledRule, index: Int, fanIndex: Int) -> Bool {
        let target = rule.target
        switch target.leaf {
        case .scalar(let field, let append):
            let output: OutputValue
            switch convert(value, to: rule.leafType, checked: rule.valuesCheckedAtCompile) {
            case .success(let converted): output = converted
            case .failure(let failure):
                diagnostics.append(Diagnostic(rule: rule.id, message: "\(target.fieldPath): \(failure.message)"))
                return false
            }
            guard
                let instance = builder.instance(
                    for: target, fanIndex: fanIndex, fanGroup: rule.fanGroup, schema: schema, create: true)
            else { return false }
            if !append && builder.has(instance, field: field.field) { return false }
            builder.append(instance, field: field.field, content: .value(checked(output, rule: rule)), rule: index)
        case .label(let field, _):
            guard let output = labelValue(value, rule: rule), limits.takeLabels(1) == 1 else { return false }
            guard
                let instance = builder.instance(
                    for: target, fanIndex: fanIndex, fanGroup: rule.fanGroup, schema: schema, create: true)
            else { return false }
            let key = builder.store(bytes: target.keyBytes)
            builder.append(
                instance, field: field.field, content: .label(key: key, value: checked(output, rule: rule)), rule: index
            )
        case .labelList(let field):
            var pairs: [(TextRef, OutputValue)] = []
            pairs.reserveCapacity(16)
            if case .node(let node) = value, document.kind(node) == .object || document.kind(node) == .array {
                var path: [UInt8] = []
                collectLeaves(node, path: &path, into: &pairs)
            } else {
                diagnostics.append(Diagnostic(rule: rule.id, message: "'| flatten' expected an object, found a scalar"))
                return false
            }
            let allowed = limits.takeLabels(pairs.count)
            guard allowed > 0,
                let instance = builder.instance(
                    for: target, fanIndex: fanIndex, fanGroup: rule.fanGroup, schema: schema, create: true)
            else { return false }
            for (key, output) in pairs.prefix(allowed) {
                builder.append(
                    instance, field: field.field, content: .label(key: key, value: checked(output, rule: rule)),
                    rule: index)
            }
        case .structKey(let field, _):
            let output: OutputValue
            switch value {
            case .node(let node): output = document.kind(node) == .string ? .sourceString(node) : .sourceJSON(node)
            case .text(let ref): output = .text(ref)
            }
            guard
                let instance = builder.instance(
                    for: target, fanIndex: fanIndex, fanGroup: rule.fanGroup, schema: schema, create: true)
            else { return false }
            if builder.has(instance, field: field.field, structKey: target.keyBytes) { return false }
            let key = builder.store(bytes: target.keyBytes)
            builder.append(
                instance, field: field.field, content: .structValue(key: key, value: checked(output, rule: rule)),
                rule: index)
        }
        return true
    }

    /// The scalars below `node` as (dotted path, value) label pairs — keys and array indexes joined
    /// with `.` — built straight into the event's arena. Empty values are left out.
    private mutating func collectLeaves(_ node: Int, path: inout [UInt8], into pairs: inout [(TextRef, OutputValue)]) {
        switch document.kind(node) {
        case .object:
            var member = node + 1
            for _ in 0..<document.count(node) {
                let length = path.count
                if length > 0 { path.append(UInt8(ascii: ".")) }
                if document.nodes[member].flags & (JSONNode.hasEscapes | JSONNode.needsRepair) == 0 {
                    document.withRawBytes(member) { path.append(contentsOf: $0) }
                } else {
                    path.append(contentsOf: document.string(member).utf8)
                }
                collectLeaves(member + 1, path: &path, into: &pairs)
                path.removeSubrange(length...)
                member = Int(document.nodes[member + 1].next)
            }
        case .array:
            var index = 0
            document.forEachElement(node) { element in
                let length = path.count
                if length > 0 { path.append(UInt8(ascii: ".")) }
                path.append(contentsOf: String(index).utf8)
                collectLeaves(element, path: &path, into: &pairs)
                path.removeSubrange(length...)
                index += 1
            }
        default:
            guard !document.isEmptyValue(node) else { return }
            let output: OutputValue
            if document.kind(node) == .string {
                output = .sourceString(node)
            } else {
                output = .text(document.withRawBytes(node) { builder.store(bytes: $0) })
            }
            pairs.append((builder.store(bytes: path), output))
        }
    }

    /// Applies the output policy to a value about to be written: invalid UTF-8 is repaired (U+FFFD)
    /// with a diagnostic, and a value over the field limit is cut, marked as cut, and reported.
    private mutating func checked(_ output: OutputValue, rule: CompiledRule) -> OutputValue {
        let length: Int
        switch output {
        case .sourceString(let node), .sourceJSON(let node):
            let info = document.nodes[node]
            if info.kind == .string, info.flags & JSONNode.needsRepair != 0 {
                diagnostics.append(
                    Diagnostic(rule: rule.id, message: "\(rule.target.fieldPath): invalid UTF-8 replaced with U+FFFD"))
            }
            length = Int(info.end) - Int(info.start)
        case .text(let ref), .literal(let ref):
            length = Int(ref.count)
        }
        guard length > limits.maxFieldBytes else { return output }
        let text: String
        switch output {
        case .sourceJSON(let node): text = document.compactJSON(node)
        default: text = builder.string(output, in: document)
        }
        diagnostics.append(
            Diagnostic(
                rule: rule.id,
                message:
                    "\(rule.target.fieldPath): value of \(length) bytes cut to the \(limits.maxFieldBytes)-byte field limit"
            ))
        return .text(builder.store(limits.truncated(text, length: length)))
    }

    private mutating func labelValue(_ value: MappedValue, rule: CompiledRule) -> OutputValue? {
        switch value {
        case .text(let ref): return .text(ref)
        case .node(let node):
            switch document.kind(node) {
            case .string: return .sourceString(node)
            case .object, .array:
                // A label holds text; an object would lose its structure silently, so say so instead.
                return .text(builder.store(document.compactJSON(node)))
            default: return .text(builder.store(document.rawText(node)))
            }
        }
    }

    /// Converts a value to what a scalar field of `type` holds.
    /// `checked`: the value was checked against the enum when the table was compiled.
    private mutating func convert(_ value: MappedValue, to type: UDMSchema.FieldType, checked: Bool) -> Result<
        OutputValue, ValueConverter.Failure
    > {
        if case .node(let node) = value, document.kind(node) == .object || document.kind(node) == .array {
            return .failure(ValueConverter.Failure(message: "expected a scalar, found \(document.kindName(node))"))
        }
        switch type {
        case .string, .bytes:
            switch value {
            case .node(let node) where document.kind(node) == .string: return .success(.sourceString(node))
            case .node(let node): return .success(.text(builder.store(document.rawText(node))))
            case .text(let ref): return .success(.text(ref))
            }
        case .enumeration(let index):
            if checked, case .text(let ref) = value { return .success(.text(ref)) }
            let text = builder.string(value, in: document)
            guard schema.enums[index].contains(text) else {
                return .failure(
                    ValueConverter.Failure(message: "'\(text)' is not a value of \(schema.enums[index].name)"))
            }
            if case .text(let ref) = value { return .success(.text(ref)) }
            return .success(.text(builder.store(text)))
        case .timestamp:
            if case .node(let node) = value, isCanonicalTimestamp(node) { return .success(.sourceString(node)) }
            return ValueConverter.timestamp(builder.string(value, in: document)).map {
                .text(builder.store($0.rfc3339))
            }
        case .int32, .int64, .uint32, .uint64:
            return ValueConverter.integer(builder.string(value, in: document)).flatMap {
                ValueConverter.fits($0, type)
            }.map { .literal(builder.store(String($0))) }
        case .float, .double:
            let text = builder.string(value, in: document)
            return ValueConverter.number(text, finite: true).map { number in
                if case .node(let node) = value, document.kind(node) == .number {
                    return .literal(builder.store(text))
                }
                return .literal(builder.store(String(number)))
            }
        case .bool:
            return ValueConverter.boolean(builder.string(value, in: document)).map {
                .literal(builder.store($0 ? "true" : "false"))
            }
        case .duration, .message, .structObject, .other:
            return .failure(ValueConverter.Failure(message: "the mapping tables cannot write a field of type \(type)"))
        }
    }
}

extension JSONDocument {
    /// A word for a node's kind, for diagnostics.
    func kindName(_ node: Int) -> String {
        switch kind(node) {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .true, .false: return "a boolean"
        case .null: return "null"
        }
    }

    /// A node as compact JSON text (pretty-printed input loses its whitespace, strings keep their escapes).
    func compactJSON(_ node: Int) -> String {
        var out = OutputBuffer(capacity: 256)
        appendCompactJSON(node, to: &out)
        return out.string
    }

    func appendCompactJSON(_ node: Int, to out: inout OutputBuffer) {
        switch kind(node) {
        case .object:
            out.append(UInt8(ascii: "{"))
            var first = true
            forEachMember(node) { key, value in
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                JSONStringEscaper.appendQuoted(node: key, of: self, to: &out)
                out.append(UInt8(ascii: ":"))
                appendCompactJSON(value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .array:
            out.append(UInt8(ascii: "["))
            var first = true
            forEachElement(node) { element in
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                appendCompactJSON(element, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .string:
            JSONStringEscaper.appendQuoted(node: node, of: self, to: &out)
        default:
            withRawBytes(node) { out.append($0) }
        }
    }
}
