/// The report as one self-contained HTML page: figures, failure and skip reasons, and SVG bar
/// charts of event types, field coverage and the top unmapped fields. No scripts, no external
/// assets: it can be attached to a ticket or opened offline.
public enum ReportHTMLWriter {
    public static func render(_ report: NormalizationReport, title: String = "UDM normalization report", topUnmapped: Int = 20) -> String {
        var body = ""
        for section in report.sections {
            body += render(section, topUnmapped: topUnmapped)
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
        table { border-collapse: collapse; margin: .5em 0 1em; }
        td, th { border-bottom: 1px solid #e3e8f0; padding: .2em .8em .2em 0; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        table { max-width: 100%; }
        th { overflow-wrap: normal; white-space: nowrap; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        code { font-size: .95em; }
        svg text { font: 12px system-ui, sans-serif; fill: #1d2330; }
        </style>
        </head>
        <body>
        <h1>\(escape(title))</h1>
        <p>Output profile: <code>\(escape(report.profile))</code>.</p>
        <p>Normalization rate = normalized ÷ (read − skipped). Classification rate = events typed by a specific table row ÷ normalized.
        Field coverage = source values read by a rule that wrote a value ÷ all source values (over occurrences; <code>null</code>, empty strings and
        subtrees declared <code>@opaque</code>/<code>@ignore</code> left out).</p>
        \(body)
        </body>
        </html>

        """
    }

    private static func render(_ s: NormalizationReport.Section, topUnmapped: Int) -> String {
        var html = "<section class=\"log-type\" data-log-type=\"\(escape(s.logType))\">\n"
        html += "<h2>\(escape(s.logType == "total" ? "All log types" : s.logType))</h2>\n"
        html += "<div class=\"figures\">\n"
        html += figure("normalization_rate", "Normalization rate", s.normalizationRate, "\(s.normalized) of \(s.read - s.skipped) records")
        html += figure("classification_rate", "Classification rate", s.classificationRate, "\(s.classified) typed by a table row, \(s.defaultTyped) fallback, \(s.downgraded) downgraded")
        html += figure("field_coverage", "Field coverage", s.fieldCoverage, "\(s.coveredLeaves) of \(s.leaves) source values")
        html += "</div>\n"
        html += "<p>Records: \(s.read) read, \(s.normalized) normalized, \(s.failed) failed, \(s.skipped) skipped.</p>\n"
        html += reasonTable("Failures", s.failures)
        html += reasonTable("Skipped", s.skips)
        html += reasonTable("Downgraded to GENERIC_EVENT", s.downgrades)
        if !s.eventTypes.isEmpty {
            html += "<h3>Event types</h3>\n" + barChart(id: "event-types", s.eventTypes.map { ($0.eventType, Double($0.count), String($0.count)) })
        }
        if s.leaves > 0 {
            let excludedTotal = s.excluded.reduce(0) { $0 + $1.leaves }
            html += "<h3>Field coverage</h3>\n" + barChart(id: "coverage", [
                ("read by a rule", Double(s.coveredLeaves), String(s.coveredLeaves)),
                ("not read", Double(s.leaves - s.coveredLeaves), String(s.leaves - s.coveredLeaves)),
                ("left out (@opaque / @ignore)", Double(excludedTotal), String(excludedTotal)),
            ])
        }
        if !s.unmapped.isEmpty {
            html += "<h3>Top unmapped source paths</h3>\n"
            html += barChart(id: "unmapped", s.unmapped.prefix(topUnmapped).map { ($0.path, Double($0.count), String($0.count)) })
            html += "<table class=\"unmapped\"><tr><th>path</th><th>count</th><th>example value</th></tr>\n"
            for u in s.unmapped.prefix(topUnmapped) {
                html += "<tr><td><code>\(escape(u.path))</code></td><td class=\"num\">\(u.count)</td><td><code>\(escape(String(u.example.prefix(120))))</code></td></tr>\n"
            }
            html += "</table>\n"
        }
        if !s.rules.isEmpty {
            html += "<details><summary>Rules: how often each fired and failed</summary>\n<table class=\"rules\"><tr><th>rule</th><th>fired</th><th>failed</th></tr>\n"
            for r in s.rules { html += "<tr><td><code>\(escape(r.rule))</code></td><td class=\"num\">\(r.fired)</td><td class=\"num\">\(r.failed)</td></tr>\n" }
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
            html += "<tr><td class=\"num\">\(item.count)</td><td>\(escape(item.reason))</td><td><code>\(escape(item.firstOrigin))</code></td></tr>\n"
        }
        return html + "</table>\n"
    }

    /// A horizontal bar chart: one labelled bar a row, lengths proportional to the values.
    private static func barChart(id: String, _ rows: [(label: String, value: Double, shown: String)]) -> String {
        let labelWidth = 300.0, barWidth = 520.0, rowHeight = 22.0
        let maximum = max(rows.map(\.value).max() ?? 1, 1)
        let height = rowHeight * Double(rows.count) + 8
        var svg = "<svg class=\"chart\" id=\"\(id)\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(labelWidth + barWidth + 80))\" height=\"\(Int(height))\" role=\"img\">\n"
        for (index, row) in rows.enumerated() {
            let y = Double(index) * rowHeight + 4
            let width = max(row.value / maximum * barWidth, row.value > 0 ? 1 : 0)
            let label = row.label.count > 44 ? String(row.label.prefix(41)) + "..." : row.label
            svg += "<text x=\"\(Int(labelWidth - 6))\" y=\"\(Int(y + 15))\" text-anchor=\"end\">\(escape(label))</text>"
            svg += "<rect x=\"\(Int(labelWidth))\" y=\"\(Int(y + 3))\" width=\"\(String(format1(width)))\" height=\"\(Int(rowHeight - 6))\" fill=\"#4f7cc9\"><title>\(escape(row.label)): \(escape(row.shown))</title></rect>"
            svg += "<text x=\"\(String(format1(labelWidth + width + 6)))\" y=\"\(Int(y + 15))\">\(escape(row.shown))</text>\n"
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
