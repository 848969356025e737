/// Interprets a ``MappingProgram`` over one record: runs the rules of the record's mapping file,
/// producing the event tree and diagnostics.
///
/// A value that does not fit its target (wrong type, not a timestamp, not an enum value) records a
/// diagnostic for that rule and the rule is skipped; the event is still produced.
struct RecordMapper {
    let schema: UDMSchema
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
    /// The first rule of the file being run, in the program (fired rules are numbered within the file).
    private var fileStart = 0
    /// The longest value written (bytes) and the most labels per event.
    var limits = OutputLimits()

    init(
        schema: UDMSchema, resolver: PathResolver, targetInstanceCount: Int, recordConditionCount: Int
    ) {
        self.schema = schema
        self.document = resolver.document
        self.root = resolver.root
        self.resolver = resolver
        self.builder = UDMEventBuilder(rootMessage: schema.rootMessage, targetInstanceCount: targetInstanceCount)
        // A CloudTrail event fires a few dozen rules: one allocation instead of a growth series.
        firedRules.reserveCapacity(64)
        conditionAnswers = Array(repeating: Self.unanswered, count: recordConditionCount)
    }

    /// Runs the program's rules `rules` (one mapping file's) over the record, reading the program
    /// through a ``FrozenProgram``'s view.
    mutating func run(_ view: MappingProgram.View, rules: Range<Int>) {
        fileStart = rules.lowerBound
        var values: [(MappedValue, Int)] = []
        values.reserveCapacity(8)
        // Locals, not properties, in the loop: reading a struct property holding arrays (or a class
        // reference) through `self` on every rule cost a retain and a release each time.
        let resolver = self.resolver
        let document = self.document
        var next = rules.lowerBound
        while next < rules.upperBound {
            let index = next
            let rule = view.rules[index]
            next += 1
            if rule.recordConditionCount > 0 {
                // Most rules sit in `@when` blocks for other events: the block's shared condition,
                // answered once, skips the whole block before any source is resolved.
                if rule.blockEnd > next {
                    if !conditionHolds(view.recordConditions[Int(rule.recordConditionStart)], view, resolver: resolver)
                    {
                        next = Int(rule.blockEnd)
                        continue
                    }
                } else if anyConditionFailed(rule, view) {
                    continue
                }
            }
            var sourceNode = -1
            if rule.sourcePrefix >= 0 {
                sourceNode = resolver.resolve(prefix: Int(rule.sourcePrefix))
                if sourceNode < 0 || document.isEmptyValue(sourceNode) { continue }
            }
            var mayBeSet = true
            if rule.instanceKey >= 0 {
                let instance = builder.knownInstance(key: Int(rule.instanceKey))
                if instance >= 0 {
                    if builder.has(instance, field: Int(rule.field)) { continue }
                    mayBeSet = false
                }
            }
            let target = view.targets[Int(rule.target)]
            if mayBeSet && isAlreadySet(rule, target, view) { continue }
            if rule.resource >= 0, isNamed(target, view.resources[Int(rule.resource)], view) { continue }
            if rule.recordConditionCount > 0, !recordConditionsHold(rule, view, resolver: resolver) { continue }
            if rule.resource >= 0 {
                values.removeAll(keepingCapacity: true)
                if sourceNode >= 0 {
                    values.append((.node(sourceNode), 0))
                } else {
                    collectValues(rule.source, view, resolver: resolver, into: &values)
                }
                fill(view.resources[Int(rule.resource)], rule: rule, index: index, values: values, view)
                continue
            }
            if sourceNode >= 0 {
                // The screen resolved the whole source already: one value, no fan-out.
                apply(rule, index: index, value: .node(sourceNode), fanIndex: 0, view)
                continue
            }
            values.removeAll(keepingCapacity: true)
            collectValues(rule.source, view, resolver: resolver, into: &values)
            for (value, fanIndex) in values {
                apply(rule, index: index, value: value, fanIndex: fanIndex, view)
            }
        }
    }

    /// Whether a record condition of the rule is known to fail on this record (without evaluating any).
    private func anyConditionFailed(_ rule: ProgramRule, _ view: MappingProgram.View) -> Bool {
        let start = Int(rule.recordConditionStart)
        for position in start..<start + Int(rule.recordConditionCount)
        where conditionAnswers[Int(view.recordConditions[position].number)] == Self.fails {
            return true
        }
        return false
    }

    /// Whether every record condition of the rule holds, each distinct condition evaluated once per record.
    private mutating func recordConditionsHold(
        _ rule: ProgramRule, _ view: MappingProgram.View, resolver: PathResolver
    ) -> Bool {
        let start = Int(rule.recordConditionStart)
        for position in start..<start + Int(rule.recordConditionCount) {
            if !conditionHolds(view.recordConditions[position], view, resolver: resolver) { return false }
        }
        return true
    }

    /// This record's answer to a numbered record condition, evaluated the first time it is asked.
    @inline(__always)
    private mutating func conditionHolds(
        _ condition: ProgramRecordCondition, _ view: MappingProgram.View, resolver: PathResolver
    ) -> Bool {
        let number = Int(condition.number)
        var answer = conditionAnswers[number]
        if answer == Self.unanswered {
            answer = resolver.holds(condition.condition, in: view) ? Self.holds : Self.fails
            conditionAnswers[number] = answer
        }
        return answer == Self.holds
    }

    /// First non-empty wins: a single-valued target that is set already needs no evaluation.
    private mutating func isAlreadySet(_ rule: ProgramRule, _ target: ProgramTarget, _ view: MappingProgram.View)
        -> Bool
    {
        guard rule.has(ProgramRule.isSingleValued),
            let instance = builder.existingInstance(
                steps: view.steps(start: target.stepStart, count: target.stepCount), instanceKey: target.instanceKey)
        else { return false }
        switch target.leaf {
        case .scalar, .appendedScalar: return builder.has(instance, field: Int(target.field))
        case .structKey:
            return builder.has(
                instance, field: Int(target.field),
                structKey: view.bytes(ProgramBytes(start: target.keyStart, count: target.keyCount)))
        case .label, .labelList: return false
        }
    }

    /// The non-empty values source expression `source` gives, with their fan-out index.
    private mutating func collectValues(
        _ source: Int32, _ view: MappingProgram.View, resolver: PathResolver, into values: inout [(MappedValue, Int)]
    ) {
        switch view.sources[Int(source)] {
        case .path(let number):
            let path = view.paths[Int(number)]
            if path.stepCount > 0 {
                let document = resolver.document
                resolver.forEachValue(of: path, in: view) { node, fanIndex in
                    if !document.isEmptyValue(node) { values.append((.node(node), fanIndex)) }
                }
            } else {
                let node = resolver.resolve(prefix: Int(path.prefix))
                if node >= 0, !document.isEmptyValue(node) { values.append((.node(node), 0)) }
            }
        case .literal(let text):
            values.append((.text(builder.store(bytes: view.bytes(text))), 0))
        case .concatenation:
            let start = builder.textCount
            if appendText(of: source, view, resolver: resolver), builder.textCount > start {
                values.append((.text(TextRef(start: Int32(start), count: Int32(builder.textCount - start))), 0))
            } else {
                builder.discardText(from: start)
            }
        case .firstNonEmpty(let start, let count):
            for part in view.sourceParts[Int(start)..<Int(start + count)] {
                let before = values.count
                collectValues(part, view, resolver: resolver, into: &values)
                if values.count > before { return }
            }
        }
    }

    /// The text of source expression `source` on the record (first values, no fan-out), in the
    /// event's arena; nil when a path it reads is absent or empty.
    mutating func text(of source: Int32, _ view: MappingProgram.View) -> TextRef? {
        let start = builder.textCount
        guard appendText(of: source, view, resolver: resolver) else {
            builder.discardText(from: start)
            return nil
        }
        return TextRef(start: Int32(start), count: Int32(builder.textCount - start))
    }

    /// Appends the expression's text on the record (first values, no fan-out) to the event's text
    /// arena; false when a path is absent or empty (the arena may then hold a partial text).
    private mutating func appendText(of source: Int32, _ view: MappingProgram.View, resolver: PathResolver) -> Bool {
        switch view.sources[Int(source)] {
        case .path(let number):
            let node = resolver.node(of: view.paths[Int(number)], in: view)
            guard node >= 0, !document.isEmptyValue(node) else { return false }
            switch document.kind(node) {
            case .string where document.isVerbatim(node), .number, .true, .false, .null:
                document.withRawBytes(node) { builder.appendText($0) }
            default:
                builder.appendText(document.scalarText(node).utf8)
            }
            return true
        case .literal(let text):
            builder.appendText(view.bytes(text))
            return true
        case .concatenation(let start, let count):
            for part in view.sourceParts[Int(start)..<Int(start + count)] {
                guard appendText(of: part, view, resolver: resolver) else { return false }
            }
            return true
        case .firstNonEmpty(let start, let count):
            for part in view.sourceParts[Int(start)..<Int(start + count)] {
                let before = builder.textCount
                if appendText(of: part, view, resolver: resolver) { return true }
                builder.discardText(from: before)
            }
            return false
        }
    }

    /// True when the resource a `| resource` rule fills has a name or product_object_id already.
    private mutating func isNamed(_ target: ProgramTarget, _ resource: ProgramResource, _ view: MappingProgram.View)
        -> Bool
    {
        guard
            let instance = builder.existingInstance(
                steps: view.steps(start: target.stepStart, count: target.stepCount), instanceKey: target.instanceKey)
        else { return false }
        let start = Int(resource.namingFieldStart)
        return view.integers[start..<start + Int(resource.namingFieldCount)].contains {
            builder.has(instance, field: Int($0))
        }
    }

    /// A `| resource` rule: the first value that passes the stages names the target resource (with
    /// its type and subtype), each further one a new `about` element with the same fields.
    private mutating func fill(
        _ resource: ProgramResource, rule: ProgramRule, index: Int, values: [(MappedValue, Int)],
        _ view: MappingProgram.View
    ) {
        let target = view.targets[Int(rule.target)]
        var namedTarget = false
        for (initial, _) in values {
            if !namedTarget {
                guard apply(rule, index: index, value: initial, fanIndex: 0, view),
                    let instance = builder.existingInstance(
                        steps: view.steps(start: target.stepStart, count: target.stepCount),
                        instanceKey: target.instanceKey)
                else { continue }
                namedTarget = true
                writeType(of: resource, into: instance, rule: index, view)
                continue
            }
            guard let value = staged(rule, index: index, initial, view) else { continue }
            let output: OutputValue
            switch convert(value, to: rule.leafType, checked: false) {
            case .success(let converted): output = converted
            case .failure(let failure):
                diagnostics.append(Diagnostic(rule: view.ruleIDs[index], message: "about.resource: \(failure.message)"))
                continue
            }
            guard
                let instance = builder.instance(
                    steps: view.steps(start: resource.overflowStart, count: resource.overflowCount), instanceKey: -1,
                    fanIndex: 0, fanGroup: -1, create: true)
            else { continue }
            builder.append(
                instance, field: Int(resource.identifier),
                content: .value(checked(output, rule: rule, index: index, view)), rule: index - fileStart)
            writeType(of: resource, into: instance, rule: index, view)
            if coverage != nil { markRead(rule, initial, view) }
        }
    }

    /// Sets the resource's type and subtype from the rule, except where an earlier rule set them
    /// (first non-empty wins, as for every single-valued field).
    private mutating func writeType(
        of resource: ProgramResource, into instance: Int, rule index: Int, _ view: MappingProgram.View
    ) {
        if !builder.has(instance, field: Int(resource.resourceType)) {
            builder.append(
                instance, field: Int(resource.resourceType),
                content: .value(.text(builder.store(bytes: view.bytes(resource.typeValue)))), rule: index - fileStart)
        }
        if !builder.has(instance, field: Int(resource.resourceSubtype)) {
            builder.append(
                instance, field: Int(resource.resourceSubtype),
                content: .value(.text(builder.store(bytes: view.bytes(resource.subtypeValue)))),
                rule: index - fileStart)
        }
    }

    /// The value after the rule's stages, or nil when a condition rejected it or a transform failed
    /// (recorded as a diagnostic) or left it empty.
    private mutating func staged(
        _ rule: ProgramRule, index: Int, _ initial: MappedValue, _ view: MappingProgram.View
    ) -> MappedValue? {
        var value = initial
        lookupRow = nil
        let start = Int(rule.stageStart)
        for position in start..<start + Int(rule.stageCount) {
            switch view.stages[position] {
            case .when(let condition):
                let holds: Bool
                switch value {
                case .node(let node): holds = resolver.holds(condition, in: view, value: .node(node))
                case .text(let ref):
                    holds = builder.withBytes(ref) { resolver.holds(condition, in: view, value: .bytes($0)) }
                }
                guard holds else { return nil }
            case .lookup(let table):
                guard let next = lookUp(value, in: table, view), !builder.isEmpty(next, in: document) else {
                    return nil
                }
                value = next
            case .transform(let transform):
                switch run(transform, on: value, view) {
                case .success(let next):
                    guard let next, !builder.isEmpty(next, in: document) else { return nil }
                    value = next
                case .failure(let failure):
                    diagnostics.append(Diagnostic(rule: view.ruleIDs[index], message: failure.message))
                    return nil
                }
            }
        }
        return value
    }

    /// Runs the rule's stages on one value and writes it; false when nothing was written.
    @discardableResult
    private mutating func apply(
        _ rule: ProgramRule, index: Int, value initial: MappedValue, fanIndex: Int, _ view: MappingProgram.View
    ) -> Bool {
        guard let value = staged(rule, index: index, initial, view) else { return false }
        guard write(value, rule: rule, index: index, fanIndex: fanIndex, view) else { return false }
        firedRules.append(index - fileStart)
        if rule.has(ProgramRule.writesEventType), classification == nil {
            // A specific row classified the event when a lookup matched a row, or when a conditional
            // rule chose the type; an unconditional constant (or a lookup default) is the fallback.
            let specific: Bool
            switch lookupRow {
            case .some(.some): specific = true
            case .some(.none): specific = false
            case .none: specific = rule.has(ProgramRule.isConditional)
            }
            classification = Classification(rule: view.ruleIDs[index], specific: specific, row: lookupRow ?? nil)
        }
        if coverage != nil { markRead(rule, initial, view) }
        return true
    }

    /// Marks the record's nodes a firing rule read: the value's whole subtree (or each field of a
    /// concatenation), and the fields its conditions tested, since they decided what was written.
    private mutating func markRead(_ rule: ProgramRule, _ value: MappedValue, _ view: MappingProgram.View) {
        if case .node(let node) = value {
            coverage?.markSubtree(node, in: document, as: NodeMarks.read)
        } else {
            markSourcePaths(rule.source, view)
        }
        let start = Int(rule.recordConditionStart)
        for position in start..<start + Int(rule.recordConditionCount) {
            markConditionPaths(view.recordConditions[position].condition, view)
        }
    }

    /// Marks the value of each path of a source expression that does not fan out.
    private mutating func markSourcePaths(_ source: Int32, _ view: MappingProgram.View) {
        switch view.sources[Int(source)] {
        case .path(let number):
            let path = view.paths[Int(number)]
            guard !path.fansOut else { return }
            let node = resolver.node(of: path, in: view)
            if node >= 0 { coverage?.markSubtree(node, in: document, as: NodeMarks.read) }
        case .literal: return
        case .concatenation(let start, let count), .firstNonEmpty(let start, let count):
            for part in view.sourceParts[Int(start)..<Int(start + count)] { markSourcePaths(part, view) }
        }
    }

    /// Marks the scalar value of each path a condition tests.
    private mutating func markConditionPaths(_ condition: Int32, _ view: MappingProgram.View) {
        let path: Int32
        switch view.conditions[Int(condition)] {
        case .exists(let p), .missing(let p), .equals(let p, _, _), .notEquals(let p, _, _), .compare(let p, _, _),
            .consistsOf(let p, _), .contains(let p, _):
            path = p
        case .isIP, .isNotEmpty, .isNotZero: return
        case .not(let inner):
            markConditionPaths(inner, view)
            return
        case .and(let a, let b), .or(let a, let b):
            markConditionPaths(a, view)
            markConditionPaths(b, view)
            return
        }
        let node = resolver.node(of: view.paths[Int(path)], in: view)
        if node >= 0, document.kind(node) != .object, document.kind(node) != .array {
            coverage?.markSubtree(node, in: document, as: NodeMarks.read)
        }
    }

    private mutating func run(_ transform: ProgramTransform, on value: MappedValue, _ view: MappingProgram.View)
        -> Result<MappedValue?, ValueConverter.Failure>
    {
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
        case .afterLast(let separator):
            return .success(text(SeparatorCut.afterLast(current, view.texts[Int(separator)])))
        case .afterFirst(let separator):
            return .success(text(SeparatorCut.afterFirst(current, view.texts[Int(separator)])))
        case .beforeFirst(let separator):
            return .success(text(SeparatorCut.beforeFirst(current, view.texts[Int(separator)])))
        case .jsonText(let path):
            return .success(JSONTextMember.member(of: current, at: view.texts[Int(path)]).map(text))
        case .callOutcome:
            return .success(CallOutcomeSummary.summary(of: current).map(text))
        }
    }

    /// The value lookup `table` gives for `value` (nil on a miss without default), noting the row
    /// it came through. The key is the value's text as bytes: a string's (decoded only when it has
    /// escapes), a number's or boolean's as written.
    private mutating func lookUp(_ value: MappedValue, in table: Int32, _ view: MappingProgram.View) -> MappedValue? {
        let found: (value: ProgramBytes, row: Int32)?
        switch value {
        case .node(let node) where document.kind(node) == .string && !document.isVerbatim(node):
            var text = document.string(node)
            found = text.withUTF8 { view.lookUp(table, key: UnsafeRawBufferPointer($0)) }
        case .node(let node):
            found = document.withRawBytes(node) { view.lookUp(table, key: $0) }
        case .text(let ref):
            found = builder.withBytes(ref) { view.lookUp(table, key: UnsafeRawBufferPointer($0)) }
        }
        guard let found else { return nil }
        lookupRow = .some(found.row < 0 ? nil : view.lookupRowIDs[Int(found.row)])
        return .text(builder.store(bytes: view.bytes(found.value)))
    }

    /// True for a string node of the record that is already in the output's timestamp form.
    private func isCanonicalTimestamp(_ node: Int) -> Bool {
        guard document.kind(node) == .string, document.isVerbatim(node) else { return false }
        return document.withRawBytes(node) { Timestamp.isCanonical($0) }
    }

    /// Writes the value to the rule's target; false when nothing was written.
    private mutating func write(
        _ value: MappedValue, rule: ProgramRule, index: Int, fanIndex: Int, _ view: MappingProgram.View
    ) -> Bool {
        let target = view.targets[Int(rule.target)]
        let steps = view.steps(start: target.stepStart, count: target.stepCount)
        let field = Int(target.field)
        let fileRule = index - fileStart
        switch target.leaf {
        case .scalar, .appendedScalar:
            let output: OutputValue
            switch convert(value, to: rule.leafType, checked: rule.has(ProgramRule.valuesCheckedAtCompile)) {
            case .success(let converted): output = converted
            case .failure(let failure):
                diagnostics.append(
                    Diagnostic(
                        rule: view.ruleIDs[index], message: "\(view.fieldPaths[Int(rule.target)]): \(failure.message)"))
                return false
            }
            guard
                let instance = builder.instance(
                    steps: steps, instanceKey: target.instanceKey, fanIndex: fanIndex, fanGroup: Int(rule.fanGroup),
                    create: true)
            else { return false }
            if target.leaf == .scalar && builder.has(instance, field: field) { return false }
            builder.append(
                instance, field: field, content: .value(checked(output, rule: rule, index: index, view)),
                rule: fileRule)
        case .label:
            guard let output = labelValue(value), limits.takeLabels(1) == 1 else { return false }
            guard
                let instance = builder.instance(
                    steps: steps, instanceKey: target.instanceKey, fanIndex: fanIndex, fanGroup: Int(rule.fanGroup),
                    create: true)
            else { return false }
            let key = builder.store(bytes: view.bytes(ProgramBytes(start: target.keyStart, count: target.keyCount)))
            builder.append(
                instance, field: field,
                content: .label(key: key, value: checked(output, rule: rule, index: index, view)), rule: fileRule)
        case .labelList:
            var pairs: [(TextRef, OutputValue)] = []
            pairs.reserveCapacity(16)
            if case .node(let node) = value, document.kind(node) == .object || document.kind(node) == .array {
                var path: [UInt8] = []
                collectLeaves(node, path: &path, into: &pairs)
            } else {
                diagnostics.append(
                    Diagnostic(rule: view.ruleIDs[index], message: "'| flatten' expected an object, found a scalar"))
                return false
            }
            let allowed = limits.takeLabels(pairs.count)
            guard allowed > 0,
                let instance = builder.instance(
                    steps: steps, instanceKey: target.instanceKey, fanIndex: fanIndex, fanGroup: Int(rule.fanGroup),
                    create: true)
            else { return false }
            for (key, output) in pairs.prefix(allowed) {
                builder.append(
                    instance, field: field,
                    content: .label(key: key, value: checked(output, rule: rule, index: index, view)), rule: fileRule)
            }
        case .structKey:
            let output: OutputValue
            switch value {
            case .node(let node): output = document.kind(node) == .string ? .sourceString(node) : .sourceJSON(node)
            case .text(let ref): output = .text(ref)
            }
            guard
                let instance = builder.instance(
                    steps: steps, instanceKey: target.instanceKey, fanIndex: fanIndex, fanGroup: Int(rule.fanGroup),
                    create: true)
            else { return false }
            let keyBytes = view.bytes(ProgramBytes(start: target.keyStart, count: target.keyCount))
            if builder.has(instance, field: field, structKey: keyBytes) { return false }
            let key = builder.store(bytes: keyBytes)
            builder.append(
                instance, field: field,
                content: .structValue(key: key, value: checked(output, rule: rule, index: index, view)),
                rule: fileRule)
        }
        return true
    }

    /// The scalars below `node` as (dotted path, value) label pairs — keys and array indexes joined
    /// with `.` — built straight into the event's arena. Empty values are left out.
    private mutating func collectLeaves(_ node: Int, path: inout [UInt8], into pairs: inout [(TextRef, OutputValue)]) {
        switch document.kind(node) {
        case .object:
            document.forEachMember(node) { key, value in
                let length = path.count
                if length > 0 { path.append(UInt8(ascii: ".")) }
                if document.isVerbatim(key) {
                    document.withRawBytes(key) { path.append(contentsOf: $0) }
                } else {
                    path.append(contentsOf: document.string(key).utf8)
                }
                collectLeaves(value, path: &path, into: &pairs)
                path.removeSubrange(length...)
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
    private mutating func checked(
        _ output: OutputValue, rule: ProgramRule, index: Int, _ view: MappingProgram.View
    ) -> OutputValue {
        let length: Int
        switch output {
        case .sourceString(let node), .sourceJSON(let node):
            if document.kind(node) == .string, document.needsRepair(node) {
                diagnostics.append(
                    Diagnostic(
                        rule: view.ruleIDs[index],
                        message: "\(view.fieldPaths[Int(rule.target)]): invalid UTF-8 replaced with U+FFFD"))
            }
            length = document.rawCount(node)
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
                rule: view.ruleIDs[index],
                message:
                    "\(view.fieldPaths[Int(rule.target)]): value of \(length) bytes cut to the \(limits.maxFieldBytes)-byte field limit"
            ))
        return .text(builder.store(limits.truncated(text, length: length)))
    }

    private mutating func labelValue(_ value: MappedValue) -> OutputValue? {
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
    private mutating func convert(_ value: MappedValue, to type: ProgramFieldType, checked: Bool) -> Result<
        OutputValue, ValueConverter.Failure
    > {
        if case .node(let node) = value, document.kind(node) == .object || document.kind(node) == .array {
            return .failure(ValueConverter.Failure(message: "expected a scalar, found \(document.kindName(node))"))
        }
        switch type.kind {
        case .string, .bytes:
            switch value {
            case .node(let node) where document.kind(node) == .string: return .success(.sourceString(node))
            case .node(let node): return .success(.text(builder.store(document.rawText(node))))
            case .text(let ref): return .success(.text(ref))
            }
        case .enumeration:
            let index = Int(type.enumeration)
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
                ValueConverter.fits($0, type.integerType)
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
        case .unwritable:
            // The only unwritable type a table can name for a scalar target.
            let duration = UDMSchema.FieldType.duration
            return .failure(
                ValueConverter.Failure(message: "the mapping tables cannot write a field of type \(duration)"))
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
