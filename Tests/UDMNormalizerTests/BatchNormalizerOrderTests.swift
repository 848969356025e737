import Foundation
import Testing

@testable import UDMNormalizer

/// Several inputs read at once, one per worker, give the items one thread gives, in the same order.
@Suite struct BatchNormalizerOrderTests {
    /// Every item of a run as a line: markers, and records with their rendered event or reason.
    static func items(paths: [String], jobs: Int, batchSize: Int = 512) -> [String] {
        var batch = BatchNormalizer(normalizer: Normalizer(), jobs: jobs, rendering: .json)
        batch.batchSize = batchSize
        var lines: [String] = []
        batch.run(paths: paths) { item in
            switch item {
            case .inputStarted(let path): lines.append("started \(path)")
            case .inputFinished(let path, let bytes, let raw): lines.append("finished \(path) \(bytes) \(raw > 0)")
            case .inputUnreadable(let error): lines.append("unreadable \(error)")
            case .record(let record):
                lines.append(
                    "\(record.origin) \(record.kind) \(record.reason ?? "") \(String(decoding: record.rendered, as: UTF8.self))"
                )
            }
        }
        return lines
    }

    @Test func severalInputsKeepTheirOrderWhateverTheJobs() throws {
        let directory = try PackagePaths.temporaryDirectory("batch-order")
        defer { try? FileManager.default.removeItem(at: directory) }
        let events = (1...300).map { RecordReaderTests.event($0) }
        var paths: [String] = []
        func write(_ name: String, _ bytes: [UInt8]) throws {
            let url = directory.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            paths.append(url.path)
        }
        try write("a.ndjson", Array(events[0..<120].joined(separator: "\n").utf8))
        try write(
            "b.json.gz",
            [UInt8](try Gzip.compress(Array(("{\"Records\":[" + events[120..<200].joined(separator: ",") + "]}").utf8)))
        )
        try write("empty.json", [])
        paths.append(directory.appendingPathComponent("missing.json").path)
        try write("c.ndjson", Array((events[200..<300].joined(separator: "\n") + "\n{broken\n").utf8))
        try write(
            "cut.json.gz",
            Array([UInt8](try Gzip.compress(Array(events[0..<50].joined(separator: "\n").utf8))).dropLast(30)))
        paths += Self.samplePaths

        let one = Self.items(paths: paths, jobs: 1, batchSize: 16)
        #expect(one.filter { $0.contains(" normalized ") }.count >= 300)
        #expect(one.contains { $0.hasPrefix("unreadable ") })
        #expect(one.contains { $0.contains("truncated gzip data") })
        for jobs in [2, 3, 4] {
            #expect(Self.items(paths: paths, jobs: jobs, batchSize: 16) == one, "jobs \(jobs)")
        }
    }

    static var samplePaths: [String] {
        let folder = PackagePaths.samples.appendingPathComponent("cloudtrail")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { folder.appendingPathComponent($0).path }
    }
}
