import Foundation
import Testing

@testable import UDMNormalizer

/// Cut points and damaged bytes over real files (the corpus's envelope files and NDJSON, Records
/// files built from real events, their gzip, CloudWatch Logs payloads), at the default record limit
/// in one read and at a 1024-byte limit in small chunks: no crash, and every record complete before
/// the damage comes out as it does from the whole file. A cut adds at most one failed record.
///
/// Files of a few KB are cut at every byte (every tenth in small chunks); larger ones at 300
/// positions; bytes are damaged at 200 positions of each file. Every position
/// of every file, locally: `UDM_PROPERTY_EXHAUSTIVE=1 swift test --filter DamagedInputPropertyTests`.
@Suite struct DamagedInputPropertyTests {
    /// One input, and which of its records are complete within its first `n` bytes.
    struct Input: CustomTestStringConvertible, Sendable {
        enum Layout: Sendable {
            /// Records are the input's lines: complete once their line break is in.
            case lines
            /// One value: its records are complete once all of it is in, or (cut by its envelope
            /// array) element by element, at these offsets with these origins.
            case value(elements: [(origin: String, end: Int)])
            /// The gzip of an input with the given layout.
            indirect case gzip(Layout, plain: [UInt8])
        }

        let name: String
        let bytes: [UInt8]
        let layout: Layout
        var testDescription: String { "\(name) (\(bytes.count) bytes)" }

        /// The origins of the whole input's records that are complete in its first `n` bytes.
        func complete(within n: Int, of whole: [Outcome]) -> Set<String> {
            complete(within: n, of: whole, layout: layout, bytes: bytes)
        }

        private func complete(within n: Int, of whole: [Outcome], layout: Layout, bytes: [UInt8]) -> Set<String> {
            switch layout {
            case .lines:
                let completeLines = bytes.prefix(n).filter { $0 == 0x0A }.count + (n >= bytes.count ? 1 : 0)
                return Set(whole.map(\.origin).filter { Self.line(of: $0) <= completeLines })
            case .value(let elements):
                if n >= bytes.count { return Set(whole.map(\.origin)) }
                return Set(elements.filter { $0.end <= n }.map(\.origin))
            case .gzip(let inner, let plain):
                var readable: [UInt8] = []
                if let decoder = try? GzipDecoder() { try? decoder.decompress(Array(bytes.prefix(n)), into: &readable) }
                let full = n >= bytes.count ? plain.count : readable.count
                return complete(within: full, of: whole, layout: inner, bytes: plain)
            }
        }

        static func line(of origin: String) -> Int {
            Int(origin.split(separator: ":")[1]) ?? Int.max
        }
    }

    struct Outcome: Equatable {
        var origin: String
        /// "record", "failed", "oversized" or "skipped".
        var kind: String
    }

    /// What the reader and envelope expansion make of an input (parsing, not mapping: the
    /// property is about cutting records, and every event here normalizes when it parses).
    static let normalizers = [16 << 20, 1024].map { Normalizer(options: .init(maxRecordBytes: $0)) }

    static func outcomes(_ bytes: [UInt8], maxRecordBytes: Int, chunk: Int) -> [Outcome] {
        let normalizer =
            normalizers.first { $0.options.maxRecordBytes == maxRecordBytes }
            ?? Normalizer(options: .init(maxRecordBytes: maxRecordBytes))
        let expander = normalizer.expander
        let reader = RecordReader(
            stream: InputByteStream(bytes: bytes, chunk: chunk), source: "f", limits: normalizer.recordLimits)
        var result: [Outcome] = []
        while let raw = reader.next() {
            expander.expand(raw) { item in
                switch item {
                case .record(let origin, _, _): result.append(Outcome(origin: origin.description, kind: "record"))
                case .failed(let origin, let reason, _):
                    let oversized = reason.kind == .tooLarge
                    result.append(Outcome(origin: origin.description, kind: oversized ? "oversized" : "failed"))
                case .skipped(let origin, _): result.append(Outcome(origin: origin.description, kind: "skipped"))
                }
            }
        }
        return result
    }

    static let exhaustive = ProcessInfo.processInfo.environment["UDM_PROPERTY_EXHAUSTIVE"] == "1"

    /// Every position for small inputs (or always, in the exhaustive run), else about `samples`
    /// spread over the input plus a pseudo-random scatter.
    static func positions(_ count: Int, samples: Int = 300, all: Bool = true) -> [Int] {
        if exhaustive || (all && count <= 8 << 10) || count <= samples { return Array(0...count) }
        var positions = Set((0...samples / 2).map { $0 * count / (samples / 2) })
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(count)
        while positions.count < samples {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            positions.insert(Int(state >> 33) % count)
        }
        return positions.sorted()
    }

    static var inputs: [Input] {
        var inputs: [Input] = []
        // The shared corpus's envelopes when it is there (skipped on a bare clone).
        let envelopes = PackagePaths.corpus.appendingPathComponent("envelopes")
        let names =
            PackagePaths.hasCorpus ? (try? FileManager.default.contentsOfDirectory(atPath: envelopes.path)) : nil
        for name in (names ?? []).sorted() {
            guard let data = try? Data(contentsOf: envelopes.appendingPathComponent(name)) else { continue }
            inputs.append(
                Input(name: name, bytes: Array(data), layout: name.hasSuffix(".ndjson") ? .lines : .value(elements: []))
            )
        }
        if let data = try? Data(contentsOf: RealCloudTrailEvents.file) {
            // Its first 50 lines (about 50 KB): the whole file is cut the same way, only slower.
            let lines = Array(data).split(separator: 0x0A, omittingEmptySubsequences: false)
            let head = exhaustive ? Array(data) : Array(lines.prefix(50).joined(separator: [0x0A])) + [0x0A]
            inputs.append(Input(name: "panther_analysis_rule_tests.ndjson", bytes: head, layout: .lines))
        }
        for count in [6, 40] {
            let file = RealCloudTrailEvents.recordsFile(RealCloudTrailEvents.events(count))
            let elements = file.elementEnds.enumerated().map { ("f:1:Records[\($0.offset)]", $0.element) }
            inputs.append(
                Input(name: "Records of \(count) events", bytes: file.bytes, layout: .value(elements: elements)))
            if count == 40, let compressed = try? Gzip.compress(file.bytes) {
                inputs.append(
                    Input(
                        name: "Records of \(count) events, gzip", bytes: Array(compressed),
                        layout: .gzip(.value(elements: elements), plain: file.bytes)))
            }
        }
        let payload = cloudWatchPayload(RealCloudTrailEvents.events(6))
        inputs.append(
            Input(name: "CloudWatch Logs payload", bytes: payload.bytes, layout: .value(elements: payload.elements)))
        if let compressed = try? Gzip.compress(payload.bytes) {
            let line = Array(compressed.base64EncodedString().utf8) + [0x0A]
            inputs.append(
                Input(name: "CloudWatch Logs payloads, base64 gzip lines", bytes: line + line, layout: .lines))
        }
        return inputs
    }

    /// A CloudWatch Logs subscription payload carrying `events` as log messages.
    static func cloudWatchPayload(_ events: [String]) -> (bytes: [UInt8], elements: [(origin: String, end: Int)]) {
        var bytes = Array(
            #"{"messageType":"DATA_MESSAGE","owner":"111122223333","logGroup":"aws-cloudtrail-logs","logStream":"111122223333_CloudTrail_us-east-1","subscriptionFilters":["all"],"logEvents":["#
                .utf8)
        var elements: [(origin: String, end: Int)] = []
        for (index, event) in events.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(
                contentsOf: (#"{"id":"\#(index)","timestamp":1700000000000,"message":"# + JSONText.quoted(event) + "}")
                    .utf8)
            elements.append(("f:1:logEvents[\(index)]", bytes.count))
        }
        bytes.append(contentsOf: "]}".utf8)
        return (bytes, elements)
    }

    /// (record limit, read chunk): the default in one read, and a small limit in small chunks so
    /// that elements over the limit, buffer compaction and every chunk boundary are exercised.
    static func settings(_ input: Input) -> [(Int, Int)] {
        [(16 << 20, Int.max), (1024, input.bytes.count <= 8 << 10 ? 7 : 64)]
    }

    @Test func thereAreInputs() {
        #expect(Self.inputs.count >= (PackagePaths.hasCorpus ? 14 : 6))
    }

    @Test(arguments: inputs)
    func everyCutKeepsTheCompleteRecords(_ input: Input) {
        for (limit, chunk) in Self.settings(input) {
            let whole = Self.outcomes(input.bytes, maxRecordBytes: limit, chunk: chunk)
            #expect(!whole.isEmpty)
            #expect(
                whole.allSatisfy { $0.kind != "failed" } || input.name.contains("fragments"),
                "the whole file reads without damage: \(whole.filter { $0.kind == "failed" })")
            let stride = chunk == Int.max || Self.exhaustive ? 1 : 10
            for (index, position) in Self.positions(input.bytes.count).enumerated() where index % stride == 0 {
                let cut = Self.outcomes(Array(input.bytes.prefix(position)), maxRecordBytes: limit, chunk: chunk)
                Self.check(
                    cut, against: whole, complete: input.complete(within: position, of: whole), input: input,
                    what: "cut at \(position), limit \(limit), chunk \(chunk)")
                let damage = cut.filter { $0.kind == "failed" && !whole.contains($0) }
                #expect(
                    damage.count <= 1,
                    "a cut is one failed record: \(input.name) cut at \(position), limit \(limit): \(damage)")
            }
        }
    }

    static let damagingBytes: [UInt8] = [0x22, 0x7B, 0x7D, 0x5D, 0x0A, 0x00, 0xFF, 0x2C, 0x5C, 0x5B]

    @Test(arguments: inputs)
    func damagedBytesKeepTheRecordsBeforeThem(_ input: Input) {
        if case .gzip = input.layout { return }
        for (limit, chunk) in Self.settings(input) {
            let whole = Self.outcomes(input.bytes, maxRecordBytes: limit, chunk: chunk)
            let stride = chunk == Int.max || Self.exhaustive ? 1 : 10
            let positions =
                Self.exhaustive
                ? Array(0..<input.bytes.count) : Self.positions(input.bytes.count, samples: 200, all: false)
            for (index, position) in positions.enumerated() where index % stride == 0 && position < input.bytes.count {
                var damaged = input.bytes
                damaged[position] = Self.damagingBytes[index % Self.damagingBytes.count]
                let outcome = Self.outcomes(damaged, maxRecordBytes: limit, chunk: chunk)
                Self.check(
                    outcome, against: whole, complete: input.complete(within: position, of: whole), input: input,
                    what: "byte \(position) set to \(damaged[position]), limit \(limit), chunk \(chunk)")
            }
        }
    }

    /// Every record complete before the damage comes out as it does from the whole input.
    static func check(_ outcome: [Outcome], against whole: [Outcome], complete: Set<String>, input: Input, what: String)
    {
        let expected = whole.filter { complete.contains($0.origin) }
        let found = Set(outcome.map { "\($0.origin) \($0.kind)" })
        let missing = expected.filter { !found.contains("\($0.origin) \($0.kind)") }
        #expect(missing.isEmpty, "\(input.name), \(what): lost \(missing.prefix(3)) of \(expected.count)")
    }
}
