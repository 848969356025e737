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

    /// `{"rules":N,"changes":[{"rule":…,"old":N,"new":N},…]}`.
    var jsonObject: [String: Any] {
        [
            "rules": ruleCount,
            "changes": changes.map { ["rule": $0.rule, "old": $0.old, "new": $0.new] as [String: Any] },
        ]
    }

    /// `json` (an object) with a `rules` member holding this comparison.
    func adding(to json: String) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: jsonObject, options: [.sortedKeys]),
            let close = json.lastIndex(of: "}")
        else { return json }
        let member = "\"rules\":" + String(decoding: data, as: UTF8.self)
        let body = json[..<close].trimmingCharacters(in: .whitespacesAndNewlines)
        return body + (body.hasSuffix("{") ? "" : ",") + member + "}"
    }
}
