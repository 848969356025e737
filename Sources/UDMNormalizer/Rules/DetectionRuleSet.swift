import Foundation

/// Compiled YARA-L rules with the reference lists and context entities they read. Immutable and
/// `Sendable`: share one set across threads; each run keeps its state in a ``RuleSession``.
package struct DetectionRuleSet: Sendable {
    /// Whether a rule can run with what it was given.
    package enum Readiness: Sendable, Equatable {
        case runs
        /// It reads reference lists not given (`--list NAME=FILE`).
        case needsLists([String])
        /// It reads entity-graph variables and no context was given (`--context FILE`).
        case needsContext
    }

    package let rules: [DetectionRule]
    let plans: [RulePlan]
    package let lists: [String: ReferenceList]
    package let context: [RuleEvent]

    package init(rules: [DetectionRule], lists: [ReferenceList] = [], context: [RuleEvent] = []) {
        self.rules = rules
        plans = rules.map(RulePlan.init)
        var byName: [String: ReferenceList] = [:]
        for list in lists { byName[list.name] = list }
        self.lists = byName
        self.context = context
    }

    package func readiness(of index: Int) -> Readiness {
        let rule = rules[index]
        let missing = rule.lists.filter { lists[$0] == nil }
        if !missing.isEmpty { return .needsLists(missing) }
        if !rule.entityVariables.isEmpty && context.isEmpty { return .needsContext }
        return .runs
    }

    /// The rules of `.yaral` files and folders (read recursively, in name order). Every file is
    /// read; the errors of those that do not parse are returned with the rules of the others.
    package static func load(paths: [String]) -> (
        rules: [DetectionRule], errors: [RuleParseError], unreadable: [String]
    ) {
        var rules: [DetectionRule] = []
        var errors: [RuleParseError] = []
        var unreadable: [String] = []
        for path in paths {
            for file in ruleFiles(path) {
                guard let data = FileManager.default.contents(atPath: file),
                    let text = String(data: data, encoding: .utf8)
                else {
                    unreadable.append(file)
                    continue
                }
                do {
                    rules += try RuleParser.parse(text, file: file)
                } catch {
                    errors.append(error)
                }
            }
        }
        var seen: [String: String] = [:]
        for rule in rules {
            if let first = seen[rule.name] {
                errors.append(
                    RuleParseError(
                        file: rule.file, location: rule.location,
                        message: "rule \(rule.name) is also defined in \(first)"))
            }
            seen[rule.name] = rule.file
        }
        return (rules, errors, unreadable)
    }

    /// Parses one rule file's text.
    package static func parse(_ text: String, file: String) throws(RuleParseError) -> [DetectionRule] {
        try RuleParser.parse(text, file: file)
    }

    /// A file as given, or the `.yaral` files below a folder; a path that does not exist is returned
    /// as it is so the caller reports it.
    private static func ruleFiles(_ path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            return [path]
        }
        let base = path.hasSuffix("/") ? String(path.dropLast()) : path
        let names = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String]) ?? []
        return names.filter { $0.hasSuffix(".yaral") && !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
            .sorted().map { base + "/" + $0 }
    }
}
