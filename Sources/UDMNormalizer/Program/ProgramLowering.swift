/// Lowers compiled mapping files into the engine's flat ``MappingProgram``: each shared path,
/// target and record condition once, every rule as plain data.
struct ProgramLowering {
    private(set) var program = MappingProgram()
    private let schema: UDMSchema
    private var pathNumbers: [ObjectIdentifier: Int32] = [:]
    private var targetNumbers: [ObjectIdentifier: Int32] = [:]
    /// The lowered root of each numbered record condition (see `ConditionInterner`).
    private var recordConditionRoots: [Int: Int32] = [:]

    private init(schema: UDMSchema) {
        self.schema = schema
    }

    /// The program of `files` and their `lookups` (numbered as the rules name them), compiled
    /// against `schema` with one path interner.
    static func lower(_ files: [CompiledMappingFile], lookups: [LookupTable], schema: UDMSchema) -> MappingProgram {
        var lowering = ProgramLowering(schema: schema)
        for lookup in lookups { lowering.add(lookup) }
        for file in files {
            let start = lowering.program.rules.count
            for rule in file.rules { lowering.add(rule) }
            lowering.markBlocks(in: start..<lowering.program.rules.count)
            var entry = MappingProgram.File(
                id: ObjectIdentifier(file), ruleStart: Int32(start), ruleCount: Int32(file.rules.count))
            if let match = file.match { entry.match = lowering.lower(match) }
            entry.checkStart = Int32(lowering.program.checks.count)
            for check in file.checks { lowering.add(check) }
            entry.checkCount = Int32(lowering.program.checks.count) - entry.checkStart
            if let key = file.dedupeKey { entry.dedupeKey = lowering.lower(key) }
            entry.exclusionStart = Int32(lowering.program.exclusions.count)
            for (kind, path) in file.excludedPaths {
                lowering.program.exclusions.append(
                    MappingProgram.Exclusion(
                        path: lowering.lower(path), declaration: lowering.text("@\(kind.rawValue) \(path.text)")))
            }
            entry.exclusionCount = Int32(lowering.program.exclusions.count) - entry.exclusionStart
            lowering.program.files.append(entry)
        }
        return lowering.program
    }

    /// A `@check`: its conditions joined with `and`, in the order they are tested.
    private mutating func add(_ check: (conditions: [Condition], message: String, id: RuleID)) {
        guard var root = check.conditions.last.map({ lower($0) }) else { return }
        for condition in check.conditions.dropLast().reversed() {
            let left = lower(condition)
            program.conditions.append(.and(left, root))
            root = Int32(program.conditions.count - 1)
        }
        program.checks.append(
            MappingProgram.Check(condition: root, message: text(check.message), id: Int32(program.checkIDs.count)))
        program.checkIDs.append(check.id)
    }

    /// A lookup table: exact and prefix rows in a hash table on their keys' bytes, range rows in order.
    private mutating func add(_ lookup: LookupTable) {
        var entry = ProgramLookup(
            kind: lookup.isRange ? .range : lookup.isPrefix ? .prefix : .exact, slotStart: 0, slotMask: -1,
            rangeStart: Int32(program.lookupRanges.count), rangeCount: 0,
            defaultValue: bytes((lookup.defaultValue ?? "").utf8), hasDefault: lookup.defaultValue != nil)
        for range in lookup.rangeRows {
            program.lookupRanges.append(
                ProgramLookupRange(
                    lower: range.lower, upper: range.upper, lowerInclusive: range.lowerInclusive,
                    upperInclusive: range.upperInclusive, value: bytes(range.value.utf8), row: rowNumber(range.rowID)))
        }
        entry.rangeCount = Int32(program.lookupRanges.count) - entry.rangeStart
        // Sorted by key: the same tables give the same program.
        let rows = lookup.exactRows.sorted { $0.key < $1.key }
        if !rows.isEmpty {
            var size = 4
            while size < rows.count * 2 { size *= 2 }
            entry.slotStart = Int32(program.lookupSlots.count)
            entry.slotMask = Int32(size - 1)
            program.lookupSlots.append(contentsOf: repeatElement(-1, count: size))
            for (key, row) in rows {
                let keyBytes = bytes(key.utf8)
                let number = Int32(program.lookupRows.count)
                program.lookupRows.append(
                    ProgramLookupRow(key: keyBytes, value: bytes(row.value.utf8), row: rowNumber(row.rowID)))
                let hash = Array(key.utf8).withUnsafeBytes { PathTable.hash($0) }
                var position = Int(hash) & (size - 1)
                while program.lookupSlots[Int(entry.slotStart) + position] >= 0 {
                    position = (position + 1) & (size - 1)
                }
                program.lookupSlots[Int(entry.slotStart) + position] = number
            }
        }
        program.lookups.append(entry)
    }

    private mutating func rowNumber(_ id: RuleID) -> Int32 {
        program.lookupRowIDs.append(id)
        return Int32(program.lookupRowIDs.count - 1)
    }

    private mutating func text(_ string: String) -> Int32 {
        program.texts.append(string)
        return Int32(program.texts.count - 1)
    }

    private mutating func add(_ rule: CompiledRule) {
        let source = lower(rule.source)
        let target = lower(rule.target)
        var sourcePrefix: Int32 = -1
        if case .path(let path) = rule.source, path.isWholePrefix, !path.fansOut { sourcePrefix = Int32(path.prefixID) }
        var instanceKey: Int32 = -1
        var field: Int32 = -1
        if rule.isSingleValued, let key = rule.target.instanceKey, case .scalar(let leaf, false) = rule.target.leaf {
            instanceKey = Int32(key)
            field = Int32(leaf.field)
        }
        let recordConditionStart = Int32(program.recordConditions.count)
        for (position, condition) in rule.recordConditions.enumerated() {
            let number = rule.recordConditionNumbers[position]
            let root: Int32
            if let known = recordConditionRoots[number] {
                root = known
            } else {
                root = lower(condition)
                recordConditionRoots[number] = root
            }
            program.recordConditions.append(ProgramRecordCondition(number: Int32(number), condition: root))
        }
        let stageStart = Int32(program.stages.count)
        var hasValueCondition = false
        for stage in rule.stages {
            switch stage {
            case .transform(let transform):
                // `flatten` and `entries` are the writer's (a label list target), and a lookup is a stage of its own.
                if let lowered = lower(transform) { program.stages.append(.transform(lowered)) }
            case .lookup(let table):
                program.stages.append(.lookup(Int32(table)))
            case .callNoun(let table):
                program.stages.append(.transform(.callNoun(Int32(table))))
            case .callOutcome(let table):
                program.stages.append(.transform(.callOutcome(Int32(table))))
            case .when(let condition):
                hasValueCondition = true
                program.stages.append(.when(lower(condition)))
            }
        }
        var flags: UInt8 = 0
        if rule.isSingleValued { flags |= ProgramRule.isSingleValued }
        if rule.writesEventType { flags |= ProgramRule.writesEventType }
        if rule.valuesCheckedAtCompile { flags |= ProgramRule.valuesCheckedAtCompile }
        if rule.splitsEntries { flags |= ProgramRule.splitsEntries }
        if !rule.recordConditions.isEmpty || hasValueCondition { flags |= ProgramRule.isConditional }
        program.rules.append(
            ProgramRule(
                source: source, sourcePrefix: sourcePrefix, instanceKey: instanceKey, field: field, target: target,
                recordConditionStart: recordConditionStart,
                recordConditionCount: Int32(program.recordConditions.count) - recordConditionStart,
                stageStart: stageStart, stageCount: Int32(program.stages.count) - stageStart,
                resource: rule.resource.map { lower($0) } ?? -1, fanGroup: Int32(rule.fanGroup),
                blockEnd: Int32(program.rules.count + 1),
                leafType: ProgramFieldType(rule.leafType), flags: flags))
        program.ruleIDs.append(rule.id)
    }

    /// Sets each rule's `blockEnd`: how far the following rules all test its first record condition.
    private mutating func markBlocks(in rules: Range<Int>) {
        func numbers(_ rule: ProgramRule) -> ArraySlice<ProgramRecordCondition> {
            let start = Int(rule.recordConditionStart)
            return program.recordConditions[start..<start + Int(rule.recordConditionCount)]
        }
        for index in rules.reversed() {
            guard let first = numbers(program.rules[index]).first?.number else { continue }
            // Extend the run while the next rule tests the same condition; a rule whose own first
            // condition it is has its run worked out already.
            var blockEnd = index + 1
            while blockEnd < rules.upperBound {
                let next = numbers(program.rules[blockEnd])
                if next.first?.number == first {
                    blockEnd = Int(program.rules[blockEnd].blockEnd)
                } else if next.contains(where: { $0.number == first }) {
                    blockEnd += 1
                } else {
                    break
                }
            }
            program.rules[index].blockEnd = Int32(blockEnd)
        }
    }

    private mutating func bytes<C: Collection>(_ bytes: C) -> ProgramBytes where C.Element == UInt8 {
        let start = program.bytes.count
        program.bytes.append(contentsOf: bytes)
        return ProgramBytes(start: Int32(start), count: Int32(program.bytes.count - start))
    }

    private mutating func lower(_ path: SourcePath) -> Int32 {
        if let known = pathNumbers[ObjectIdentifier(path)] { return known }
        let taken = path.prefixID >= 0 ? path.prefixLength : 0
        let stepStart = Int32(program.walkSteps.count)
        for step in path.steps.dropFirst(taken) {
            switch step {
            case .key(let key, let index, let alternate):
                let keyBytes = bytes(key)
                let alternateBytes = bytes(alternate ?? [])
                program.walkSteps.append(
                    .key(keyBytes, alternate: alternateBytes, hasAlternate: alternate != nil, index: Int32(index ?? -1))
                )
            case .each:
                program.walkSteps.append(.each)
            case .select(let key, let value, let alternate):
                let keyBytes = bytes(key)
                let alternateBytes = bytes(alternate ?? [])
                program.walkSteps.append(
                    .select(
                        key: keyBytes, alternate: alternateBytes, hasAlternate: alternate != nil,
                        value: bytes(value.utf8)))
            }
        }
        let number = Int32(program.paths.count)
        program.paths.append(
            ProgramPath(
                prefix: Int32(path.prefixID), stepStart: stepStart,
                stepCount: Int32(program.walkSteps.count) - stepStart, fansOut: path.fansOut))
        pathNumbers[ObjectIdentifier(path)] = number
        return number
    }

    private mutating func lower(_ source: CompiledSource) -> Int32 {
        let node: ProgramSource
        switch source {
        case .path(let path): node = .path(lower(path))
        case .literal(let text): node = .literal(bytes(text.utf8))
        case .concatenation(let parts):
            let (start, count) = lower(parts)
            node = .concatenation(start: start, count: count)
        case .firstNonEmpty(let parts):
            let (start, count) = lower(parts)
            node = .firstNonEmpty(start: start, count: count)
        }
        program.sources.append(node)
        return Int32(program.sources.count - 1)
    }

    private mutating func lower(_ parts: [CompiledSource]) -> (start: Int32, count: Int32) {
        var numbers: [Int32] = []
        for part in parts { numbers.append(lower(part)) }
        let start = Int32(program.sourceParts.count)
        program.sourceParts.append(contentsOf: numbers)
        return (start, Int32(numbers.count))
    }

    private mutating func lower(_ condition: Condition) -> Int32 {
        let node: ProgramCondition
        switch condition {
        case .exists(let path): node = .exists(path: lower(path))
        case .missing(let path): node = .missing(path: lower(path))
        case .equals(let path, let values):
            let (start, count) = lower(values)
            node = .equals(path: lower(path), valueStart: start, valueCount: count)
        case .notEquals(let path, let values):
            let (start, count) = lower(values)
            node = .notEquals(path: lower(path), valueStart: start, valueCount: count)
        case .compare(let path, let op, let limit):
            node = .compare(path: lower(path), comparison: ProgramCondition.Comparison(op), limit: limit)
        case .consistsOf(let path, let characters):
            node = .consistsOf(path: lower(path), characters: bytes(characters))
        case .contains(let path, let needle):
            node = .contains(path: lower(path), needle: bytes(needle))
        case .onlyKeys(let path, let values):
            let (start, count) = lower(values)
            node = .onlyKeys(path: lower(path), valueStart: start, valueCount: count)
        case .isIP: node = .isIP
        case .isNotEmpty: node = .isNotEmpty
        case .isNotZero: node = .isNotZero
        case .not(let inner): node = .not(lower(inner))
        case .and(let a, let b):
            let left = lower(a)
            node = .and(left, lower(b))
        case .or(let a, let b):
            let left = lower(a)
            node = .or(left, lower(b))
        }
        program.conditions.append(node)
        return Int32(program.conditions.count - 1)
    }

    private mutating func lower(_ values: ComparisonValues) -> (start: Int32, count: Int32) {
        var ranges: [ProgramBytes] = []
        for value in values.values { ranges.append(bytes(value)) }
        let start = Int32(program.byteLists.count)
        program.byteLists.append(contentsOf: ranges)
        return (start, Int32(ranges.count))
    }

    private mutating func lower(_ transform: Transform) -> ProgramTransform? {
        switch transform {
        case .lower: return .lower
        case .upper: return .upper
        case .trim: return .trim
        case .string: return .string
        case .int: return .int
        case .float: return .float
        case .bool: return .bool
        case .timestamp: return .timestamp
        case .json: return .json
        case .afterLast(let separator): return .afterLast(text(separator))
        case .afterFirst(let separator): return .afterFirst(text(separator))
        case .beforeFirst(let separator): return .beforeFirst(text(separator))
        case .jsonText(let path): return .jsonText(text(path))
        case .lookup, .flatten, .entries, .callNoun, .callOutcome: return nil
        }
    }

    private mutating func lower(_ steps: [TargetPath.Step]) -> (start: Int32, count: Int32) {
        let start = Int32(program.targetSteps.count)
        for step in steps {
            let element: ProgramTargetStep.Element
            switch step.element {
            case .first: element = .first
            case .fanOut: element = .fanOut
            case .named: element = .named
            case .append: element = .append
            }
            var child: Int32 = -1
            if case .message(let message) = schema.field(step.field).type { child = Int32(message) }
            program.targetSteps.append(
                ProgramTargetStep(field: Int32(step.field.field), element: element, childMessage: child))
        }
        return (start, Int32(steps.count))
    }

    private mutating func lower(_ target: TargetPath) -> Int32 {
        if let known = targetNumbers[ObjectIdentifier(target)] { return known }
        let (stepStart, stepCount) = lower(target.steps)
        let leaf: ProgramTarget.Leaf
        switch target.leaf {
        case .scalar(_, let append): leaf = append ? .appendedScalar : .scalar
        case .label: leaf = .label
        case .labelList: leaf = .labelList
        case .structKey: leaf = .structKey
        }
        let key = bytes(target.keyBytes)
        let number = Int32(program.targets.count)
        program.targets.append(
            ProgramTarget(
                stepStart: stepStart, stepCount: stepCount, leaf: leaf, field: Int32(target.leafField.field),
                keyStart: key.start, keyCount: key.count, instanceKey: Int32(target.instanceKey ?? -1)))
        program.fieldPaths.append(target.fieldPath)
        targetNumbers[ObjectIdentifier(target)] = number
        return number
    }

    private mutating func lower(_ resource: ResourceNoun) -> Int32 {
        let namingStart = Int32(program.integers.count)
        program.integers.append(contentsOf: resource.namingFields.map { Int32($0) })
        let typeValue = bytes(resource.typeValue.utf8)
        let subtypeValue = bytes(resource.subtypeValue.utf8)
        let (overflowStart, overflowCount) = lower(resource.overflow)
        program.resources.append(
            ProgramResource(
                identifier: Int32(resource.identifier.field), resourceType: Int32(resource.resourceType.field),
                resourceSubtype: Int32(resource.resourceSubtype.field), namingFieldStart: namingStart,
                namingFieldCount: Int32(resource.namingFields.count), typeValue: typeValue,
                subtypeValue: subtypeValue, overflowStart: overflowStart, overflowCount: overflowCount))
        if let search = resource.search {
            let (sourceStart, sourceCount) = lower(search.source)
            let last = program.resources.count - 1
            program.resources[last].keys = Int32(search.keys)
            program.resources[last].scopedKeys = search.scopedKeys
            program.resources[last].addedKeys = search.addedKeys
            program.resources[last].verbs = Int32(search.verbs)
            program.resources[last].types = Int32(search.types)
            program.resources[last].name = Int32(search.name)
            program.resources[last].productObjectID = Int32(search.productObjectID)
            program.resources[last].attribute = Int32(search.attribute)
            program.resources[last].attributeMessage = Int32(search.attributeMessage)
            program.resources[last].labels = Int32(search.labels)
            program.resources[last].sourceStart = sourceStart
            program.resources[last].sourceCount = sourceCount
            program.resources[last].servicePath = lower(search.service)
            program.resources[last].requestPath = lower(search.request)
            program.resources[last].responsePath = lower(search.response)
        }
        return Int32(program.resources.count - 1)
    }
}
