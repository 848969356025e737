/// The report as a table for a terminal.
public enum ReportTextWriter {
    /// The report as plain text, as `udm-normalize report` prints it: a `profile:` line, then one
    /// block per section (each log type, then the total).
    ///
    /// - Parameters:
    ///   - report: The figures to print.
    ///   - topUnmapped: How many of the most frequent unmapped source paths each section lists.
    /// - Returns: Lines of text, ending with a newline.
    public static func render(_ report: NormalizationReport, topUnmapped: Int = 15) -> String {
        var out = "profile: \(report.profile)\n\n"
        for section in report.sections {
            out += render(section, topUnmapped: topUnmapped)
            out += "\n"
        }
        return out
    }

    /// A rate as the report prints it: one decimal, `n/a` when there is nothing to divide by.
    ///
    /// ```swift
    /// ReportTextWriter.percent(0.9754)   // "97.5%"
    /// ReportTextWriter.percent(nil)      // "n/a"
    /// ```
    ///
    /// - Parameter value: A rate in [0, 1], such as ``NormalizationReport/Section/normalizationRate``.
    package static func percent(_ value: Double?) -> String {
        guard let value else { return "n/a" }
        let tenths = (value * 1000).rounded() / 10
        return "\(tenths)%"
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    private static func render(_ s: NormalizationReport.Section, topUnmapped: Int) -> String {
        var lines: [String] = []
        lines.append("== \(s.logType == "total" ? "All log types" : s.logType) ==")
        lines.append(
            "  records              \(s.read) read, \(s.normalized) normalized, \(s.failed) failed, \(s.skipped) skipped"
        )
        lines.append("  normalization rate   \(percent(s.normalizationRate))   (normalized / (read - skipped))")
        lines.append(
            "  classification rate  \(percent(s.classificationRate))   (\(s.classified) by a table row, \(s.defaultTyped) fallback type, \(s.downgraded) downgraded)"
        )
        lines.append(
            "  field coverage       \(percent(s.fieldCoverage))   (\(s.coveredLeaves) of \(s.leaves) source values read by a rule)"
        )
        if !s.failures.isEmpty {
            lines.append("  failures:")
            for f in s.failures {
                lines.append("    \(pad(String(f.count), 7)) \(f.reason)   first at \(f.firstOrigin)")
            }
        }
        if !s.skips.isEmpty {
            lines.append("  skipped:")
            for f in s.skips { lines.append("    \(pad(String(f.count), 7)) \(f.reason)   first at \(f.firstOrigin)") }
        }
        if !s.downgrades.isEmpty {
            lines.append("  downgraded to GENERIC_EVENT:")
            for f in s.downgrades {
                lines.append("    \(pad(String(f.count), 7)) \(f.reason)   first at \(f.firstOrigin)")
            }
        }
        if !s.eventTypes.isEmpty {
            lines.append("  event types:")
            for (type, count) in s.eventTypes { lines.append("    \(pad(String(count), 7)) \(type)") }
        }
        if !s.redactions.isEmpty {
            lines.append("  secrets redacted (by entry):")
            for (entry, count) in s.redactions { lines.append("    \(pad(String(count), 7)) \(entry)") }
        }
        if !s.excluded.isEmpty {
            lines.append("  left out of coverage:")
            for (declaration, count) in s.excluded { lines.append("    \(pad(String(count), 7)) \(declaration)") }
        }
        if !s.unmapped.isEmpty {
            lines.append("  top unmapped source paths (\(s.unmapped.count) in all):")
            let shown = s.unmapped.prefix(topUnmapped)
            // The example column starts after the longest path up to 60 characters; a longer path
            // puts its example on the next line, so the columns hold.
            let width = min(shown.map(\.path.count).max() ?? 0, 60)
            for u in shown {
                let example =
                    "e.g. " + JSONText.quoted(u.example.count > 60 ? String(u.example.prefix(57)) + "..." : u.example)
                if u.path.count > width {
                    lines.append("    \(pad(String(u.count), 7)) \(u.path)")
                    lines.append("    \(pad("", 7)) \(pad("", width)) \(example)")
                } else {
                    lines.append("    \(pad(String(u.count), 7)) \(pad(u.path, width)) \(example)")
                }
            }
        }
        if !s.rules.isEmpty {
            lines.append("  rules (fired / failed, by table and line):")
            for rule in s.rules {
                lines.append("    \(pad(String(rule.fired), 7)) \(pad(String(rule.failed), 7)) \(rule.rule)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
