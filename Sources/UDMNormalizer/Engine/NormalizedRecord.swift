/// The outcome of one record of an input, with its origin (`file:line`, `file:1:Records[i]`).
public struct NormalizedRecord: Sendable {
    enum Raw: Sendable {
        case bytes([UInt8])
        case node(JSONDocument, Int)
    }

    /// Where the record came from: `file:line[:column]`, with `:Records[i]`-style suffixes (counted
    /// from 0) inside envelopes. Formatted when read, so records nobody asks about cost no string.
    public var origin: String { location.description }
    let location: RecordOrigin
    /// What became of it.
    public let outcome: NormalizationOutcome
    let raw: Raw
    /// The log type of the table that took the record, when one did (also for failures after detection).
    public let logType: LogType?

    /// A record at `origin`; a failure that does not know its origin yet gets this one.
    init(origin: RecordOrigin, outcome: NormalizationOutcome, raw: Raw, logType: String?) {
        self.location = origin
        if case .failed(var failure) = outcome, failure.origin == nil {
            failure.origin = origin.description
            self.outcome = .failed(failure)
        } else {
            self.outcome = outcome
        }
        self.raw = raw
        self.logType = logType.map(LogType.init(rawValue:))
    }

    /// The record's bytes as they were in the input (for a dead-letter file).
    public var rawBytes: [UInt8] {
        switch raw {
        case .bytes(let bytes): return bytes
        case .node(let document, let node): return document.rawBytes(node)
        }
    }
}

/// Why an input could not be read at all (a missing path, a directory, no permission).
public struct InputError: Error, Sendable, CustomStringConvertible {
    /// The path as given.
    public var path: String
    /// What went wrong.
    public var reason: String
    /// `path: reason`, as the CLI prints it.
    public var description: String { "\(path): \(reason)" }
}

extension Normalizer {
    /// Input limits for the reader and the JSON parser.
    var recordLimits: RecordReader.Limits { RecordReader.Limits(maxRecordBytes: options.maxRecordBytes) }
    var parserLimits: JSONParser.Limits { JSONParser.Limits(maxDepth: options.maxDepth) }

    var expander: RecordExpander {
        RecordExpander(
            eventBridgeDetailTypes: mappings.eventBridgeDetailTypes, parserLimits: parserLimits,
            readerLimits: recordLimits)
    }

    /// Normalizes every record of one input held in memory — NDJSON, concatenated or pretty-printed
    /// JSON, `{"Records":[…]}`, GuardDuty `findings`, EventBridge events, CloudWatch Logs payloads,
    /// LookupEvents output, plain or gzip — handing each outcome to `body` in input order.
    ///
    /// - Parameters:
    ///   - input: the whole input, as read (gzip is detected by content).
    ///   - source: the name used in origins, such as the file path or `-` for standard input.
    ///   - body: called once per record, in input order.
    public func normalize(input: [UInt8], source: String, _ body: (NormalizedRecord) throws -> Void) rethrows {
        try normalize(input: input, source: source, chunk: Int.max, body)
    }

    /// The same, reading the bytes `chunk` at a time, as a file would be read (tests and fuzzing).
    func normalize(input: [UInt8], source: String, chunk: Int, _ body: (NormalizedRecord) throws -> Void) rethrows {
        let reader = RecordReader(
            stream: InputByteStream(bytes: input, chunk: chunk), source: source, limits: recordLimits)
        try normalize(reader: reader, body)
    }

    /// Normalizes a file (or standard input for `-`) as a stream: memory stays bounded by the
    /// largest record, whatever the file's size. A folder stands for every file below it, read one
    /// after the other in name order (hidden entries and the expectation files of a samples folder,
    /// `*.udm.ndjson`, `*.notes.txt`, `*.expect.kv` and `README.md`, left out), as the command line
    /// reads a folder; each record's origin names its file.
    ///
    /// - Parameters:
    ///   - path: A file, plain or gzip (detected by content), a folder of them, or `-` for standard input.
    ///   - body: Called once per record, in input order; an error it throws stops the reading and is rethrown.
    /// - Throws: ``InputError`` when the path cannot be opened (missing, no permission, a folder with
    ///   no file to read), or what `body` throws.
    public func normalize(path: String, _ body: (NormalizedRecord) throws -> Void) throws {
        if InputFolder.isFolder(path) {
            for file in try InputFolder.files(in: path) { try normalize(path: file, body) }
            return
        }
        let stream: InputByteStream
        do {
            stream = try InputByteStream(path: path)
        } catch {
            throw InputError(path: path, reason: error.description)
        }
        try normalize(reader: RecordReader(stream: stream, source: path, limits: recordLimits), body)
    }

    func normalize(reader: RecordReader, _ body: (NormalizedRecord) throws -> Void) rethrows {
        let expander = self.expander
        while let raw = reader.next() {
            try normalize(raw, expander: expander, body)
        }
    }

    /// Expands one raw record and normalizes what it holds, handing each result to `body` as it comes.
    func normalize(_ raw: RawRecord, expander: RecordExpander, _ body: (NormalizedRecord) throws -> Void) rethrows {
        // The closure captures the shared state alone: capturing `self` copied the normalizer on
        // each call down the expander's recursion.
        let state = self.state
        try expander.expand(raw) { item in
            switch item {
            case .record(let origin, let document, let node):
                let (outcome, logType) = state.normalizeDetected(document: document, root: node)
                try body(
                    NormalizedRecord(origin: origin, outcome: outcome, raw: .node(document, node), logType: logType))
            case .failed(let origin, let failure, let bytes):
                try body(NormalizedRecord(origin: origin, outcome: .failed(failure), raw: .bytes(bytes), logType: nil))
            case .skipped(let origin, let reason):
                try body(
                    NormalizedRecord(origin: origin, outcome: .skipped(reason: reason), raw: .bytes([]), logType: nil))
            }
        }
    }
}
