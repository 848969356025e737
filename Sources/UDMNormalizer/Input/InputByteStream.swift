import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An input read as a sequence of byte chunks: a file, standard input, bytes in memory, or chunks
/// a caller feeds (``NormalizationStream``), decompressed on the fly when its content is gzip (detected by the magic number, not the name).
final class InputByteStream {
    /// Why an input could not be read (to the end).
    struct ReadError: Error, CustomStringConvertible {
        var description: String
    }

    private enum Source {
        case handle(FileHandle, close: Bool)
        case memory([UInt8], offset: Int, chunk: Int)
        case pushed(ReaderHandoff)
    }

    static let chunkSize = 1 << 20

    private var source: Source
    private var decoder: GzipDecoder?
    private var started = false
    private var ended = false
    /// A decompression error met after some output, thrown once that output was handed over.
    private var pendingError: ReadError?
    /// Bytes read from the source before decompression, for progress figures.
    private(set) var bytesRead = 0
    /// True once the content was found to be gzip.
    private(set) var isCompressed = false

    /// Opens a path, or standard input for `-`. Throws for a missing path, a directory or an unreadable file.
    init(path: String) throws(ReadError) {
        if path == "-" {
            source = .handle(.standardInput, close: false)
            return
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ReadError(description: "no such file")
        }
        guard !isDirectory.boolValue else { throw ReadError(description: "is a directory with no files to read") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ReadError(description: "cannot open the file (permission denied?)")
        }
        source = .handle(handle, close: true)
    }

    /// Reads from bytes already in memory, handed out `chunk` bytes at a time (all at once by
    /// default; small chunks let tests and fuzzers exercise every chunk boundary of the reader).
    init(bytes: [UInt8], chunk: Int = Int.max) {
        source = .memory(bytes, offset: 0, chunk: max(1, chunk))
    }

    /// Reads the chunks a caller feeds, waiting for each (on the stream's reader thread).
    init(handoff: ReaderHandoff) {
        source = .pushed(handoff)
    }

    deinit {
        if case .handle(let handle, true) = source { try? handle.close() }
    }

    /// The next bytes of the source as stored (empty at its end).
    private func readRaw() throws(ReadError) -> [UInt8] {
        switch source {
        case .memory(let bytes, let offset, let chunk):
            let end = offset + min(chunk, bytes.count - offset)
            source = .memory(bytes, offset: end, chunk: chunk)
            return Array(bytes[offset..<end])
        case .handle(let handle, _):
            return try readAvailable(handle.fileDescriptor)
        case .pushed(let handoff):
            return handoff.nextChunk()
        }
    }

    /// True for a pipe, terminal or socket: input that may pause while its writer is still open.
    private(set) lazy var isLive: Bool = {
        guard case .handle(let handle, _) = source else { return false }
        var status = stat()
        guard fstat(handle.fileDescriptor, &status) == 0 else { return false }
        return status.st_mode & S_IFMT != S_IFREG
    }()

    /// Whether a byte (or the end of the input) can be read within `seconds`, without reading it.
    func hasInput(within seconds: Double) -> Bool {
        guard case .handle(let handle, _) = source else { return true }
        var descriptor = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, Int32(max(0, seconds * 1000))) != 0
    }

    /// Up to one chunk of what the descriptor has: a pipe hands over what its writer wrote so far
    /// instead of waiting for a full chunk (so a live filter sees each line as it comes).
    private func readAvailable(_ descriptor: Int32) throws(ReadError) -> [UInt8] {
        while true {
            // Not zeroed first: `read` fills what it returns, and only that much is kept.
            var count = 0
            var failure: Int32 = 0
            let chunk = [UInt8](unsafeUninitializedCapacity: Self.chunkSize) { buffer, initialized in
                count = read(descriptor, buffer.baseAddress, buffer.count)
                if count < 0 { failure = errno }
                initialized = max(0, count)
            }
            if count >= 0 { return chunk }
            if failure == EINTR { continue }
            throw ReadError(description: "read error after \(bytesRead) bytes: \(String(cString: strerror(failure)))")
        }
    }

    /// The next chunk of (decompressed) content, or nil at the end of the input.
    func next() throws(ReadError) -> [UInt8]? {
        if let pendingError {
            self.pendingError = nil
            throw pendingError
        }
        while !ended {
            var raw = try readRaw()
            // The gzip magic number is two bytes; a pipe may hand over one at first.
            while !started, raw.count == 1 {
                let more = try readRaw()
                if more.isEmpty { break }
                raw += more
            }
            if raw.isEmpty {
                ended = true
                if let decoder {
                    do { try decoder.finish() } catch { throw ReadError(description: error.description) }
                }
                return nil
            }
            bytesRead += raw.count
            if !started {
                started = true
                if GzipDecoder.isGzip(raw) {
                    do { decoder = try GzipDecoder() } catch { throw ReadError(description: error.description) }
                    isCompressed = true
                }
            }
            guard let decoder else { return raw }
            var output: [UInt8] = []
            output.reserveCapacity(raw.count * 4)
            do {
                try decoder.decompress(raw, into: &output)
            } catch {
                // What was decompressed before the damage is content too: hand it over first.
                ended = true
                guard output.isEmpty else {
                    pendingError = ReadError(description: error.description)
                    return output
                }
                throw ReadError(description: error.description)
            }
            if !output.isEmpty { return output }
        }
        return nil
    }
}
