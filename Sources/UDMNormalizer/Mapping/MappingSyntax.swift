/// The parsed, not yet compiled, form of one mapping file.
///
/// Kept separate from the compiled form so that tools (lint, print, explain) can work on what the
/// author wrote, with locations, while the engine only sees resolved indexes.
struct MappingFileSyntax: Sendable {
    var name: String
    var logType: String?
    var logTypeLocation: TableLocation?
    /// Which records this file handles (`@match`); nil means every record of its log type.
    var match: ConditionSyntax?
    /// The `@match` line as written, for documentation.
    var matchText: String?
    var rules: [RuleSyntax] = []
    var lookups: [LookupSyntax] = []
    /// Source subtrees declared opaque (`@opaque`) or deliberately unmapped (`@ignore`).
    var excludedPaths: [ExcludedPathSyntax] = []
    /// EventBridge detail-types whose `detail` this file's records arrive in (`@eventbridge`).
    var eventBridgeDetailTypes: [String] = []
    /// `@check CONDITION "MESSAGE"`: a diagnostic recorded on records where the condition holds.
    var checks: [(condition: ConditionSyntax, message: String, location: TableLocation, scope: [ConditionSyntax])] = []
    /// `@remove` lines of an extension table.
    var removals: [RemovalSyntax] = []
    /// `@extends FILE`: the built-in file an extension table's rules go into (default: every file of its log type).
    var extends: String?
    /// `@precedence first|last`: an extension table's rules are all added, none replacing a built-in
    /// rule, before (`first`) or after (`last`) the built-in rules for the same target. nil (no
    /// directive): a rule with a built-in rule's identity replaces it, others are added after.
    var precedence: Precedence?
    enum Precedence: Sendable { case first, last }
    /// `@keys first_letter_any_case`: member names also match with their first letter's case flipped.
    var firstLetterAnyCase = false
    /// What identifies a record for `--dedupe` (`@dedupe_key`), with its location.
    var dedupeKey: (SourceExpressionSyntax, TableLocation)?
    /// What the file says about secrets (`@redact`, `@redact_value`, …).
    var redaction = RedactionSyntax()
}

/// `@opaque PATH` or `@ignore PATH`.
struct ExcludedPathSyntax: Sendable {
    enum Kind: String, Sendable { case opaque, ignore }
    var kind: Kind
    var path: String
    var location: TableLocation
}

/// `source -> target | stage | stage`, plus the conditions of the `@when` blocks around it.
struct RuleSyntax: Sendable {
    var location: TableLocation
    var source: SourceExpressionSyntax
    var target: String
    var targetColumn: Int
    var stages: [StageSyntax]
    /// Conditions of enclosing `@when` blocks, outermost first; all must hold.
    var scope: [ConditionSyntax]
    /// The line the rule was written on, a slice of its table's text (kept, not copied: only
    /// documentation and explanations read `text` and `comment`, so they are cut when asked for).
    var line: Substring = ""
    /// The rule as written (without its comment), its trailing comment, and the text of its
    /// `@when` scopes joined by " and " ("" at top level): for documentation, lint and overrides.
    var text: String { MappingParser.splitComment(line).text }
    var comment: String { MappingParser.splitComment(line).comment }
    var scopeText: String = ""

    /// For a rule of an extension table, what merging it did: replace a built-in rule, or add one.
    var merge: MergeOutcome?

    /// `scope` as rule identities compare it (see `RuleIdentity`), worked out once per block.
    var scopeStructure: [ConditionSyntax] = []

    /// What identifies the rule for extension tables: (event scope, UDM target).
    var identity: RuleIdentity { RuleIdentity(structure: scopeStructure, scopeText: scopeText, target: target) }
}

/// What merging an extension rule into the tables it extends did.
enum MergeOutcome: Sendable, Equatable {
    /// It took the place of the rule written at this location (same target, same `@when` scope).
    case replaces(RuleID)
    /// It was added beside the rules already there.
    case adds
}

/// A rule's identity for overriding: an extension rule with the same log type, `@when` scope and
/// UDM target replaces the built-in one, wherever it stands in its file.
///
/// Scopes compare as parsed conditions, not as text: spacing, quoting and redundant parentheses do
/// not count, nor does writing `@when A and B` as two nested blocks; the order of operands does.
struct RuleIdentity: Sendable, Hashable, CustomStringConvertible {
    /// The rule's `@when` conditions as compared: their `and` operands, outermost first, without
    /// columns; empty for a rule at the top level of its file.
    let scope: [ConditionSyntax]
    /// The rule's `@when` conditions as written, joined by ` and `.
    let scopeText: String
    /// The UDM field the rule writes, as written (`principal.user.userid`).
    let target: String

    init(scope: [ConditionSyntax], scopeText: String, target: String) {
        self.init(structure: Self.structure(of: scope), scopeText: scopeText, target: target)
    }

    /// An identity whose scope is given as `structure(of:)` made it.
    init(structure: [ConditionSyntax], scopeText: String, target: String) {
        self.scope = structure
        self.scopeText = scopeText
        self.target = target
    }

    /// A scope as identities compare it: the `and` operands of its conditions, without columns.
    static func structure(of scope: [ConditionSyntax]) -> [ConditionSyntax] {
        scope.flatMap(\.conjuncts).map(\.structure)
    }

    /// `target`, or `target when scope` for a rule inside `@when` blocks.
    var description: String { scopeText.isEmpty ? target : "\(target) when \(scopeText)" }

    static func == (a: RuleIdentity, b: RuleIdentity) -> Bool { a.target == b.target && a.scope == b.scope }
    func hash(into hasher: inout Hasher) {
        hasher.combine(target)
        hasher.combine(scope)
    }
}

/// `@remove TARGET` in an extension table: drop the built-in rules with that identity.
struct RemovalSyntax: Sendable {
    var identity: RuleIdentity
    var location: TableLocation
}

/// What a rule reads.
indirect enum SourceExpressionSyntax: Sendable {
    /// A log field path such as `userIdentity.sessionContext.sessionIssuer.arn`.
    case path(String, column: Int)
    /// A quoted constant.
    case literal(String, column: Int)
    /// `a + b + …`: concatenated text, empty when any path operand is empty.
    case concatenation([SourceExpressionSyntax])
    /// `a ?? b ?? …`: the first operand that is not empty.
    case firstNonEmpty([SourceExpressionSyntax])
}

/// One `| …` stage of a rule.
enum StageSyntax: Sendable {
    case transform(name: String, argument: String?, column: Int)
    case when(ConditionSyntax)
    /// `| resource TYPE "SUBTYPE"`: the value identifies the resource acted on (see `ResourceNoun`).
    case resource(type: String, subtype: String, column: Int)
    /// `| target_key KEYS VERBS TYPES`: the general target rule (see `TargetKeySearch`).
    case targetKey(keys: String, verbs: String, types: String, column: Int)
}

/// A boolean condition over the record (paths) or over the value being mapped (`is_ip`).
indirect enum ConditionSyntax: Sendable, Hashable {
    case exists(path: String, column: Int)
    case missing(path: String, column: Int)
    case equals(path: String, values: [String], column: Int)
    case notEquals(path: String, values: [String], column: Int)
    /// `PATH > 10`, `PATH <= 0.5`: numeric comparisons; a value that is not a number compares false.
    case compare(path: String, operator: String, value: Double, column: Int)
    /// `PATH consists_of "."`: a non-empty string made only of the listed characters.
    case consistsOf(path: String, characters: String, column: Int)
    /// `PATH contains TEXT`: the value's text (as for `==`) holds TEXT, case-sensitively.
    case contains(path: String, text: String, column: Int)
    case valuePredicate(name: String, column: Int)
    /// `PATH in keys LOOKUP`, `PATH in keys LOOKUP with (VALUE, …)`: the value is a key of an exact
    /// lookup (one whose row gives one of the values); the compiler expands it into `PATH in (…)`.
    case inLookupKeys(path: String, lookup: String, values: [String]?, column: Int)
    /// `PATH only_keys_of LOOKUP`: PATH is absent, or an object whose every member name is a key of
    /// the exact lookup (a request that holds only paging and filter parameters).
    case onlyKeysOf(path: String, lookup: String, column: Int)
    case not(ConditionSyntax)
    case and(ConditionSyntax, ConditionSyntax)
    case or(ConditionSyntax, ConditionSyntax)

    /// The condition as compared for identity: every column 0.
    var structure: ConditionSyntax {
        switch self {
        case .exists(let path, _): return .exists(path: path, column: 0)
        case .missing(let path, _): return .missing(path: path, column: 0)
        case .equals(let path, let values, _): return .equals(path: path, values: values, column: 0)
        case .notEquals(let path, let values, _): return .notEquals(path: path, values: values, column: 0)
        case .compare(let path, let op, let value, _):
            return .compare(path: path, operator: op, value: value, column: 0)
        case .consistsOf(let path, let characters, _): return .consistsOf(path: path, characters: characters, column: 0)
        case .contains(let path, let text, _): return .contains(path: path, text: text, column: 0)
        case .valuePredicate(let name, _): return .valuePredicate(name: name, column: 0)
        case .inLookupKeys(let path, let lookup, let values, _):
            return .inLookupKeys(path: path, lookup: lookup, values: values, column: 0)
        case .onlyKeysOf(let path, let lookup, _): return .onlyKeysOf(path: path, lookup: lookup, column: 0)
        case .not(let inner): return .not(inner.structure)
        case .and(let a, let b): return .and(a.structure, b.structure)
        case .or(let a, let b): return .or(a.structure, b.structure)
        }
    }

    /// The operands of a top-level `and` chain, in order (the condition itself when it is no `and`).
    var conjuncts: [ConditionSyntax] {
        if case .and(let a, let b) = self { return a.conjuncts + b.conjuncts }
        return [self]
    }
}

/// `@lookup NAME [range|prefix] default VALUE|empty` … `@end`.
struct LookupSyntax: Sendable {
    /// `exact` keys, numeric `range` rows, or `prefix` keys (the longest key the value starts with wins).
    enum Kind: Sendable { case exact, range, prefix }
    struct Row: Sendable {
        var key: String
        /// For range rows: the interval, lower and upper bounds with inclusivity.
        var range: (lower: Double, lowerInclusive: Bool, upper: Double, upperInclusive: Bool)?
        var value: String
        var location: TableLocation
    }
    var name: String
    var kind: Kind
    /// nil: `default empty` — a miss yields no value, so a later rule for the same target may apply.
    var defaultValue: String?
    var location: TableLocation
    var rows: [Row] = []
}
