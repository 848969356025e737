import Foundation
import UDMNormalizer

/// For `diff --rules`: the rules whose detections change between the OLD and NEW tables.
struct RuleDetectionDiff {
    struct Change {
        var rule: String
        var old: Int
        var new: Int
    }

    let changes: [Change]
    let ruleCount: Int

    init(rules: [DetectionRule], old: MappingSet, new: MappingSet, paths: [String]) {
        var before = RuleSetLoader.run(rules, mappings: old, paths: paths)
        var after = RuleSetLoader.run(rules, mappings: new, paths: paths)
        let oldResults = before.finish()
        let newResults = after.finish()
        changes = zip(oldResults, newResults).compactMap { old, new in
            old.detectionCount == new.detectionCount
                ? nil : Change(rule: old.rule.name, old: old.detectionCount, new: new.detectionCount)
        }
        ruleCount = rules.count
    }

    var text: String {
        guard !changes.isEmpty else { return "rules: no rule of \(ruleCount) gains or loses detections" }
        let gained = changes.filter { $0.new > $0.old }.count
        var lines = ["rules: \(gained) gain detections, \(changes.count - gained) lose detections (of \(ruleCount))"]
        for change in changes {
            lines.append(
                "  \(change.new > change.old ? "+" : "-") \(change.rule): \(change.old) → \(change.new) detections")
        }
        return lines.joined(separator: "\n")
    }

    /// `{"changes":[{"new":N,"old":N,"rule":…},…],"rules":N}`, keys sorted, written directly as
    /// the other JSON outputs are.
    var jsonText: String {
        let items = changes.map { "{\"new\":\($0.new),\"old\":\($0.old),\"rule\":\(JSONText.quoted($0.rule))}" }
        return "{\"changes\":[" + items.joined(separator: ",") + "],\"rules\":\(ruleCount)}"
    }

    /// `json` (an object) with a `rules` member holding this comparison.
    func adding(to json: String) -> String {
        guard let close = json.lastIndex(of: "}") else { return json }
        let member = "\"rules\":" + jsonText
        let body = json[..<close].trimmingCharacters(in: .whitespacesAndNewlines)
        return body + (body.hasSuffix("{") ? "" : ",") + member + "}"
    }
}
