/// What a change to the tables does to real logs: the same inputs normalized with two table sets,
/// compared event by event and figure by figure.
package struct TableDiff: Sendable {
    /// A field line that changed, and the rule responsible (in the new tables for added lines, the old for removed).
    package struct Change: Sendable, Equatable {
        /// The field as a `path = value` line; a label is one line `path[key] = value`.
        package var line: String
        /// The rule's id, `file:line`, or `validator` for the event-type fallback.
        package var rule: String
    }

    /// Records compared, over all inputs.
    package var records = 0
    /// Events whose output differs, with their origin.
    package var changedEvents: [(origin: String, added: [Change], removed: [Change])] = []
    /// Records normalized by one table set and not the other.
    package var outcomeChanges: [(origin: String, old: String, new: String)] = []
    /// The figures of the inputs under the old tables, with field coverage.
    package var oldReport: NormalizationReport
    /// The figures of the inputs under the new tables, with field coverage.
    package var newReport: NormalizationReport

    /// Normalizes `paths` with both table sets (coverage tracked) and compares.
    ///
    /// ```swift
    /// let diff = try TableDiff.run(old: Normalizer(), new: Normalizer(mappings: extended), paths: ["trail.json"])
    /// print(diff.changedEvents.count, "events change")
    /// ```
    ///
    /// - Parameters:
    ///   - old: The normalizer with the tables before the change.
    ///   - new: The normalizer with the tables after the change.
    ///   - paths: Input files, read in order by each normalizer.
    /// - Throws: ``InputError`` when an input cannot be read.
    package static func run(old: Normalizer, new: Normalizer, paths: [String]) throws -> TableDiff {
        var oldBuilder = ReportBuilder()
        var newBuilder = ReportBuilder()
        var diff = TableDiff(oldReport: oldBuilder.build(), newReport: newBuilder.build())
        for path in paths {
            let oldRecords = try records(old, path)
            let newRecords = try records(new, path)
            for record in oldRecords { oldBuilder.add(record) }
            for record in newRecords { newBuilder.add(record) }
            for (before, after) in zip(oldRecords, newRecords) {
                diff.records += 1
                let a = RecordExplanation(before)
                let b = RecordExplanation(after)
                guard a.isNormalized, b.isNormalized else {
                    if a.outcomeText != b.outcomeText {
                        diff.outcomeChanges.append((b.origin, a.outcomeText, b.outcomeText))
                    }
                    continue
                }
                let oldLines = FieldLines(a)
                let newLines = FieldLines(b)
                let added = newLines.subtracting(oldLines).map { Change(line: $0.line, rule: $0.rule) }
                let removed = oldLines.subtracting(newLines).map { Change(line: $0.line, rule: $0.rule) }
                if !added.isEmpty || !removed.isEmpty { diff.changedEvents.append((b.origin, added, removed)) }
            }
        }
        diff.oldReport = oldBuilder.build()
        diff.newReport = newBuilder.build()
        return diff
    }

    private static func records(_ normalizer: Normalizer, _ path: String) throws -> [NormalizedRecord] {
        var options = normalizer.options
        options.trackCoverage = true
        var result: [NormalizedRecord] = []
        try Normalizer(mappings: normalizer.mappings, options: options).normalize(path: path) { result.append($0) }
        return result
    }

    /// Field changes counted by UDM path and rule: (kind, path, rule, count), most frequent first.
    package var changesByRule: [(kind: String, path: String, rule: String, count: Int)] {
        var counts: [String: (kind: String, path: String, rule: String, count: Int)] = [:]
        for event in changedEvents {
            let addedPaths = Set(event.added.map { FieldLines.path(of: $0.line) })
            let removedPaths = Set(event.removed.map { FieldLines.path(of: $0.line) })
            for change in event.added {
                let path = FieldLines.path(of: change.line)
                let kind = removedPaths.contains(path) ? "changed" : "added"
                counts[kind + path + change.rule, default: (kind, path, change.rule, 0)].count += 1
            }
            for change in event.removed where !addedPaths.contains(FieldLines.path(of: change.line)) {
                let path = FieldLines.path(of: change.line)
                counts["removed" + path + change.rule, default: ("removed", path, change.rule, 0)].count += 1
            }
        }
        return counts.values.sorted { ($0.count, $1.path) > ($1.count, $0.path) }
    }

    /// The diff as text: outcome changes, field changes by rule, a few example events, and every figure before and after.
    ///
    /// - Parameter examples: How many changed events to show line by line.
    package func text(examples: Int = 5) -> String {
        var lines: [String] = []
        lines.append(
            "records compared: \(records); events whose output changed: \(changedEvents.count); outcome changes: \(outcomeChanges.count)"
        )
        if !outcomeChanges.isEmpty {
            lines.append("outcome changes:")
            for change in outcomeChanges.prefix(20) {
                lines.append("  \(change.origin): \(change.old) -> \(change.new)")
            }
        }
        let byRule = changesByRule
        if !byRule.isEmpty {
            lines.append("field changes by rule (events):")
            for item in byRule {
                lines.append("  \(item.kind) \(item.path)  \(item.rule.isEmpty ? "" : "(\(item.rule))")  \(item.count)")
            }
        }
        for event in changedEvents.prefix(examples) {
            lines.append("\(event.origin):")
            for change in event.removed { lines.append("  - \(change.line)   (\(change.rule))") }
            for change in event.added { lines.append("  + \(change.line)   (\(change.rule))") }
        }
        if changedEvents.count > examples {
            lines.append(
                "… and \(changedEvents.count - examples) more changed event\(changedEvents.count - examples == 1 ? "" : "s") (raise --limit to see them)"
            )
        }
        lines.append("figures (old -> new):")
        let oldSections = Dictionary(oldReport.sections.map { ($0.logType, $0) }, uniquingKeysWith: { a, _ in a })
        for section in newReport.sections {
            let before = oldSections[section.logType] ?? NormalizationReport.Section(logType: section.logType)
            func percent(_ value: Double?) -> String { ReportTextWriter.percent(value) }
            lines.append(
                "  \(section.logType): normalized \(before.normalized) -> \(section.normalized), failed \(before.failed) -> \(section.failed), skipped \(before.skipped) -> \(section.skipped)"
            )
            lines.append(
                "    normalization rate \(percent(before.normalizationRate)) -> \(percent(section.normalizationRate)), classification rate \(percent(before.classificationRate)) -> \(percent(section.classificationRate)), field coverage \(percent(before.fieldCoverage)) -> \(percent(section.fieldCoverage))"
            )
            lines.append(
                "    typed by a row \(before.classified) -> \(section.classified), fallback \(before.defaultTyped) -> \(section.defaultTyped), downgraded \(before.downgraded) -> \(section.downgraded), unmapped paths \(before.unmapped.count) -> \(section.unmapped.count)"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The diff as one JSON object: counts, outcome changes, field changes by rule, the first
    /// `examples` changed events (`more_changed_events` counts the rest) and the figures before and after.
    ///
    /// - Parameter examples: How many changed events to list in full.
    package func json(examples: Int = 5) -> String {
        func string(_ text: String) -> String { JSONText.quoted(text) }
        func number(_ value: Double?) -> String { value.map { String($0) } ?? "null" }
        func changes(_ list: [Change]) -> String {
            "[" + list.map { "{\"line\":\(string($0.line)),\"rule\":\(string($0.rule))}" }.joined(separator: ",") + "]"
        }
        var parts = [
            "\"schema\":\"udm-normalize/diff/v1\"", "\"records\":\(records)",
            "\"changed_events\":\(changedEvents.count)",
        ]
        parts.append(
            "\"outcome_changes\":["
                + outcomeChanges.map {
                    "{\"origin\":\(string($0.origin)),\"old\":\(string($0.old)),\"new\":\(string($0.new))}"
                }.joined(separator: ",") + "]")
        parts.append(
            "\"changes_by_rule\":["
                + changesByRule.map {
                    "{\"kind\":\(string($0.kind)),\"path\":\(string($0.path)),\"rule\":\(string($0.rule)),\"events\":\($0.count)}"
                }.joined(separator: ",") + "]")
        parts.append(
            "\"events\":["
                + changedEvents.prefix(examples).map {
                    "{\"origin\":\(string($0.origin)),\"removed\":\(changes($0.removed)),\"added\":\(changes($0.added))}"
                }.joined(separator: ",") + "]")
        parts.append("\"more_changed_events\":\(max(0, changedEvents.count - examples))")
        let oldSections = Dictionary(oldReport.sections.map { ($0.logType, $0) }, uniquingKeysWith: { a, _ in a })
        parts.append(
            "\"figures\":["
                + newReport.sections.map { section in
                    let before = oldSections[section.logType] ?? NormalizationReport.Section(logType: section.logType)
                    func pair(_ name: String, _ old: String, _ new: String) -> String {
                        "\"\(name)\":{\"old\":\(old),\"new\":\(new)}"
                    }
                    return "{\"log_type\":\(string(section.logType)),"
                        + [
                            pair("normalized", String(before.normalized), String(section.normalized)),
                            pair("failed", String(before.failed), String(section.failed)),
                            pair("skipped", String(before.skipped), String(section.skipped)),
                            pair(
                                "normalization_rate", number(before.normalizationRate),
                                number(section.normalizationRate)),
                            pair(
                                "classification_rate", number(before.classificationRate),
                                number(section.classificationRate)),
                            pair("field_coverage", number(before.fieldCoverage), number(section.fieldCoverage)),
                        ].joined(separator: ",") + "}"
                }.joined(separator: ",") + "]")
        return "{" + parts.joined(separator: ",") + "}\n"
    }
}
