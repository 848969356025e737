/// What a compiled rule reads.
indirect enum CompiledSource: Sendable {
    case path(SourcePath)
    case literal(String)
    case concatenation([CompiledSource])
    case firstNonEmpty([CompiledSource])

    var fansOut: Bool {
        switch self {
        case .path(let p): return p.fansOut
        case .literal: return false
        case .concatenation(let parts), .firstNonEmpty(let parts): return parts.contains { $0.fansOut }
        }
    }

    /// Every source path the expression reads (for coverage and `explain`).
    var paths: [SourcePath] {
        switch self {
        case .path(let p): return [p]
        case .literal: return []
        case .concatenation(let parts), .firstNonEmpty(let parts): return parts.flatMap(\.paths)
        }
    }
}

/// One stage after the source is read: a conversion, a lookup, or a condition on the value so far.
enum RuleStage: Sendable {
    case transform(Transform)
    /// `| lookup NAME`, bound to the table's index in `MappingSet.lookupTables` when compiled, so a
    /// record looks its value up without finding the table by name.
    case lookup(Int)
    /// `| call_noun NAME`, bound to its verb table's index like `lookup`.
    case callNoun(Int)
    /// `| call_outcome NAME`, bound to its outcome-class table's index like `lookup`.
    case callOutcome(Int)
    case when(Condition)
}

/// A rule ready to run: every path parsed, the target resolved against the schema, lookups bound.
///
/// The compile-time model, for lint, documentation, `explain` and reports; the engine runs the rule
/// as lowered into the flat program. A final class: events and reports share one reference.
final class CompiledRule: Sendable {
    /// `file:line`, the rule's identity in diagnostics and reports.
    let id: RuleID
    let location: TableLocation
    let source: CompiledSource
    let target: TargetPath
    /// Conditions on the record (from `@when` blocks and value-independent `| when` stages); all must hold.
    let recordConditions: [Condition]
    /// Each record condition's number among the table set's distinct conditions (see
    /// `ConditionInterner`), so a record evaluates a condition many rules share once.
    let recordConditionNumbers: [Int]
    /// Transforms and value conditions, in the order written.
    let stages: [RuleStage]
    /// True for `| flatten` or `| entries`: the value becomes many labels.
    let flattens: Bool
    /// True for `| entries`: the labels are the value's `KEY:VALUE` entries (see `KeyValueEntries`).
    var splitsEntries: Bool { stages.contains { if case .transform(.entries) = $0 { true } else { false } } }
    /// The schema type of the leaf, cached for the hot path.
    let leafType: UDMSchema.FieldType
    /// The target holds one value, so once set the rule need not run (first non-empty wins).
    let isSingleValued: Bool
    /// The rule writes `metadata.event_type` (its classification decision is reported).
    let writesEventType: Bool
    /// Every value the rule can write was checked against the target's enum when the table was
    /// compiled (a constant, or a lookup's rows), so records need no check.
    let valuesCheckedAtCompile: Bool
    /// For `| resource TYPE "SUBTYPE"`: the resource the value identifies (nil for other rules).
    let resource: ResourceNoun?
    /// The rule as written, its comment and its `@when` scope, for documentation and lint.
    let syntax: RuleSyntax
    /// For a `[*]` target: the number of the source list it fans out over (the source path up to its
    /// first `[*]`). Rules over the same list write the same elements; another list's elements
    /// come after them, so two lists never share an element. -1 when the target has no `[*]`.
    let fanGroup: Int

    init(
        id: RuleID, location: TableLocation, source: CompiledSource, target: TargetPath, recordConditions: [Condition],
        recordConditionNumbers: [Int], stages: [RuleStage], flattens: Bool, leafType: UDMSchema.FieldType,
        resource: ResourceNoun? = nil,
        syntax: RuleSyntax,
        fanGroup: Int = -1
    ) {
        self.resource = resource
        self.syntax = syntax
        self.fanGroup = fanGroup
        self.id = id
        self.location = location
        self.source = source
        self.target = target
        self.recordConditions = recordConditions
        self.recordConditionNumbers = recordConditionNumbers
        self.stages = stages
        self.flattens = flattens
        self.leafType = leafType
        writesEventType = target.fieldPath == UDMValidator.eventTypePath
        let conversions = stages.filter { stage in if case .when = stage { false } else { true } }
        if case .lookup = conversions.last {
            valuesCheckedAtCompile = true
        } else if case .literal = source {
            valuesCheckedAtCompile = conversions.isEmpty
        } else {
            valuesCheckedAtCompile = false
        }
        let plainSteps =
            !target.usesFanOut && target.elementName == nil && !target.steps.contains { $0.element == .append }
        switch target.leaf {
        case .scalar(_, let append): isSingleValued = plainSteps && !append
        case .structKey: isSingleValued = plainSteps
        case .label, .labelList: isSingleValued = false
        }
    }
}

/// One compiled mapping file: the rules for the records its `@match` selects.
///
/// A final class: the engine picks one per record, and a reference is one retain where a copy of
/// all these arrays would be a dozen.
final class CompiledMappingFile: Sendable {
    let name: String
    let logType: String?
    let match: Condition?
    let rules: [CompiledRule]
    /// `@opaque` / `@ignore` subtrees, excluded from field coverage.
    let excludedPaths: [(kind: ExcludedPathSyntax.Kind, path: SourcePath)]
    /// `@eventbridge` detail-types.
    let eventBridgeDetailTypes: [String]
    /// `@dedupe_key`: the text that identifies a record for de-duplication.
    let dedupeKey: CompiledSource?
    /// The file as parsed (lookups and rules as written), for documentation and lint.
    let syntax: MappingFileSyntax
    /// `@check` lines: (conditions that must all hold, message, `file:line`).
    let checks: [(conditions: [Condition], message: String, id: RuleID)]

    init(
        name: String, logType: String?, match: Condition?, rules: [CompiledRule],
        excludedPaths: [(kind: ExcludedPathSyntax.Kind, path: SourcePath)],
        eventBridgeDetailTypes: [String], dedupeKey: CompiledSource?, syntax: MappingFileSyntax,
        checks: [(conditions: [Condition], message: String, id: RuleID)]
    ) {
        self.name = name
        self.logType = logType
        self.match = match
        self.rules = rules
        self.excludedPaths = excludedPaths
        self.eventBridgeDetailTypes = eventBridgeDetailTypes
        self.dedupeKey = dedupeKey
        self.syntax = syntax
        self.checks = checks
    }
}
