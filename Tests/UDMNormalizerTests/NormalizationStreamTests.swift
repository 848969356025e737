import Foundation
import Testing

@testable import UDMNormalizer

/// Bytes fed as they arrive (``NormalizationStream``) and chunks read as an `AsyncSequence`
/// (``NormalizedRecords``) give the records the command line's path gives, whatever the chunking.
@Suite struct NormalizationStreamTests {
    /// One line per record: origin, what became of it, and the event's JSON or the reason.
    static func line(_ record: NormalizedRecord) -> String {
        switch record.outcome {
        case .normalized(let event): return "\(record.origin) ok \(event.json)"
        case .failed(let reason): return "\(record.origin) failed \(reason)"
        case .skipped(let reason): return "\(record.origin) skipped \(reason)"
        }
    }

    /// The records as the command line's engine gives them for a file.
    static func batchLines(path: String) -> [String] {
        var lines: [String] = []
        let batch = BatchNormalizer(normalizer: Normalizer(), jobs: 1, rendering: .json)
        batch.run(paths: [path]) { item in
            guard case .record(let record) = item else { return }
            let text: String
            switch record.kind {
            case .normalized: text = "ok " + String(decoding: record.rendered, as: UTF8.self)
            case .failed: text = "failed " + (record.reason ?? "")
            case .skipped: text = "skipped " + (record.reason ?? "")
            }
            lines.append(record.origin + " " + text)
        }
        return lines
    }

    /// The records of `bytes` fed `chunk` bytes at a time.
    static func streamed(_ bytes: [UInt8], chunk: Int, source: String = "s", normalizer: Normalizer = Normalizer())
        -> [String]
    {
        var lines: [String] = []
        var stream = normalizer.stream(source: source)
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + chunk)
            stream.feed(Array(bytes[offset..<end])) { lines.append(line($0)) }
            offset = end
        }
        stream.finish { lines.append(line($0)) }
        return lines
    }

    static var corpusFiles: [URL] {
        guard PackagePaths.hasCorpus,
            let walker = FileManager.default.enumerator(
                at: PackagePaths.corpus, includingPropertiesForKeys: [.isRegularFileKey])
        else { return [] }
        return walker.compactMap { $0 as? URL }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .sorted { $0.path < $1.path }
    }

    @Test(arguments: [1, 7, 4096, Int.max])
    func everyCorpusFileGivesTheRecordsOfTheCommandLine(_ chunk: Int) throws {
        let files = Self.corpusFiles
        try #require(!files.isEmpty || !PackagePaths.hasCorpus)
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: file))
            let expected = Self.batchLines(path: file.path)
            let streamed = Self.streamed(bytes, chunk: chunk, source: file.path)
            #expect(streamed == expected, "\(file.lastPathComponent) fed \(chunk) bytes at a time")
        }
    }

    @Test(arguments: [1, 7, 4096])
    func gzipFedInChunks(_ chunk: Int) throws {
        let events = (1...30).map { RecordReaderTests.event($0) }
        let plain = Array(("{\"Records\":[" + events.joined(separator: ",") + "]}\n").utf8)
        let compressed = try [UInt8](Gzip.compress(plain))
        let expected = Self.streamed(plain, chunk: Int.max)
        #expect(expected.count == 30)
        #expect(Self.streamed(compressed, chunk: chunk) == expected)
        // Cut inside the compressed data: the complete records, then one failed record naming the cut.
        let cut = Array(compressed[..<(compressed.count * 2 / 3)])
        var whole: [String] = []
        Normalizer().normalize(input: cut, source: "s") { whole.append(Self.line($0)) }
        let streamedCut = Self.streamed(cut, chunk: chunk)
        #expect(streamedCut == whole)
        #expect(streamedCut.last?.contains("truncated gzip data") == true)
        #expect(streamedCut.dropLast().allSatisfy { $0.contains(" ok ") })
    }

    @Test(arguments: [1, 7, 64, 4096])
    func damagedInputFedInChunks(_ chunk: Int) {
        let events = (1...12).map { RecordReaderTests.event($0) }
        var inputs = ChunkBoundaryTests.inputs
        // A bad line among NDJSON lines, garbage between pretty-printed values, an envelope cut
        // inside an element, a bad token inside an element, and a line over the record limit.
        inputs.append(Array((events[0] + "\n{\"eventTime\": nope}\n" + events[1] + "\n").utf8))
        inputs.append(Array(("{\n \"eventTime\": \"2024-01-01T00:00:00Z\"\n}\n@@@ garbage\n" + events[2] + "\n").utf8))
        inputs.append(Array(("{\"Records\":[" + events.joined(separator: ",")).utf8.dropLast(40)))
        inputs.append(
            Array(("{\"Records\":[" + events[3] + ",{\"eventTime\":tru}," + events[4] + "]}").utf8))
        inputs.append(Array((events[5] + "\n" + String(repeating: "x", count: 5000) + "\n" + events[6]).utf8))
        let limited = Normalizer(options: .init(maxRecordBytes: 4096))
        for input in inputs {
            var whole: [String] = []
            limited.normalize(input: input, source: "s") { whole.append(Self.line($0)) }
            #expect(whole.contains { $0.contains(" failed ") } || whole.allSatisfy { $0.contains(" ok ") })
            #expect(Self.streamed(input, chunk: chunk, normalizer: limited) == whole)
        }
    }

    @Test func recordsComeAsSoonAsTheirBytesAreFed() {
        var stream = Normalizer().stream(source: "live")
        var seen: [String] = []
        let first = Array((RecordReaderTests.event(1) + "\n" + RecordReaderTests.event(2) + "\n").utf8)
        stream.feed(Array(first[..<(first.count - 10)])) { seen.append($0.origin) }
        // The first line is complete; the second waits for its end.
        #expect(seen == ["live:1"])
        stream.feed(Array(first[(first.count - 10)...])) { seen.append($0.origin) }
        #expect(seen == ["live:1", "live:2"])
        stream.feed(Array(RecordReaderTests.event(3).utf8)) { seen.append($0.origin) }
        #expect(seen.count == 2)
        stream.finish { seen.append($0.origin) }
        #expect(seen == ["live:1", "live:2", "live:3"])
    }

    @Test func aLargeChunkIsHandedOverInBatches() {
        let count = ReaderHandoff.batchSize * 3 + 5
        let input = Array((1...count).map { RecordReaderTests.event($0) }.joined(separator: "\n").utf8)
        var origins: [String] = []
        var stream = Normalizer().stream(source: "big")
        stream.feed(input) { origins.append($0.origin) }
        stream.finish { origins.append($0.origin) }
        #expect(origins == (1...count).map { "big:\($0)" })
    }

    @Test func aStreamDroppedBeforeItsEndStopsItsReader() {
        for _ in 0..<20 {
            var stream = Normalizer().stream(source: "dropped")
            stream.feed(Array(("{\"Records\":[" + RecordReaderTests.event(1) + ",{\"eventTi").utf8)) { _ in }
        }
        // Feeding after finish is ignored; a fresh stream still works.
        var lines: [String] = []
        var stream = Normalizer().stream(source: "after")
        stream.feed(Array(RecordReaderTests.event(1).utf8)) { lines.append(Self.line($0)) }
        stream.finish { lines.append(Self.line($0)) }
        #expect(lines.count == 1)
    }

    // MARK: AsyncSequence

    static func chunks(_ bytes: [UInt8], size: Int) -> AsyncStream<[UInt8]> {
        AsyncStream { continuation in
            var offset = 0
            while offset < bytes.count {
                continuation.yield(Array(bytes[offset..<min(bytes.count, offset + size)]))
                offset += size
            }
            continuation.finish()
        }
    }

    @Test func asyncRecordsComeInInputOrder() async throws {
        let count = 700
        let input = Array(
            ("{\"Records\":[" + (1...count).map { RecordReaderTests.event($0) }.joined(separator: ",") + "]}").utf8)
        var lines: [String] = []
        for try await record in Normalizer().records(in: Self.chunks(input, size: 1000), source: "a") {
            lines.append(Self.line(record))
        }
        #expect(lines == Self.streamed(input, chunk: Int.max, source: "a"))
        #expect(lines.count == count)
        #expect(lines.first?.hasPrefix("a:1:Records[0] ok ") == true)
    }

    @Test func asyncRecordsStopWhenTheTaskIsCancelled() async throws {
        // A live source that never ends: the consumer cancels its own task after three records.
        let (chunks, continuation) = AsyncStream<[UInt8]>.makeStream()
        for id in 1...10 { continuation.yield(Array((RecordReaderTests.event(id) + "\n").utf8)) }
        let task = Task {
            var origins: [String] = []
            for try await record in Normalizer().records(in: chunks, source: "live") {
                origins.append(record.origin)
                if origins.count == 3 { withUnsafeCurrentTask { $0?.cancel() } }
            }
            return origins
        }
        let origins = try await task.value
        #expect(origins == ["live:1", "live:2", "live:3"])
        continuation.finish()

        // Cancelled from outside while it waits for a chunk.
        let (silent, silentContinuation) = AsyncStream<[UInt8]>.makeStream()
        silentContinuation.yield(Array((RecordReaderTests.event(1) + "\n" + RecordReaderTests.event(2) + "\n").utf8))
        let waiting = Task {
            var count = 0
            for try await _ in Normalizer().records(in: silent, source: "silent") { count += 1 }
            return count
        }
        try await Task.sleep(nanoseconds: 50_000_000)
        waiting.cancel()
        #expect(try await waiting.value <= 2)
        silentContinuation.finish()
    }

    struct ChunkError: Error {}

    @Test func anErrorFromTheChunksComesAfterTheRecordsBeforeIt() async {
        let (chunks, continuation) = AsyncThrowingStream<[UInt8], any Error>.makeStream()
        continuation.yield(Array((RecordReaderTests.event(1) + "\n" + RecordReaderTests.event(2) + "\n").utf8))
        continuation.finish(throwing: ChunkError())
        var origins: [String] = []
        await #expect(throws: ChunkError.self) {
            for try await record in Normalizer().records(in: chunks, source: "e") { origins.append(record.origin) }
        }
        #expect(origins == ["e:1", "e:2"])
    }
}
