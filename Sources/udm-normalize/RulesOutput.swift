import Foundation
import UDMNormalizer

/// The text and JSON of a `rules` run: per rule its detections and readiness, then the readiness
/// table (each field read, its role, the table rules writing it and its fill rate per log type).
struct RulesOutput {
    let results: [RuleSession.RuleResult]
    let readiness: RulesReadiness
    let run: RulesRun
    let gates: [(text: String, held: Bool)]
    let shown: Int
    let profile: String

    static func time(_ seconds: Double?) -> String {
        guard let seconds else { return "-" }
        return ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: seconds.rounded(.down)))
    }

    static func percent(_ rate: Double?) -> String {
        guard let rate else { return "-" }
        return String(format: "%.1f%%", rate * 100)
    }

    private func status(_ result: RuleSession.RuleResult) -> String {
        switch result.readiness {
        case .runs: return "ran"
        case .needsLists(let names): return "needs reference list " + names.map { "%" + $0 }.joined(separator: ", ")
        case .needsContext: return "needs Google context (--context FILE)"
        }
    }

    var text: String {
        var lines: [String] = []
        for (result, entry) in zip(results, readiness.entries) {
            let count = result.detectionCount
            var head = "\(result.rule.name): \(count) detection\(count == 1 ? "" : "s")"
            if result.readiness != .runs { head += " (\(status(result)); it did not run)" }
            lines.append(head)
            for field in entry.rule.cannotFire {
                lines.append(
                    "  cannot fire: no table rule writes \(field.path)\(field.nearest.map { "; nearest: \($0)" } ?? "")"
                )
            }
            for path in entry.unfilled where !entry.rule.cannotFire.contains(where: { $0.path == path }) {
                lines.append("  not filled in any event given: \(path)")
            }
            if entry.isReady { lines.append("  ready: the tables fill every field its events: section needs") }
            if result.eventsWithoutTime > 0 {
                lines.append("  \(result.eventsWithoutTime) matching events have no event time and were not windowed")
            }
            if result.lateEvents > 0 {
                lines.append(
                    "  \(result.lateEvents) matching events came later than windows already evaluated (more than twice the window out of order)"
                )
            }
            if result.eventsOverBound > 0 {
                lines.append("  \(result.eventsOverBound) matching events were over the memory bound and not held")
            }
            for (index, detection) in result.detections.prefix(shown).enumerated() {
                let match = detection.matchValues.map { "$\($0.name)=\($0.value)" }.joined(separator: ", ")
                lines.append(
                    "  detection \(index + 1): \(match.isEmpty ? "" : match + ", ")\(Self.time(detection.windowStart)) … \(Self.time(detection.windowEnd)), \(detection.eventCount) event\(detection.eventCount == 1 ? "" : "s")"
                )
                let outcomes = detection.outcomes.filter { !Self.isEmpty($0.value) }
                if !outcomes.isEmpty {
                    lines.append("    outcomes: " + outcomes.map { "$\($0.name)=\($0.value)" }.joined(separator: "; "))
                }
                lines.append("    events: " + detection.origins.joined(separator: " "))
            }
            if count > min(shown, result.detections.count) {
                lines.append("  … and \(count - min(shown, result.detections.count)) more")
            }
        }
        lines.append("")
        lines.append(readinessTable)
        let fired = results.filter { $0.detectionCount > 0 }.count
        let total = results.reduce(0) { $0 + $1.detectionCount }
        lines.append(
            "rules: \(results.count) loaded, \(fired) fired, \(total) detection\(total == 1 ? "" : "s"); \(readiness.readyCount) of \(results.count) ready (\(ReportTextWriter.percent(readiness.readyRate))); profile \(profile)"
        )
        lines.append(
            "records: \(run.records) read, \(run.events) events, \(run.failed) failed, \(run.skipped) skipped; at most \(run.session.peakHeldEvents) events held for windows"
        )
        lines += gates.map { "gate \($0.text)" }
        return lines.joined(separator: "\n")
    }

    private static func isEmpty(_ value: OutcomeValue) -> Bool {
        switch value {
        case .text(let text): return text.isEmpty
        case .list(let items): return items.isEmpty
        case .number: return false
        }
    }

    /// `field | role | fill per log type | written by`.
    var readinessTable: String {
        let types = readiness.logTypes
        var rows = [["field", "role"] + types + ["written by"]]
        for field in readiness.fields {
            let fills = types.map { Self.percent(readiness.fill.rate(field.path, logType: $0)) }
            let writers =
                field.producedBy.isEmpty
                ? (field.role == .ingestion ? "(ingestion)" : "none\(field.nearest.map { "; nearest \($0)" } ?? "")")
                : field.producedBy.prefix(3).joined(separator: ", ") + (field.producedBy.count > 3 ? ", …" : "")
            rows.append([field.path.description, field.role.rawValue] + fills + [writers])
        }
        let widths = rows[0].indices.dropLast().map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index < widths.count ? cell.padding(toLength: widths[index], withPad: " ", startingAt: 0) : cell
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    var json: String {
        typealias Value = JSONOutputValue
        var rules: [Value] = []
        for (result, entry) in zip(results, readiness.entries) {
            let detections = result.detections.map { detection -> Value in
                .object([
                    "match": .object(
                        Dictionary(detection.matchValues.map { ($0.name, Value.string($0.value)) }) { a, _ in a }),
                    "window_start": .string(Self.time(detection.windowStart)),
                    "window_end": .string(Self.time(detection.windowEnd)),
                    "event_count": .integer(detection.eventCount),
                    "origins": .array(detection.origins.map { .string($0) }),
                    "outcomes": .object(
                        Dictionary(detection.outcomes.map { ($0.name, Self.jsonValue($0.value)) }) { a, _ in a }),
                ])
            }
            rules.append(
                .object([
                    "rule": .string(result.rule.name), "file": .string(result.rule.file),
                    "status": .string(status(result)),
                    "detection_count": .integer(result.detectionCount),
                    "matched_events": .object(result.matchedEvents.mapValues { .integer($0) }),
                    "held_events": .integer(result.heldEvents),
                    "events_without_time": .integer(result.eventsWithoutTime),
                    "events_over_bound": .integer(result.eventsOverBound), "late_events": .integer(result.lateEvents),
                    "ready": .bool(entry.isReady),
                    "cannot_fire": .array(
                        entry.rule.cannotFire.map {
                            .object(["field": .string($0.path.description), "nearest": .string(orNull: $0.nearest)])
                        }),
                    "unfilled": .array(entry.unfilled.map { .string($0.description) }),
                    "fields": .array(
                        entry.rule.fields.map { field in
                            .object([
                                "field": .string(field.path.description), "role": .string(field.role.rawValue),
                                "written_by": .array(field.producedBy.map { .string($0) }),
                            ])
                        }),
                    "detections": .array(detections),
                ]))
        }
        let fields = readiness.fields.map { field -> Value in
            var fill: [String: Value] = [:]
            for type in readiness.logTypes {
                fill[type] = .number(orNull: readiness.fill.rate(field.path, logType: type))
            }
            return .object([
                "field": .string(field.path.description), "role": .string(field.role.rawValue),
                "written_by": .array(field.producedBy.map { .string($0) }), "nearest": .string(orNull: field.nearest),
                "fill": .object(fill),
            ])
        }
        let document: Value = .object([
            "schema": .string("udm-normalize/rules/v1"), "profile": .string(profile),
            "records": .object([
                "read": .integer(run.records), "events": .integer(run.events), "failed": .integer(run.failed),
                "skipped": .integer(run.skipped), "peak_held_events": .integer(run.session.peakHeldEvents),
            ]),
            "rules": .array(rules), "fields": .array(fields),
            "ready": .object([
                "rules": .integer(readiness.readyCount), "of": .integer(results.count),
                "rate": .number(readiness.readyRate),
            ]),
            "gates": .array(gates.map { .object(["text": .string($0.text), "held": .bool($0.held)]) }),
        ])
        return document.text
    }

    private static func jsonValue(_ value: OutcomeValue) -> JSONOutputValue {
        switch value {
        case .number(let number):
            return number == number.rounded() && abs(number) < 1e15 ? .integer(Int(number)) : .number(number)
        case .text(let text): return .string(text)
        case .list(let items): return .array(items.map { .string($0) })
        }
    }
}
