/// The report as one self-contained HTML page: figures, failure and skip reasons, and SVG bar
/// charts of event types, field coverage and the top unmapped fields. No scripts, no external
/// assets: it can be attached to a ticket or opened offline.
public enum ReportHTMLWriter {
    /// What the page says about the run that made it: shown first, after the totals and gates.
    public struct RunInformation: Sendable {
        /// A gate as the CLI stated it, and whether it held.
        public struct Gate: Sendable {
            /// The gate and its outcome in words, as the CLI prints it (`--min-rate 90 (understood
            /// as 90.0%): normalization rate 97.5% holds`).
            public var text: String
            /// Whether the figure met the threshold; a gate that failed is shown as failed.
            public var held: Bool
            /// A gate described by `text` that held or not.
            ///
            /// - Parameters:
            ///   - text: The gate and its outcome in words.
            ///   - held: Whether the figure met the threshold.
            public init(text: String, held: Bool) {
                self.text = text
                self.held = held
            }
        }

        /// The inputs as given on the command line (`-` for standard input).
        public var inputs: [String]
        /// How long the run took, in seconds of wall-clock time.
        public var seconds: Double
        /// The gates the run checked, in the order given; empty when none was asked for.
        public var gates: [Gate]
        var tables: [String]
        var fingerprint: String
        /// Rule id (`file:line`) → the rule as written, for the rules table.
        var ruleTexts: [RuleID: String]

        /// What to say about a run over `inputs` with the tables `mappings`.
        ///
        /// - Parameters:
        ///   - inputs: The inputs as given (`-` for standard input).
        ///   - seconds: How long the run took, in seconds.
        ///   - mappings: The tables the records were normalized with: the page lists their files,
        ///     their fingerprint and the text of each rule in its rules table.
        ///   - gates: The gates the run checked and whether each held.
        public init(inputs: [String], seconds: Double, mappings: MappingSet, gates: [Gate]) {
            self.inputs = inputs
            self.seconds = seconds
            self.gates = gates
            tables = mappings.fileNames
            fingerprint = mappings.fingerprint
            var texts: [RuleID: String] = [:]
            for file in mappings.files {
                for rule in file.rules { texts[rule.id] = rule.syntax.text }
            }
            ruleTexts = texts
        }
    }

    /// The report as a complete HTML document.
    ///
    /// ```swift
    /// let html = ReportHTMLWriter.render(builder.build(), title: "CloudTrail, January")
    /// try html.write(toFile: "report.html", atomically: true, encoding: .utf8)
    /// ```
    ///
    /// - Parameters:
    ///   - report: The figures to show, one section per log type and the total.
    ///   - title: The page title (escaped).
    ///   - topUnmapped: How many of the most frequent unmapped source paths each section lists.
    ///   - run: What to say about the run (inputs, time, tables, gates); nil leaves that part out.
    /// - Returns: A UTF-8 HTML page with no scripts and no external resources.
    public static func render(
        _ report: NormalizationReport, title: String = "UDM normalization report", topUnmapped: Int = 20,
        run: RunInformation? = nil
    ) -> String {
        var body = summary(report.total, run: run, profile: report.profile)
        if let run { body += information(run) }
        for section in report.sections {
            body += render(section, topUnmapped: topUnmapped, ruleTexts: run?.ruleTexts ?? [:])
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(escape(title))</title>
            <style>
            body { font: 14px/1.4 system-ui, sans-serif; margin: 2em auto; max-width: 1100px; color: #1d2330; }
            h1 { font-size: 1.6em; } h2 { border-bottom: 2px solid #c9d3e3; padding-bottom: .2em; margin-top: 2em; }
            .figures { display: flex; gap: 1em; flex-wrap: wrap; }
            .figure { border: 1px solid #c9d3e3; border-radius: 6px; padding: .6em 1em; min-width: 12em; }
            .figure .value { font-size: 1.8em; font-weight: 600; }
            .figure .note { color: #5b6476; font-size: .85em; }
            .gate { padding: .3em .8em; border-radius: 4px; margin: .3em 0; font-weight: 600; }
            .gate.pass { background: #dff3e4; color: #13561f; border: 1px solid #8fcf9d; }
            .gate.fail { background: #fbe3e3; color: #7d1515; border: 1px solid #e09a9a; }
            table { border-collapse: collapse; margin: .5em 0 1em; }
            td, th { border-bottom: 1px solid #e3e8f0; padding: .2em .8em .2em 0; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
            table { max-width: 100%; }
            th { overflow-wrap: normal; white-space: nowrap; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            code { font-size: .95em; }
            .why { color: #5b6476; max-width: 60em; }
            svg text { font: 12px system-ui, sans-serif; fill: #1d2330; }
            </style>
            </head>
            <body>
            <h1>\(escape(title))</h1>
            \(body)
            <p class="why">Normalization rate = normalized ÷ (read − skipped). Classification rate = events typed by a specific table row ÷ normalized.
            Field coverage = source values read by a rule that wrote a value ÷ all source values (over occurrences; <code>null</code>, empty strings and
            subtrees declared <code>@opaque</code>/<code>@ignore</code> left out).</p>
            </body>
            </html>

            """
    }

    /// Totals and gates, first on the page.
    private static func summary(_ total: NormalizationReport.Section, run: RunInformation?, profile: String) -> String {
        var html = "<section class=\"summary\" id=\"summary\">\n<h2>Totals</h2>\n<div class=\"figures\">\n"
        html += figure(
            "normalization_rate", "Normalization rate", total.normalizationRate,
            "\(total.normalized) of \(total.read - total.skipped) records")
        html += figure(
            "classification_rate", "Classification rate", total.classificationRate,
            "\(total.classified) typed by a table row")
        html += figure(
            "field_coverage", "Field coverage", total.fieldCoverage,
            "\(total.coveredLeaves) of \(total.leaves) source values")
        html +=
            "</div>\n<p>Records: \(total.read) read, \(total.normalized) normalized, \(total.failed) failed, \(total.skipped) skipped.</p>\n"
        html += "<p>Output profile: <code>\(escape(profile))</code>.</p>\n"
        if let run, !run.gates.isEmpty {
            html += "<div class=\"gates\">\n"
            for gate in run.gates {
                html +=
                    "<div class=\"gate \(gate.held ? "pass" : "fail")\" data-gate=\"\(gate.held ? "pass" : "fail")\">\(gate.held ? "PASS" : "FAIL") \(escape(gate.text))</div>\n"
            }
            html += "</div>\n"
        }
        return html + "</section>\n"
    }

    private static func information(_ run: RunInformation) -> String {
        var html = "<section class=\"run\" id=\"run\">\n<h2>Run</h2>\n<table>\n"
        html +=
            "<tr><th>inputs</th><td>\(run.inputs.map { "<code>\(escape($0))</code>" }.joined(separator: ", "))</td></tr>\n"
        html += "<tr><th>time</th><td>\(String(format1(run.seconds))) s</td></tr>\n"
        html += "<tr><th>version</th><td>udm-normalize \(escape(Normalizer.version))</td></tr>\n"
        html +=
            "<tr><th>tables</th><td>\(run.tables.map { "<code>\(escape($0))</code>" }.joined(separator: ", ")) (fingerprint <code>\(run.fingerprint)</code>)</td></tr>\n"
        return html + "</table>\n</section>\n"
    }

    private static func render(_ s: NormalizationReport.Section, topUnmapped: Int, ruleTexts: [RuleID: String])
        -> String
    {
        var html = "<section class=\"log-type\" data-log-type=\"\(escape(s.logType))\">\n"
        html += "<h2>\(escape(s.logType == "total" ? "All log types" : s.logType))</h2>\n"
        html += "<div class=\"figures\">\n"
        html += figure(
            "normalization_rate", "Normalization rate", s.normalizationRate,
            "\(s.normalized) of \(s.read - s.skipped) records")
        html += figure(
            "classification_rate", "Classification rate", s.classificationRate,
            "\(s.classified) typed by a table row, \(s.defaultTyped) fallback, \(s.downgraded) downgraded")
        html += figure(
            "field_coverage", "Field coverage", s.fieldCoverage, "\(s.coveredLeaves) of \(s.leaves) source values")
        html += "</div>\n"
        html +=
            "<p>Records: \(s.read) read, \(s.normalized) normalized, \(s.failed) failed, \(s.skipped) skipped.</p>\n"
        html += reasonTable("Failures", s.failures)
        html += reasonTable("Skipped", s.skips)
        html += reasonTable("Downgraded to GENERIC_EVENT", s.downgrades)
        if !s.eventTypes.isEmpty {
            html +=
                "<h3>Event types</h3>\n"
                + barChart(
                    id: "event-types-\(s.logType)",
                    s.eventTypes.map { ($0.eventType.rawValue, Double($0.count), String($0.count)) })
            if s.logType == "AWS_CLOUDTRAIL", s.eventTypes.first?.eventType == .genericEvent {
                html +=
                    "<p class=\"why\">Most CloudTrail events are <code>GENERIC_EVENT</code> by design: the parser reference types only the event names in its event-type table (and Google's documented rows), and everything else stays generic — its own sample, <code>DescribeTrails</code>, among them. The classification rate measures that table, not a loss of data.</p>\n"
            }
        }
        if !s.redactions.isEmpty {
            html +=
                "<h3>Secrets redacted</h3>\n"
                + barChart(
                    id: "redactions-\(s.logType)", s.redactions.map { ($0.entry, Double($0.count), String($0.count)) })
        }
        if s.leaves > 0 {
            let excludedTotal = s.excluded.reduce(0) { $0 + $1.leaves }
            html +=
                "<h3>Field coverage</h3>\n"
                + stackedBar(
                    id: "coverage-\(s.logType)",
                    [
                        ("read by a rule", s.coveredLeaves, "#4f7cc9"),
                        ("not read", s.leaves - s.coveredLeaves, "#e0a44f"),
                        ("left out (@opaque / @ignore)", excludedTotal, "#b9c2d0"),
                    ])
            if excludedTotal > 0 {
                // The bar's shares are of every value, the left-out ones included; the figure's are
                // not: say so where both are seen, so the two percentages do not look contradictory.
                let all = s.leaves + excludedTotal
                html +=
                    "<p class=\"why\" data-caption=\"coverage\">The bar shares out all \(all) source values, the \(excludedTotal) left out by <code>@opaque</code> / <code>@ignore</code> included: \(s.coveredLeaves) read by a rule is \(ReportTextWriter.percent(Double(s.coveredLeaves) / Double(all))) of them. Field coverage above leaves them out: \(s.coveredLeaves) of \(s.leaves) = \(ReportTextWriter.percent(s.fieldCoverage)).</p>\n"
            }
        }
        if !s.unmapped.isEmpty {
            html += "<h3>Top unmapped source paths</h3>\n"
            html += barChart(
                id: "unmapped-\(s.logType)",
                s.unmapped.prefix(topUnmapped).map { ($0.path, Double($0.count), String($0.count)) })
            html += "<table class=\"unmapped\"><tr><th>path</th><th>count</th><th>example value</th></tr>\n"
            for u in s.unmapped.prefix(topUnmapped) {
                html +=
                    "<tr><td><code>\(escape(u.path))</code></td><td class=\"num\">\(u.count)</td><td><code>\(escape(String(u.example.prefix(120))))</code></td></tr>\n"
            }
            html += "</table>\n"
        }
        if !s.rules.isEmpty {
            html +=
                "<details><summary>Rules: how often each fired and failed</summary>\n<table class=\"rules\"><tr><th>rule</th><th>as written</th><th>fired</th><th>failed</th></tr>\n"
            for r in s.rules {
                html +=
                    "<tr><td><code>\(escape(r.rule.description))</code></td><td><code>\(escape(ruleTexts[r.rule] ?? ""))</code></td><td class=\"num\">\(r.fired)</td><td class=\"num\">\(r.failed)</td></tr>\n"
            }
            html += "</table></details>\n"
        }
        return html + "</section>\n"
    }

    private static func figure(_ name: String, _ label: String, _ value: Double?, _ note: String) -> String {
        "<div class=\"figure\" data-figure=\"\(name)\"><div>\(label)</div><div class=\"value\">\(ReportTextWriter.percent(value))</div><div class=\"note\">\(escape(note))</div></div>\n"
    }

    private static func reasonTable(_ title: String, _ list: [NormalizationReport.ReasonCount]) -> String {
        guard !list.isEmpty else { return "" }
        var html = "<h3>\(escape(title))</h3>\n<table><tr><th>count</th><th>reason</th><th>first at</th></tr>\n"
        for item in list {
            html +=
                "<tr><td class=\"num\">\(item.count)</td><td>\(escape(item.reason))</td><td><code>\(escape(item.firstOrigin))</code></td></tr>\n"
        }
        return html + "</table>\n"
    }

    /// A horizontal bar chart: one labelled bar a row, lengths proportional to the values.
    private static func barChart(id: String, _ rows: [(label: String, value: Double, shown: String)]) -> String {
        let labelWidth = 300.0
        let barWidth = 520.0
        let rowHeight = 22.0
        let maximum = max(rows.map(\.value).max() ?? 1, 1)
        let height = rowHeight * Double(rows.count) + 8
        var svg =
            "<svg class=\"chart\" id=\"\(id)\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(labelWidth + barWidth + 80))\" height=\"\(Int(height))\" role=\"img\">\n"
        for (index, row) in rows.enumerated() {
            let y = Double(index) * rowHeight + 4
            let width = max(row.value / maximum * barWidth, row.value > 0 ? 1 : 0)
            // Long paths keep their end, where paths sharing a prefix differ.
            let label = row.label.count > 44 ? "…" + String(row.label.suffix(43)) : row.label
            svg += "<text x=\"\(Int(labelWidth - 6))\" y=\"\(Int(y + 15))\" text-anchor=\"end\">\(escape(label))</text>"
            svg +=
                "<rect x=\"\(Int(labelWidth))\" y=\"\(Int(y + 3))\" width=\"\(String(format1(width)))\" height=\"\(Int(rowHeight - 6))\" fill=\"#4f7cc9\"><title>\(escape(row.label)): \(escape(row.shown))</title></rect>"
            svg +=
                "<text x=\"\(String(format1(labelWidth + width + 6)))\" y=\"\(Int(y + 15))\">\(escape(row.shown))</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// One bar split into coloured parts proportional to their counts, with a legend.
    private static func stackedBar(id: String, _ parts: [(label: String, count: Int, colour: String)]) -> String {
        let width = 820.0
        let total = max(parts.reduce(0) { $0 + $1.count }, 1)
        var svg =
            "<svg class=\"chart\" id=\"\(id)\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(28 + 20 * parts.count)\" role=\"img\">\n"
        var x = 0.0
        for part in parts {
            let share = Double(part.count) / Double(total)
            svg +=
                "<rect x=\"\(format1(x))\" y=\"2\" width=\"\(format1(share * width))\" height=\"20\" fill=\"\(part.colour)\"><title>\(escape(part.label)): \(part.count)</title></rect>\n"
            x += share * width
        }
        for (index, part) in parts.enumerated() {
            let y = 30 + 20 * index
            let percent = (Double(part.count) / Double(total) * 1000).rounded() / 10
            svg +=
                "<rect x=\"0\" y=\"\(y)\" width=\"12\" height=\"12\" fill=\"\(part.colour)\"/><text x=\"18\" y=\"\(y + 11)\">\(escape(part.label)): \(part.count) (\(percent)%)</text>\n"
        }
        return svg + "</svg>\n"
    }

    private static func format1(_ value: Double) -> String {
        String((value * 10).rounded() / 10)
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
