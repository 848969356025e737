/// The report as JSON with a stable schema (`"schema": "udm-normalize/report/v1"`): figure names
/// are snake_case and never renamed within a schema version; rates are numbers in [0, 1] or null
/// when their denominator is zero.
public enum ReportJSONWriter {
    /// The schema name and version written in every document's `schema` field.
    public static let schema = "udm-normalize/report/v1"

    /// The report as one JSON document (pretty-printed, two-space indent).
    ///
    /// - Parameters:
    ///   - report: The figures to write: `log_types` holds one object per log type, `total` the totals.
    ///   - topUnmapped: How many of the most frequent unmapped source paths each section lists.
    /// - Returns: The document, ending with a newline.
    public static func render(_ report: NormalizationReport, topUnmapped: Int = 25) -> String {
        var lines: [String] = [
            "{", "  \"schema\": \(quoted(schema)),", "  \"profile\": \(quoted(report.profile)),", "  \"log_types\": [",
        ]
        let perType = report.sections.dropLast()
        for (index, section) in perType.enumerated() {
            lines.append(
                render(section, topUnmapped: topUnmapped, indent: "    ") + (index < perType.count - 1 ? "," : ""))
        }
        lines.append("  ],")
        lines.append("  \"total\": " + render(report.total, topUnmapped: topUnmapped, indent: "  ").dropFirst(2))
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func render(_ s: NormalizationReport.Section, topUnmapped: Int, indent: String) -> String {
        let i = indent + "  "
        func reasons(_ list: [NormalizationReport.ReasonCount]) -> String {
            "["
                + list.map {
                    "{\"reason\": \(quoted($0.reason)), \"count\": \($0.count), \"first_origin\": \(quoted($0.firstOrigin))}"
                }.joined(separator: ", ") + "]"
        }
        var out: [String] = []
        out.append("\(indent){")
        out.append("\(i)\"log_type\": \(quoted(s.logType)),")
        out.append(
            "\(i)\"records\": {\"read\": \(s.read), \"normalized\": \(s.normalized), \"failed\": \(s.failed), \"skipped\": \(s.skipped)},"
        )
        out.append("\(i)\"normalization_rate\": \(number(s.normalizationRate)),")
        out.append("\(i)\"classification_rate\": \(number(s.classificationRate)),")
        out.append("\(i)\"field_coverage\": \(number(s.fieldCoverage)),")
        out.append("\(i)\"failures\": \(reasons(s.failures)),")
        out.append("\(i)\"skips\": \(reasons(s.skips)),")
        out.append(
            "\(i)\"classification\": {\"specific\": \(s.classified), \"default\": \(s.defaultTyped), \"downgraded\": \(s.downgraded), \"downgrade_reasons\": \(reasons(s.downgrades))},"
        )
        let excluded =
            "["
            + s.excluded.map { "{\"declaration\": \(quoted($0.declaration)), \"leaves\": \($0.leaves)}" }.joined(
                separator: ", ") + "]"
        let unmapped =
            "["
            + s.unmapped.prefix(topUnmapped).map {
                "{\"path\": \(quoted($0.path)), \"count\": \($0.count), \"example\": \(quoted($0.example))}"
            }.joined(separator: ", ") + "]"
        out.append(
            "\(i)\"coverage\": {\"leaves\": \(s.leaves), \"covered\": \(s.coveredLeaves), \"unmapped_paths\": \(s.unmapped.count), \"excluded\": \(excluded), \"top_unmapped\": \(unmapped)},"
        )
        out.append(
            "\(i)\"event_types\": ["
                + s.eventTypes.map { "{\"event_type\": \(quoted($0.eventType.rawValue)), \"count\": \($0.count)}" }
                .joined(
                    separator: ", ") + "],")
        out.append(
            "\(i)\"redactions\": ["
                + s.redactions.map { "{\"entry\": \(quoted($0.entry)), \"count\": \($0.count)}" }
                .joined(separator: ", ") + "],")
        out.append(
            "\(i)\"rules\": ["
                + s.rules.map {
                    "{\"rule\": \(quoted($0.rule.description)), \"fired\": \($0.fired), \"failed\": \($0.failed)}"
                }
                .joined(separator: ", ") + "]")
        out.append("\(indent)}")
        return out.joined(separator: "\n")
    }

    private static func quoted(_ text: String) -> String { JSONText.quoted(text) }

    private static func number(_ value: Double?) -> String {
        guard let value else { return "null" }
        let rounded = (value * 1_000_000).rounded() / 1_000_000
        return String(rounded)
    }
}
