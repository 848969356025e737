/// Writing a value to its target: conversion to the field's type, labels, the output policy.
extension RecordMapper {
    /// Writes the value to the rule's target; false when nothing was written.
    mutating func write(
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
            if rule.has(ProgramRule.splitsEntries) {
                if case .node(let node) = value, document.kind(node) == .object || document.kind(node) == .array {
                    diagnostics.append(
                        Diagnostic(
                            rule: view.ruleIDs[index],
                            message: "'| entries' expected KEY:VALUE text, found \(document.kindName(node))"))
                    return false
                }
                for (key, entry) in KeyValueEntries.entries(in: builder.string(value, in: document)) {
                    pairs.append((builder.store(bytes: key.utf8), .text(builder.store(bytes: entry.utf8))))
                }
            } else if case .node(let node) = value, document.kind(node) == .object || document.kind(node) == .array {
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
    mutating func collectLeaves(_ node: Int, path: inout [UInt8], into pairs: inout [(TextRef, OutputValue)]) {
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
    mutating func checked(
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

    mutating func labelValue(_ value: MappedValue) -> OutputValue? {
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
    mutating func convert(_ value: MappedValue, to type: ProgramFieldType, checked: Bool) -> Result<
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
