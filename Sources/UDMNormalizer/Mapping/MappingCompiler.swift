/// Turns parsed mapping files into compiled rules, checking everything that can be checked before
/// a record is seen: UDM paths against the schema, enum constants, lookup names and values.
struct MappingCompiler {
    let schema: UDMSchema
    /// Numbers the path prefixes of everything compiled, for per-record memoization.
    let interner = PathInterner()
    /// Numbers target instance chains, for the event builder's lookup table.
    let targets = TargetInterner()
    /// Numbers the distinct record conditions, for per-record memoization.
    let conditions = ConditionInterner()
    /// The lookups' keys, for `PATH in keys LOOKUP` conditions.
    let lookupKeys = LookupKeyIndex()

    func compile(_ files: [MappingFileSyntax]) throws(MappingError) -> (
        files: [CompiledMappingFile], lookupTables: [LookupTable]
    ) {
        var lookupTables: [LookupTable] = []
        var lookups: [String: Int] = [:]
        for file in files {
            for syntax in file.lookups {
                if let earlier = lookups[syntax.name] {
                    throw syntax.location.error(
                        "lookup '\(syntax.name)' is already defined at \(lookupTables[earlier].location.ruleID)")
                }
                lookups[syntax.name] = lookupTables.count
                lookupTables.append(try LookupTable(syntax))
            }
        }
        for file in files {
            for lookup in file.lookups where lookupKeys.lookups[lookup.name] == nil {
                lookupKeys.lookups[lookup.name] = lookup
            }
        }
        var compiled: [CompiledMappingFile] = []
        for file in files {
            if file.logType == nil, let first = file.rules.first {
                throw first.location.error("rules need a '@log_type' line at the top of the file")
            }
            if file.logType != nil && file.match == nil {
                throw (file.logTypeLocation ?? TableLocation(file: file.name, line: 1, column: 1))
                    .error(
                        "a file with '@log_type' needs '@match CONDITION' saying which records it handles (only extension tables loaded over built-in ones may leave it out)"
                    )
            }
            let location = file.logTypeLocation ?? TableLocation(file: file.name, line: 1, column: 1)
            let keyCase: SourcePath.KeyCase = file.firstLetterAnyCase ? .firstLetterAnyCase : .exact
            let match = try file.match.map { (c) throws(MappingError) in
                try Condition(c, location: location, keyCase: keyCase, interner: interner, lookupKeys: lookupKeys)
            }
            var rules: [CompiledRule] = []
            for rule in file.rules {
                rules.append(try compile(rule, lookups: lookups, lookupTables: lookupTables, keyCase: keyCase))
            }
            var excluded: [(kind: ExcludedPathSyntax.Kind, path: SourcePath)] = []
            for path in file.excludedPaths {
                excluded.append(
                    (
                        path.kind,
                        try SourcePath.compiled(
                            path.path, location: path.location, column: path.location.column, keyCase: keyCase,
                            interner: interner)
                    ))
            }
            let dedupeKey = try file.dedupeKey.map { (key) throws(MappingError) in
                try compile(key.0, location: key.1, keyCase: keyCase)
            }
            if let dedupeKey, dedupeKey.fansOut, let location = file.dedupeKey?.1 {
                throw location.error("a dedupe key cannot use '[*]'")
            }
            var checks: [(conditions: [Condition], message: String, id: RuleID)] = []
            for check in file.checks {
                var conditions: [Condition] = []
                for scope in check.scope {
                    conditions.append(
                        try Condition(
                            scope, location: check.location, keyCase: keyCase, interner: interner,
                            lookupKeys: lookupKeys))
                }
                conditions.append(
                    try Condition(
                        check.condition, location: check.location, keyCase: keyCase, interner: interner,
                        lookupKeys: lookupKeys))
                checks.append((conditions, check.message, check.location.ruleID))
            }
            compiled.append(
                CompiledMappingFile(
                    name: file.name, logType: file.logType, match: match, rules: rules, excludedPaths: excluded,
                    eventBridgeDetailTypes: file.eventBridgeDetailTypes, dedupeKey: dedupeKey, syntax: file,
                    checks: checks))
        }
        return (compiled, lookupTables)
    }

    /// `lookups`: each lookup's index in `lookupTables`, by name.
    private func compile(
        _ rule: RuleSyntax, lookups: [String: Int], lookupTables: [LookupTable], keyCase: SourcePath.KeyCase
    ) throws(MappingError) -> CompiledRule {
        let location = rule.location
        let source = try compile(rule.source, location: location, keyCase: keyCase)
        let target = try targets.compiled(rule.target, schema: schema, location: location, column: rule.targetColumn)
        var recordConditions: [Condition] = []
        var recordConditionNumbers: [Int] = []
        for scope in rule.scope {
            let (number, condition) = try conditions.compiled(scope, keyCase: keyCase) { () throws(MappingError) in
                try Condition(scope, location: location, keyCase: keyCase, interner: interner, lookupKeys: lookupKeys)
            }
            recordConditions.append(condition)
            recordConditionNumbers.append(number)
        }
        var stages: [RuleStage] = []
        var flattens = false
        // The stage that makes many labels of one value (`flatten` or `entries`), for the messages below.
        var manyLabels = "flatten"
        var lastLookup: LookupTable?
        var resource: ResourceNoun?
        for stage in rule.stages {
            switch stage {
            case .resource(let type, let subtype, let column):
                guard resource == nil else { throw location.error("'| resource' given twice", column: column) }
                resource = try ResourceNoun(
                    target: target, type: type, subtype: subtype, schema: schema, location: location, column: column,
                    targets: targets)
            case .targetKey(let keys, let verbs, let types, let column):
                guard resource == nil else {
                    throw location.error("'| resource' or '| target_key' given twice", column: column)
                }
                var tables: [Int] = []
                for name in [keys, verbs, types] {
                    guard let table = lookups[name] else {
                        throw location.error("no lookup named '\(name)'", column: column)
                    }
                    tables.append(table)
                }
                var noun = try ResourceNoun(
                    target: target, type: "", subtype: "", schema: schema, location: location, column: column,
                    targets: targets)
                noun.search = try TargetKeySearch(
                    keys: tables[0], verbs: tables[1], types: tables[2], lookupTables: lookupTables,
                    resource: noun.identifier.message, schema: schema, location: location, column: column,
                    targets: targets, keyCase: keyCase, interner: interner)
                resource = noun
            case .when(let syntax):
                let condition = try Condition(
                    syntax, location: location, keyCase: keyCase, interner: interner, lookupKeys: lookupKeys)
                if condition.readsValue {
                    stages.append(.when(condition))
                } else {
                    recordConditions.append(condition)
                    recordConditionNumbers.append(conditions.number(for: syntax, keyCase: keyCase))
                }
            case .transform(let name, let argument, let column):
                let transform = try Transform(name: name, argument: argument, location: location, column: column)
                if case .lookup(let tableName) = transform {
                    guard let table = lookups[tableName] else {
                        throw location.error("no lookup named '\(tableName)'", column: column)
                    }
                    lastLookup = lookupTables[table]
                    stages.append(.lookup(table))
                    continue
                }
                if case .callNoun(let tableName) = transform {
                    guard let table = lookups[tableName], lookupTables[table].isPrefix else {
                        throw location.error("'call_noun \(tableName)': no prefix lookup of that name", column: column)
                    }
                    stages.append(.callNoun(table))
                    continue
                }
                if case .callOutcome(let tableName) = transform {
                    guard let table = lookups[tableName] else {
                        throw location.error("'call_outcome \(tableName)': no lookup of that name", column: column)
                    }
                    stages.append(.callOutcome(table))
                    continue
                }
                if transform == .flatten || transform == .entries {
                    if flattens { throw location.error("'| \(manyLabels)' given already", column: column) }
                    flattens = true
                    manyLabels = transform == .entries ? "entries" : "flatten"
                }
                stages.append(.transform(transform))
            }
        }
        let leafType = schema.field(target.leafField).type
        switch target.leaf {
        case .labelList:
            guard flattens else {
                throw location.error(
                    "a label list without a key needs '| flatten' or '| entries' (or write labels[\"key\"])",
                    column: rule.targetColumn
                )
            }
        case .scalar, .label:
            if flattens {
                throw location.error(
                    "'| \(manyLabels)' needs a label list target such as about.labels", column: rule.targetColumn)
            }
        case .structKey:
            if flattens {
                throw location.error(
                    "'| \(manyLabels)' needs a label list target; additional[\"key\"] takes the value as it is",
                    column: rule.targetColumn)
            }
        }
        if target.usesFanOut && !source.fansOut {
            throw location.error(
                "target uses '[*]' but the source has no '[*]' to number the elements", column: rule.targetColumn)
        }
        if case .enumeration(let enumIndex) = leafType {
            let enumeration = schema.enums[enumIndex]
            if case .literal(let value) = source, lastLookup == nil,
                !stages.contains(where: { if case .transform = $0 { true } else { false } }),
                !enumeration.contains(value)
            {
                throw location.error(
                    "'\(value)' is not a value of \(enumeration.name) (the type of \(target.fieldPath))\(enumeration.choices(for: value))"
                )
            }
            if let lastLookup {
                for (value, rowID) in lastLookup.allValues where !enumeration.contains(value) {
                    throw location.error(
                        "lookup '\(lastLookup.name)' can give '\(value)' (\(rowID)), which is not a value of \(enumeration.name)\(enumeration.choices(for: value))"
                    )
                }
            }
        }
        var fanGroup = target.usesFanOut ? Self.fannedList(of: rule.source).map(targets.fanGroup(for:)) ?? -1 : -1
        // A named element is a block of one element of its own, numbered like a source list's block
        // (a source list's text always ends in "[*]", so a name never shares its group).
        if let name = target.elementName { fanGroup = targets.fanGroup(for: "[\"\(name)\"]") }
        return CompiledRule(
            id: location.ruleID, location: location, source: source, target: target,
            recordConditions: recordConditions, recordConditionNumbers: recordConditionNumbers, stages: stages,
            flattens: flattens, leafType: leafType,
            resource: resource,
            syntax: rule, fanGroup: fanGroup)
    }

    /// The list a source fans out over: its first `[*]` path, up to and including that `[*]`.
    private static func fannedList(of expression: SourceExpressionSyntax) -> String? {
        switch expression {
        case .path(let text, _):
            // On bytes: a substring search over Characters cost more than the rest of the rule.
            let bytes = Array(text.utf8)
            var star = 0
            while star + 2 < bytes.count {
                if bytes[star] == UInt8(ascii: "["), bytes[star + 1] == UInt8(ascii: "*"),
                    bytes[star + 2] == UInt8(ascii: "]")
                {
                    return String(decoding: bytes[..<(star + 3)], as: UTF8.self)
                }
                star += 1
            }
            return nil
        case .literal: return nil
        case .concatenation(let parts), .firstNonEmpty(let parts):
            for part in parts { if let list = fannedList(of: part) { return list } }
            return nil
        }
    }

    private func compile(_ expression: SourceExpressionSyntax, location: TableLocation, keyCase: SourcePath.KeyCase)
        throws(MappingError) -> CompiledSource
    {
        switch expression {
        case .path(let text, let column):
            return .path(
                try SourcePath.compiled(text, location: location, column: column, keyCase: keyCase, interner: interner))
        case .literal(let text, _):
            return .literal(text)
        case .concatenation(let parts):
            var compiled: [CompiledSource] = []
            for part in parts {
                let c = try compile(part, location: location, keyCase: keyCase)
                if c.fansOut {
                    throw location.error("'+' cannot join a '[*]' path; map the elements with a rule of their own")
                }
                compiled.append(c)
            }
            return .concatenation(compiled)
        case .firstNonEmpty(let parts):
            var compiled: [CompiledSource] = []
            for part in parts { compiled.append(try compile(part, location: location, keyCase: keyCase)) }
            return .firstNonEmpty(compiled)
        }
    }
}

extension UDMSchema.Enumeration {
    /// The nearest value and the valid ones, for an error about `value`.
    func choices(for value: String) -> String {
        let nearest = NearestName.nearest(to: value, among: values).map { "; did you mean '\($0)'?" } ?? ""
        return "\(nearest); valid values: \(values.joined(separator: ", "))"
    }
}

/// Numbers the distinct record conditions of one compiled table set while compiling: a `@when`
/// block's condition and a role's condition are shared by many rules, and the engine works out a
/// record's answer to each one once.
final class ConditionInterner {
    private struct Key: Hashable {
        var syntax: ConditionSyntax
        var keyCase: SourcePath.KeyCase
    }

    private var numbers: [Key: Int] = [:]
    /// The compiled condition of each number, when it was compiled through `compiled(_:keyCase:compile:)`.
    private var conditions: [Int: Condition] = [:]
    /// How many distinct conditions were numbered.
    var count: Int { numbers.count }

    /// The number of `syntax` and its compiled form, compiled by `compile` the first time only: a
    /// block's or a role's condition is the same for every rule it covers (it names the same paths
    /// in the same tables), so it is compiled once.
    func compiled(
        _ syntax: ConditionSyntax, keyCase: SourcePath.KeyCase, compile: () throws(MappingError) -> Condition
    ) throws(MappingError) -> (number: Int, condition: Condition) {
        let number = number(for: syntax, keyCase: keyCase)
        if let known = conditions[number] { return (number, known) }
        let condition = try compile()
        conditions[number] = condition
        return (number, condition)
    }

    /// The number of `syntax` read with `keyCase`; the same condition always gets the same number.
    func number(for syntax: ConditionSyntax, keyCase: SourcePath.KeyCase) -> Int {
        let key = Key(syntax: syntax, keyCase: keyCase)
        if let known = numbers[key] { return known }
        numbers[key] = numbers.count
        return numbers.count - 1
    }
}

/// The rows of the table set's exact lookups, by name, while compiling: a `PATH in keys LOOKUP`
/// condition becomes `PATH in (KEY, …)` with the lookup's keys (of any file of the set).
final class LookupKeyIndex {
    var lookups: [String: LookupSyntax] = [:]

    /// The keys of exact lookup `name` in row order, those whose row gives one of `values` when
    /// given; nil when no exact lookup has that name.
    func keys(_ name: String, giving values: [String]?) -> [String]? {
        guard let lookup = lookups[name], lookup.kind == .exact else { return nil }
        return lookup.rows.filter { row in values.map { $0.contains(row.value) } ?? true }.map(\.key)
    }
}
