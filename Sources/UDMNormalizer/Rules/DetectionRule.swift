/// One parsed YARA-L 2.0 rule.
package struct DetectionRule: Sendable {
    package var name: String
    package var file: String
    package var location: RuleLocation
    package var meta: [(key: String, value: String)]
    /// The `events:` statements (their conjunction).
    var events: [RuleExpression]
    /// `match: $a, $b over D`.
    package var matchVariables: [String]
    package var window: Int?
    var outcomes: [(name: String, expression: OutcomeExpression)]
    var condition: RuleCondition
    /// Event variables in the order the `events:` section names them (entity variables included).
    package var eventVariables: [String]
    /// Variables read as `$x.graph.…`: entities from context data, not events.
    package var entityVariables: Set<String>
    /// Reference lists the rule reads.
    package var lists: [String]

    /// The fields `events:` reads, per variable, in order, each once.
    package var eventFields: [(variable: String, path: RuleFieldPath)] {
        var seen: Set<String> = []
        var out: [(String, RuleFieldPath)] = []
        for statement in events {
            for (variable, path) in statement.fields where seen.insert(variable + "." + path.description).inserted {
                out.append((variable, path))
            }
        }
        return out
    }

    /// The fields only `outcome:` reads.
    package var outcomeOnlyFields: [RuleFieldPath] {
        let read = Set(eventFields.map(\.path))
        var seen: Set<RuleFieldPath> = []
        var out: [RuleFieldPath] = []
        for (_, expression) in outcomes {
            for (_, path) in expression.fields where !read.contains(path) && seen.insert(path).inserted {
                out.append(path)
            }
        }
        return out
    }
}
