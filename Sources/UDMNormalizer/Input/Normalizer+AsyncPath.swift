import Foundation

extension Normalizer {
    /// Normalizes a file, a folder of files or standard input (`-`) from async code: the records
    /// come as ``normalize(path:_:)-48z5r`` gives them, in input order, and `body` may suspend (send an
    /// event over the network, hand it to an actor) before the next record is read.
    ///
    /// ```swift
    /// try await normalizer.normalize(path: "AWSLogs/") { record in
    ///     if case .normalized(let event) = record.outcome { try await sink.send(event.json) }
    /// }
    /// ```
    ///
    /// The file is read in chunks through ``records(in:source:)``, so the calling task suspends
    /// while records are cut and normalized, never blocking a thread of the cooperative pool, and
    /// memory stays bounded by the largest record. Swift picks this form when `body` awaits; a
    /// `body` that does not await calls the synchronous ``normalize(path:_:)-48z5r``, which gives the
    /// same records.
    ///
    /// - Parameters:
    ///   - path: A file, plain or gzip (detected by content), a folder of them (every file below
    ///     it in name order, hidden entries and expectation files left out), or `-` for standard input.
    ///   - body: Called once per record, in input order; an error it throws stops the reading and is rethrown.
    /// - Throws: ``InputError`` when the path cannot be opened (missing, no permission, a folder with
    ///   no file to read), what `body` throws, or `CancellationError` when the task is cancelled.
    public func normalize(path: String, _ body: (NormalizedRecord) async throws -> Void) async throws {
        if InputFolder.isFolder(path) {
            for file in try InputFolder.files(in: path) { try await normalize(path: file, body) }
            return
        }
        for try await record in records(in: try FileChunks(path: path), source: path) {
            try await body(record)
        }
        try Task.checkCancellation()
    }
}

/// A file's (or standard input's) bytes as an `AsyncSequence` of chunks, for
/// the async `Normalizer.normalize(path:_:)`.
struct FileChunks: AsyncSequence, Sendable {
    typealias Element = [UInt8]

    /// Bytes a chunk holds at most.
    static let chunkSize = 256 << 10

    private let path: String
    private let handle: FileHandle

    /// Opens `path` (standard input for `-`).
    ///
    /// - Throws: ``InputError`` for a missing path or a file that cannot be opened.
    init(path: String) throws(InputError) {
        self.path = path
        if path == "-" {
            handle = .standardInput
            return
        }
        guard FileManager.default.fileExists(atPath: path) else { throw InputError(path: path, reason: "no such file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(path: path, reason: "cannot open the file (permission denied?)")
        }
        self.handle = handle
    }

    func makeAsyncIterator() -> Iterator {
        Iterator(path: path, handle: handle)
    }

    /// Reads the next chunk when asked; closes the file at its end.
    struct Iterator: AsyncIteratorProtocol {
        let path: String
        let handle: FileHandle

        mutating func next() async throws -> [UInt8]? {
            let data: Data?
            do {
                data = try handle.read(upToCount: FileChunks.chunkSize)
            } catch {
                throw InputError(path: path, reason: "the read failed: \(error.localizedDescription)")
            }
            guard let data, !data.isEmpty else {
                if path != "-" { try? handle.close() }
                return nil
            }
            return Array(data)
        }
    }
}
