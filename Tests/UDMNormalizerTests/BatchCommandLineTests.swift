import Foundation
import Testing

@testable import UDMNormalizer

/// `udm-normalize normalize` over what users point it at: folder trees of .gz files, mixed good and
/// bad records, parallel runs, de-duplication, the import format, output and dead-letter files.
@Suite struct BatchCommandLineTests {
    static func temporaryDirectory() throws -> URL { try PackagePaths.temporaryDirectory() }

    /// Parses the summary line into (read, normalized, failed, skipped).
    static func summary(_ stderr: String) -> (Int, Int, Int, Int)? {
        guard let line = stderr.split(separator: "\n").last(where: { $0.hasPrefix("records: ") }) else { return nil }
        let numbers = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count >= 4 else { return nil }
        return (numbers[0], numbers[1], numbers[2], numbers[3])
    }

    static let good = RecordReaderTests.event

    @Test func folderTreeOfGzipFilesInNameOrder() throws {
        let root = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let trails = [
            "AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/14",
            "AWSLogs/o-abc123/444455556666/CloudTrail/eu-west-1/2026/03/14",
        ]
        var expectedIDs: [String] = []
        for (n, trail) in trails.enumerated() {
            let folder = root.appendingPathComponent(trail)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let ids = (0..<3).map { "T\(n)-\($0)" }
            expectedIDs += ids
            let file =
                "{\"Records\":["
                + ids.map { Self.good.replacingOccurrences(of: "\"E1\"", with: "\"\($0)\"") }.joined(separator: ",")
                + "]}"
            // No .gz suffix on the second one: gzip is detected by content.
            try Gzip.compress(Array(file.utf8)).write(
                to: folder.appendingPathComponent(n == 0 ? "a.json.gz" : "b.json"))
        }
        try Data("ignored".utf8).write(to: root.appendingPathComponent(".hidden"))
        let run = try CommandLineTests.run(["normalize", "-q", root.path])
        #expect(run.status == 0, "\(run.stderr)")
        let ids = run.stdout.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: #""product_log_id":""#) else { return nil }
            return String(line[range.upperBound...].prefix { $0 != "\"" })
        }
        #expect(ids == expectedIDs)
    }

    /// A mixed file: good records, a broken line, garbage, a record with no time, a non-UTF-8 record.
    static func mixedInput() -> (text: [UInt8], bad: [[UInt8]]) {
        let broken = Array("{\"eventName\": \"x\", ".utf8)
        let notJSON = Array("this is not json".utf8)
        let noTime = Array(#"{"eventName":"A","eventSource":"s3.amazonaws.com"}"#.utf8)
        let latin1 = Array("{\"eventName\":\"caf".utf8) + [0xE9] + Array("\",".utf8)
        var lines: [[UInt8]] = []
        for i in 0..<400 {
            lines.append(Array(Self.good.replacingOccurrences(of: "\"E1\"", with: "\"M\(i)\"").utf8))
            switch i {
            case 10: lines.append(broken)
            case 100: lines.append(notJSON)
            case 200: lines.append(noTime)
            case 300: lines.append(latin1)
            default: break
            }
        }
        return (Array(lines.joined(separator: [0x0A])) + [0x0A], [broken, notJSON, noTime, latin1])
    }

    @Test func deadLetterHoldsExactlyTheBadRecordsAndCountsAddUp() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (input, bad) = Self.mixedInput()
        let inputFile = directory.appendingPathComponent("mixed.ndjson")
        try Data(input).write(to: inputFile)
        let deadLetter = directory.appendingPathComponent("dead.ndjson")
        let output = directory.appendingPathComponent("out.ndjson")
        let run = try CommandLineTests.run([
            "normalize", "-q", "--output", output.path, "--dead-letter", deadLetter.path, inputFile.path,
        ])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        let counts = try #require(Self.summary(run.stderr))
        #expect(counts.0 == counts.1 + counts.2 + counts.3, "read = normalized + failed + skipped")
        #expect(counts == (404, 400, 4, 0))
        let events = try String(contentsOf: output, encoding: .utf8).split(separator: "\n")
        #expect(events.count == 400)
        let letters = try String(contentsOf: deadLetter, encoding: .utf8).split(separator: "\n")
        #expect(letters.count == 4)
        var recovered: [[UInt8]] = []
        for letter in letters {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(letter.utf8)) as? [String: String])
            #expect(object["origin"]?.hasPrefix(inputFile.path + ":") == true)
            #expect(object["reason"]?.isEmpty == false)
            if let raw = object["raw"] {
                recovered.append(Array(raw.utf8))
            } else {
                recovered.append(Array(Data(base64Encoded: object["raw_base64"] ?? "") ?? Data()))
            }
        }
        #expect(recovered == bad, "every failed record is recoverable byte for byte")
    }

    @Test func parallelRunsWriteTheSameBytesAsOneJob() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var input: [UInt8] = []
        for _ in 0..<8 { input += Self.mixedInput().text }
        for sample in try FileManager.default.contentsOfDirectory(
            atPath: PackagePaths.samples.appendingPathComponent("cloudtrail").path
        ).sorted() where sample.hasSuffix(".json") {
            input += Array(try Data(contentsOf: PackagePaths.samples.appendingPathComponent("cloudtrail/\(sample)")))
        }
        let file = directory.appendingPathComponent("big.json")
        try Data(input).write(to: file)
        var outputs: [String] = []
        var letters: [String] = []
        for jobs in ["1", "4"] {
            let dead = directory.appendingPathComponent("dead-\(jobs).ndjson")
            let run = try CommandLineTests.run([
                "normalize", "-q", "--jobs", jobs, "--dead-letter", dead.path, file.path,
            ])
            outputs.append(run.stdout)
            letters.append(try String(contentsOf: dead, encoding: .utf8))
        }
        #expect(outputs[0].split(separator: "\n").count > 3000)
        #expect(outputs[0] == outputs[1])
        #expect(letters[0] == letters[1])
    }

    @Test func dedupeDropsRepeatedEventIDsAsSkipped() throws {
        let lines =
            [Self.good, Self.good, Self.good.replacingOccurrences(of: "\"E1\"", with: "\"E2\""), Self.good].joined(
                separator: "\n") + "\n"
        let run = try CommandLineTests.run(["normalize", "-q", "--dedupe", "-"], stdin: lines)
        #expect(run.status == 0)
        #expect(run.stdout.split(separator: "\n").count == 2)
        #expect(run.stderr.contains("records: 4 read, 2 normalized, 0 failed, 2 skipped (2 duplicate)"))
        let without = try CommandLineTests.run(["normalize", "-q", "-"], stdin: lines)
        #expect(without.stdout.split(separator: "\n").count == 4)
    }

    @Test func importBodiesStayUnderTheLimitAndHoldEveryEvent() throws {
        let lines =
            (0..<50).map { Self.good.replacingOccurrences(of: "\"E1\"", with: "\"I\($0)\"") }.joined(separator: "\n")
            + "\n"
        let run = try CommandLineTests.run(
            ["normalize", "-q", "--format", "import", "--import-max-bytes", "4096", "-"], stdin: lines)
        #expect(run.status == 0)
        let bodies = run.stdout.split(separator: "\n")
        #expect(bodies.count > 5)
        var ids: [String] = []
        for body in bodies {
            #expect(body.utf8.count <= 4096)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            let events = try #require((object["inlineSource"] as? [String: Any])?["events"] as? [[String: Any]])
            for event in events {
                let udm = try #require(event["udm"] as? [String: Any])
                ids.append(((udm["metadata"] as? [String: Any])?["product_log_id"] as? String) ?? "")
            }
        }
        #expect(ids == (0..<50).map { "I\($0)" })
    }

    @Test func skippedRecordsAreCountedByReason() throws {
        let input =
            RecordReaderTests.cloudWatch("CONTROL_MESSAGE") + "\n" + "{\"detail-type\":\"Other\",\"detail\":{}}" + "\n"
            + Self.good + "\n"
        let run = try CommandLineTests.run(["normalize", "-q", "-"], stdin: input)
        #expect(run.status == 0)
        #expect(
            run.stderr.contains(
                "records: 4 read, 1 normalized, 0 failed, 3 skipped (2 CloudWatch Logs control message; 1 EventBridge detail-type 'Other' is not a log these tables normalize)"
            ))
    }
}
