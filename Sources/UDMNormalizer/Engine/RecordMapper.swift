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
    var lookupRow: RuleID??
    /// This record's answer to each numbered record condition: many rules share a `@when` scope or
    /// a role's condition, and the answer depends on the record alone.
    var conditionAnswers: [UInt8]
    static let unanswered: UInt8 = 0
    static let holds: UInt8 = 1
    static let fails: UInt8 = 2
    /// The first rule of the file being run, in the program (fired rules are numbered within the file).
    var fileStart = 0
    /// The longest value written (bytes) and the most labels per event.
    var limits = OutputLimits()
    /// The JSON texts in the record's strings read so far (by redaction, or by a `| json_text` rule).
    var jsonTexts = JSONTextReads()
    /// Which key and step of the general target rule named the target (only while coverage is
    /// tracked, for `explain`).
    var targetChoice: String?

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
            if rule.resource >= 0, view.resources[Int(rule.resource)].keys >= 0 {
                // The general target rule also writes the keys a call uses when the target is named.
                let resource = view.resources[Int(rule.resource)]
                let named = isNamed(view.targets[Int(rule.target)], resource, view)
                if rule.recordConditionCount > 0, !recordConditionsHold(rule, view, resolver: resolver) { continue }
                if sourceNode >= 0 {
                    fillByKeys(resource, rule: rule, index: index, call: sourceNode, named: named, view)
                }
                continue
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
    func anyConditionFailed(_ rule: ProgramRule, _ view: MappingProgram.View) -> Bool {
        let start = Int(rule.recordConditionStart)
        for position in start..<start + Int(rule.recordConditionCount)
        where conditionAnswers[Int(view.recordConditions[position].number)] == Self.fails {
            return true
        }
        return false
    }

    /// Whether every record condition of the rule holds, each distinct condition evaluated once per record.
    mutating func recordConditionsHold(
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
    mutating func conditionHolds(
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
    mutating func isAlreadySet(_ rule: ProgramRule, _ target: ProgramTarget, _ view: MappingProgram.View)
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

    /// Runs the rule's stages on one value and writes it; false when nothing was written.
    @discardableResult
    mutating func apply(
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
}
