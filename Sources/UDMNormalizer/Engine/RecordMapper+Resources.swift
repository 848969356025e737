/// `| resource` rules: the resource acted on, named once, further values in `about`.
extension RecordMapper {
    /// True when the resource a `| resource` rule fills has a name or product_object_id already.
    mutating func isNamed(_ target: ProgramTarget, _ resource: ProgramResource, _ view: MappingProgram.View)
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
    mutating func fill(
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
    mutating func writeType(
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
}
