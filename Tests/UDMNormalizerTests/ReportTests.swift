import Foundation
import Testing

@testable import UDMNormalizer

/// Every figure of the report, on a small input whose figures are worked out by hand.
@Suite struct ReportTests {
    static let table = """
        @log_type TEST
        @match exists id
        @opaque blob
        @dedupe_key id
        time -> metadata.event_timestamp
        kind -> metadata.event_type | lookup kinds
        "GENERIC_EVENT" -> metadata.event_type
        name -> principal.hostname
        user -> target.user.userid
        @lookup kinds default empty
        login = USER_LOGIN
        create = USER_CREATION
        @end
        """

    /// 1: classified, 2 unmapped leaves, 2 opaque leaves; 2: downgraded (USER_LOGIN lacks target.user etc.);
    /// 3: no event time; 4: fallback type, `kind` read by no rule that wrote; 5: not JSON; 6: skipped.
    static let input =
        [
            #"{"id":1,"time":"2024-01-01T00:00:00Z","kind":"create","name":"h","user":"u","extra":"x","blob":{"a":1,"b":"c"},"gone":null,"empty":""}"#,
            #"{"id":2,"time":"2024-01-01T00:00:00Z","kind":"login","name":"h"}"#,
            #"{"id":3,"kind":"other"}"#,
            #"{"id":4,"time":"2024-01-01T00:00:00Z","kind":"other"}"#,
            "nope",
            #"{"detail-type":"Other","detail":{}}"#,
        ].joined(separator: "\n") + "\n"

    static func report() throws -> NormalizationReport {
        let mappings = try MappingSet(files: [("test.map", table)])
        let normalizer = Normalizer(mappings: mappings, options: .init(trackCoverage: true))
        var builder = ReportBuilder()
        normalizer.normalize(input: Array(input.utf8), source: "in") { builder.add($0) }
        return builder.build()
    }

    @Test func countsAndRates() throws {
        let report = try Self.report()
        #expect(report.sections.map(\.logType) == ["(undetected)", "TEST", "total"])
        let test = report.sections[1]
        #expect((test.read, test.normalized, test.failed, test.skipped) == (4, 3, 1, 0))
        #expect(test.normalizationRate == 0.75)
        let total = report.total
        #expect((total.read, total.normalized, total.failed, total.skipped) == (6, 3, 2, 1))
        #expect(total.normalizationRate == 0.6, "3 / (6 - 1)")
        #expect(
            total.failures == [
                .init(reason: "invalid JSON", failureKind: .invalidJSON, count: 1, firstOrigin: "in:5"),
                .init(reason: "no event time", failureKind: .noEventTime, count: 1, firstOrigin: "in:3"),
            ])
        #expect(
            total.skips == [
                .init(
                    reason: "EventBridge detail-type 'Other' is not a log these tables normalize", count: 1,
                    firstOrigin: "in:6")
            ])
    }

    @Test func classificationCountsDowngradesApart() throws {
        let test = try Self.report().sections[1]
        #expect((test.classified, test.defaultTyped, test.downgraded) == (1, 1, 1))
        #expect(test.classificationRate == 1.0 / 3.0)
        #expect(test.downgrades.count == 1)
        #expect(test.downgrades[0].reason.hasPrefix("USER_LOGIN requires target.user"))
        #expect(test.downgrades[0].firstOrigin == "in:2")
        #expect(test.eventTypes.map(\.eventType) == [.genericEvent, .userCreation])
        #expect(test.eventTypes.map(\.count) == [2, 1])
    }

    @Test func fieldCoverageOverOccurrencesWithoutOpaqueSubtrees() throws {
        let test = try Self.report().sections[1]
        // Leaves (null and "" not counted, blob declared opaque): record 1: id time kind name user extra;
        // record 2: id time kind name; record 4: id time kind. Read: 1: time kind name user; 2: time kind name; 4: time.
        #expect(test.leaves == 13)
        #expect(test.coveredLeaves == 8)
        #expect(test.fieldCoverage == 8.0 / 13.0)
        #expect(test.excluded.map(\.declaration) == ["@opaque blob"])
        #expect(test.excluded.map(\.leaves) == [2])
        #expect(
            test.unmapped == [
                .init(path: "id", count: 3, example: "1"),
                .init(path: "extra", count: 1, example: "x"),
                .init(path: "kind", count: 1, example: "other"),
            ])
    }

    @Test func perRuleFiringCounts() throws {
        let rules = try Self.report().sections[1].rules
        #expect(rules.first { $0.rule == RuleID(file: "test.map", line: 5) }?.fired == 3, "time")
        #expect(
            rules.first { $0.rule == RuleID(file: "test.map", line: 6) }?.fired == 2,
            "the lookup fired on create and login")
        #expect(rules.first { $0.rule == RuleID(file: "test.map", line: 7) }?.fired == 1, "the fallback on record 4")
    }

    @Test func jsonSchemaIsStable() throws {
        let json = ReportJSONWriter.render(try Self.report())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "udm-normalize/report/v1")
        let total = try #require(object["total"] as? [String: Any])
        for key in [
            "log_type", "records", "normalization_rate", "classification_rate", "field_coverage", "failures", "skips",
            "classification", "coverage", "event_types", "rules",
        ] {
            #expect(total[key] != nil, "\(key)")
        }
        #expect(total["normalization_rate"] as? Double == 0.6)
        let coverage = try #require(total["coverage"] as? [String: Any])
        #expect(coverage["leaves"] as? Int == 13)
        let sections = try #require(object["log_types"] as? [[String: Any]])
        #expect(sections.map { $0["log_type"] as? String } == ["(undetected)", "TEST"])
        #expect(sections[0]["field_coverage"] is NSNull, "no denominator: null")
    }

    @Test func htmlIsSelfContainedWithCharts() throws {
        let html = ReportHTMLWriter.render(try Self.report())
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=") && !html.contains("href=\"http"))
        for chart in ["id=\"event-types-TEST\"", "id=\"coverage-TEST\"", "id=\"unmapped-TEST\""] {
            #expect(html.contains(chart))
        }
        for figure in ["normalization_rate", "classification_rate", "field_coverage"] {
            #expect(html.contains("data-figure=\"\(figure)\""))
        }
        #expect(html.contains("<section class=\"log-type\" data-log-type=\"TEST\">"))
        #expect(!html.contains("<undetected"), "text is escaped")
        // The coverage bar includes the values left out, the headline figure does not: the page says
        // which measure each is, with both numbers.
        let test = try #require(try Self.report().sections.first { $0.logType == "TEST" })
        let all = test.leaves + 2
        #expect(
            html.contains(
                "The bar shares out all \(all) source values, the 2 left out by <code>@opaque</code> / <code>@ignore</code> included: \(test.coveredLeaves) read by a rule is \(ReportTextWriter.percent(Double(test.coveredLeaves) / Double(all))) of them. Field coverage above leaves them out: \(test.coveredLeaves) of \(test.leaves) = \(ReportTextWriter.percent(test.fieldCoverage))."
            ), "\(html)")
    }

    @Test func longPathsKeepTheirEndsInChartsAndColumnsInText() {
        var section = NormalizationReport.Section(logType: "TEST")
        section.read = 1
        section.normalized = 1
        section.leaves = 2
        let prefix = "requestParameters.ipPermissions.items[*].ipRanges.items[*]."
        section.unmapped = [
            .init(path: prefix + "cidrIp", count: 2, example: "10.0.0.0/8"),
            .init(path: prefix + "description", count: 1, example: "office"),
            .init(path: "a", count: 1, example: "short"),
        ]
        let report = NormalizationReport(sections: [section])
        let html = ReportHTMLWriter.render(report)
        for leaf in ["cidrIp", "description"] {
            let path = prefix + leaf
            #expect(
                html.contains(">…\(ReportHTMLWriter.escape(String(path.suffix(43))))</text>"),
                "the label of \(leaf) keeps the path's end, where the paths differ")
        }
        let text = ReportTextWriter.render(report)
        let lines = text.split(separator: "\n").filter { $0.contains("e.g. ") }
        let columns = Set(lines.map { $0.distance(from: $0.startIndex, to: $0.range(of: "e.g. ")!.lowerBound) })
        #expect(columns.count == 1, "the example column lines up: \(lines)")
    }

    @Test func reportCommandGatesExitOneNamingTheFigure() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("udm-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.table.write(to: directory.appendingPathComponent("test.map"), atomically: true, encoding: .utf8)
        let html = directory.appendingPathComponent("r.html")
        let pass = try CommandLineTests.run(
            [
                "report", "-q", "--mappings", directory.path, "--min-rate", "60", "--min-classified", "33", "--html",
                html.path, "-",
            ], stdin: Self.input)
        #expect(pass.status == 0, "\(pass.stderr)")
        #expect(pass.stdout.contains("normalization rate   60.0%"))
        #expect(FileManager.default.fileExists(atPath: html.path))
        let fail = try CommandLineTests.run(
            ["report", "-q", "--mappings", directory.path, "--min-rate", "61", "--min-coverage", "70", "--json", "-"],
            stdin: Self.input)
        #expect(fail.status == 1)
        #expect(
            fail.stderr.contains("gate failed: --min-rate 61 (understood as 61%): normalization rate 60.0% is below it")
        )
        #expect(
            fail.stderr.contains("gate failed: --min-coverage 70 (understood as 70%): field coverage 61.5% is below it")
        )
        #expect(!fail.stderr.contains("classification"))
        #expect((try JSONSerialization.jsonObject(with: Data(fail.stdout.utf8))) is [String: Any])
    }
}
