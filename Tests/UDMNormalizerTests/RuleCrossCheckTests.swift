import Foundation
import Testing

@testable import UDMNormalizer

/// Over the whole third-party corpus normalized with the `google-secops` profile, the events each
/// rule's primary event variable selects agree with `../shared/tools/yaral.py`, an independent
/// evaluator of the same single-event predicates. Runs when python3 and `../shared` are there.
@Suite(.enabled(if: PythonTool.python != nil && PackagePaths.hasCorpus, "python3 or ../shared is missing"))
struct RuleCrossCheckTests {
    static var python: String? { PythonTool.python }

    static let tool = PackagePaths.shared.appendingPathComponent("tools/yaral.py")

    /// The corpus as UDM NDJSON, one event a line.
    static func corpusEvents() throws -> [String] {
        let normalizer = try Normalizer(profile: "google-secops")
        var lines: [String] = []
        for folder in ["cloudtrail", "guardduty", "envelopes"] {
            let directory = PackagePaths.corpus.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            where !name.hasPrefix(".") && !name.hasSuffix(".md") {
                let bytes = Array(try Data(contentsOf: directory.appendingPathComponent(name)))
                normalizer.normalize(input: bytes, source: name) { record in
                    if case .normalized(let event) = record.outcome { lines.append(event.json) }
                }
            }
        }
        return lines
    }

    @Test(arguments: ["cloudtrail", "guardduty"])
    func singleEventMatchesAgreeWithYaralPy(_ folder: String) throws {
        let python = try #require(Self.python)
        let work = try PackagePaths.temporaryDirectory("crosscheck")
        defer { try? FileManager.default.removeItem(at: work) }
        let lines = try Self.corpusEvents()
        #expect(lines.count > 400)
        let events = work.appendingPathComponent("events.ndjson")
        try (lines.joined(separator: "\n") + "\n").write(to: events, atomically: true, encoding: .utf8)
        let accounts = work.appendingPathComponent("accounts.txt")
        try "111122223333\n".write(to: accounts, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        let rules = RuleTestSupport.rulesDirectory.appendingPathComponent(folder)
        process.arguments = [
            Self.tool.path, rules.path, events.path, "--json", "--list", "aws_accounts=\(accounts.path)",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let theirs = try #require(report["rules"] as? [[String: Any]])

        let loaded = DetectionRuleSet.load(paths: [rules.path])
        let ruleSet = DetectionRuleSet(
            rules: loaded.rules, lists: [ReferenceList(name: "aws_accounts", text: "111122223333")])
        var ours: [String: Set<Int>] = [:]
        for (number, line) in lines.enumerated() {
            let event = try #require(try RuleEvent.events(line: Array(line.utf8), origin: "\(number + 1)").first)
            let view = RuleEventView(event)
            for plan in ruleSet.plans {
                guard
                    let primary = theirs.first(where: { $0["rule"] as? String == plan.rule.name })?["primary"]
                        as? String,
                    let variable = plan.variables.first(where: { $0.name == primary })
                else { continue }
                if !plan.match(variable, view, lists: ruleSet.lists).isEmpty {
                    ours[plan.rule.name, default: []].insert(number + 1)
                }
            }
        }
        #expect(theirs.count == loaded.rules.count)
        var agreed = 0
        for rule in theirs {
            let name = try #require(rule["rule"] as? String)
            let their = Set((rule["lines"] as? [Int]) ?? [])
            let mine = ours[name] ?? []
            #expect(
                mine == their,
                "\(name): only here \(mine.subtracting(their).sorted()), only yaral.py \(their.subtracting(mine).sorted())"
            )
            if !mine.isEmpty { agreed += 1 }
        }
        // The README's figures (28 CloudTrail rules, 1 GuardDuty rule), plus the organization rule,
        // which runs here because its account list is given.
        #expect(agreed == (folder == "cloudtrail" ? 29 : 1), "\(folder): \(agreed) rules match some event")
    }
}

/// Where python3 is, when it is on the PATH.
enum PythonTool {
    static let python: String? = {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(directory)/python3"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()
}
