import Foundation
import UDMNormalizer

/// What `report --rules` adds to the report: each rule's detections and the readiness table, in
/// the text, as a `rules` member of the JSON, and as a section of the HTML page.
struct ReportRulesSection {
    let output: RulesOutput

    init(run: RulesRun, mappings: MappingSet) {
        var run = run
        let results = run.finish()
        let readiness = RulesReadiness(results: results, tables: TableFieldIndex(mappings: mappings), fill: run.fill)
        output = RulesOutput(
            results: results, readiness: readiness, run: run, gates: [], shown: 5, profile: mappings.profile)
    }

    var text: String { "\nDETECTION RULES\n" + output.text }

    /// The report's JSON with a `rules` member: the `rules` command's JSON object.
    func adding(to json: String) -> String {
        guard let close = json.lastIndex(of: "}") else { return json }
        let body = json[..<close].trimmingCharacters(in: .whitespacesAndNewlines)
        return body + (body.hasSuffix("{") ? "" : ",") + "\"rules\":" + output.json + "}"
    }

    /// The page with a section listing the rules' detections and readiness before `</body>`.
    func adding(toPage page: String) -> String {
        let escaped = output.text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
            of: "<", with: "&lt;"
        )
        .replacingOccurrences(of: ">", with: "&gt;")
        let section = "<section id=\"rules\"><h2>Detection rules</h2><pre>\(escaped)</pre></section>\n"
        guard let end = page.range(of: "</body>", options: .backwards) else { return page + section }
        return page.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: section)
    }
}
