import Foundation
import Testing

@testable import UDMNormalizer

/// Replays every input the fuzzers found (and the seeds kept beside them) through the reader and
/// the whole normalize path: each must finish, with every record accounted for.
@Suite struct FuzzRegressionTests {
    static let folder = PackagePaths.root.appendingPathComponent("Tests/Fuzz/regressions")

    static var inputs: [URL] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted().map {
            folder.appendingPathComponent($0)
        }
    }

    @Test func thereAreRegressionInputs() {
        #expect(Self.inputs.count >= 9)
    }

    @Test(arguments: inputs) func replays(_ input: URL) throws {
        let bytes = Array(try Data(contentsOf: input))
        do {
            let document = try JSONParser.parse(bytes)
            #expect(!document.tape.isEmpty)
        } catch {
            #expect(error.offset >= 0 && error.offset <= bytes.count)
        }
        var read = 0
        var accounted = 0
        Normalizer(options: .init(trackCoverage: true)).normalize(input: bytes, source: input.lastPathComponent) {
            record in
            read += 1
            switch record.outcome {
            case .normalized(let event): if !event.jsonBytes.isEmpty { accounted += 1 }
            case .failed(let failure): if !failure.detail.isEmpty { accounted += 1 }
            case .skipped(let reason): if !reason.detail.isEmpty { accounted += 1 }
            }
        }
        #expect(read == accounted)
    }

    static let limits = [64, 256, 1024, 4096, 1 << 20]
    static let expanders = limits.map { Normalizer(options: .init(maxRecordBytes: $0)).expander }

    /// The record reader as `FuzzRecordReader` drives it, at every limit it draws and at the read
    /// chunk the input's bytes give: records within the limit, reasons on failures, and with a
    /// limit no record reaches, the same records (once expanded: NDJSON is handed over in blocks
    /// of whole lines) however the input is chunked.
    @Test(arguments: inputs) func replaysThroughTheRecordReader(_ input: URL) throws {
        let bytes = Array(try Data(contentsOf: input))
        func records(limit: Int, chunk: Int) -> (outcomes: [String], rawCount: Int) {
            let reader = RecordReader(
                stream: InputByteStream(bytes: bytes, chunk: chunk), source: "fuzz",
                limits: .init(maxRecordBytes: limit))
            let expander = Self.expanders[Self.limits.firstIndex(of: limit) ?? 0]
            var result: [String] = []
            var rawCount = 0
            while let record = reader.next() {
                rawCount += 1
                #expect(record.bytes.count <= limit)
                #expect(record.failure.map { !$0.detail.isEmpty } ?? true)
                expander.expand(record) { item in
                    switch item {
                    case .record(let origin, let document, let node):
                        result.append("\(origin) - \(document.rawBytes(node).count)")
                    case .failed(let origin, let failure, let raw):
                        #expect(!failure.detail.isEmpty)
                        result.append("\(origin) \(failure.detail) \(raw.count)")
                    case .skipped(let origin, let reason): result.append("\(origin) skipped \(reason)")
                    }
                }
            }
            return (result, rawCount)
        }
        let drawnChunk = bytes.count >= 2 ? Int(bytes[bytes.count - 2] % 97) + 1 : 1
        for limit in Self.limits {
            for chunk in [drawnChunk, 1, 29] {
                let chunked = records(limit: limit, chunk: chunk)
                #expect(chunked.rawCount <= FuzzedInput.recordBound(bytes))
                if limit == 1 << 20 {
                    #expect(chunked.outcomes == records(limit: limit, chunk: Int.max).outcomes, "chunk \(chunk)")
                }
            }
        }
    }
}

/// How many records an input can hold at most: one per byte (and an empty trailing one), of the
/// decompressed bytes when it is gzip, which deflate can make up to 1,032 times larger than its
/// input (a damaged stream decompresses to text full of record boundaries).
enum FuzzedInput {
    static func recordBound(_ bytes: [UInt8]) -> Int {
        let gzip = bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
        return (gzip ? bytes.count * 1032 : bytes.count) + 2
    }
}
