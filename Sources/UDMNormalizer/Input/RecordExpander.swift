import Foundation

/// Turns a raw record into the records to normalize: parses it and unwraps the envelopes AWS
/// wraps logs in (`Records`, `findings` / `Findings`, LookupEvents `Events[].CloudTrailEvent`,
/// CloudWatch Logs `logEvents[].message` — also base64 + gzip as Kinesis and Firehose deliver it —
/// and EventBridge `detail`). Runs on worker threads: it is a value with no shared state.
struct RecordExpander: Sendable {
    /// One record ready for the mapping engine, or the reason there is none.
    enum Item {
        case record(origin: RecordOrigin, document: JSONDocument, node: Int)
        case failed(origin: RecordOrigin, failure: NormalizationFailure, raw: [UInt8])
        case skipped(origin: RecordOrigin, reason: SkipReason)
    }

    /// EventBridge detail-types some table declares it handles; others are skipped, not failed.
    let eventBridgeDetailTypes: Set<String>
    let parserLimits: JSONParser.Limits
    let readerLimits: RecordReader.Limits

    func expand(_ raw: RawRecord, _ body: (Item) throws -> Void) rethrows {
        if let failure = raw.failure {
            try body(.failed(origin: raw.origin, failure: failure, raw: raw.bytes))
            return
        }
        switch raw.element {
        case .value:
            try expandValue(raw.bytes, origin: raw.origin, depth: 0, body)
        case .line(let source, let number, let column, let endOfInput):
            // Most lines are one value: parse it straight away. Otherwise read the line as values
            // (several with no separator, as Firehose writes them, or an envelope with a damaged
            // element), with the same rule as a whole input: only the damage fails.
            if let first = raw.bytes.first, first == 0x7B || first == 0x5B,
                let document = try? JSONParser.parse(raw.bytes, limits: parserLimits)
            {
                try unwrap(document, document.root, origin: raw.origin, depth: 0, body)
                return
            }
            let reader = RecordReader(
                line: raw.bytes, source: source, number: number, column: column, endOfInput: endOfInput,
                limits: readerLimits)
            while let part = reader.next() {
                try expand(part, body)
            }
        case .lines(let source, let number, let column):
            try expandLines(raw.bytes, source: source, number: number, column: column, body)
        case .lookupEvent:
            try expandPayload(of: raw, key: EnvelopeKey.lookupEventPayload, what: "LookupEvents entry", body)
        case .logEvent(let control):
            if control {
                try body(.skipped(origin: raw.origin, reason: .cloudWatchControlMessage))
                return
            }
            try expandPayload(of: raw, key: EnvelopeKey.logEventPayload, what: "CloudWatch Logs log event", body)
        }
    }

    /// Cuts a block of whole NDJSON lines into its lines, as the reader cuts one line: carriage
    /// returns at the end and blanks at the start are not part of the value, blank lines are skipped.
    private func expandLines(_ bytes: [UInt8], source: String, number: Int, column: Int, _ body: (Item) throws -> Void)
        rethrows
    {
        var lineNumber = number
        var lineStart = 0
        while lineStart <= bytes.count {
            let lineEnd =
                bytes.withUnsafeBytes { raw -> Int? in
                    guard lineStart < raw.count, let base = raw.baseAddress,
                        let found = memchr(base + lineStart, 0x0A, raw.count - lineStart)
                    else { return nil }
                    return UnsafeRawPointer(found) - base
                } ?? bytes.count
            var valueStart = lineStart
            var valueEnd = lineEnd
            while valueEnd > valueStart, bytes[valueEnd - 1] == 0x0D { valueEnd -= 1 }
            while valueStart < valueEnd, bytes[valueStart] == 0x20 || bytes[valueStart] == 0x09 { valueStart += 1 }
            if valueStart < valueEnd {
                let valueColumn = valueStart - lineStart + (lineNumber == number ? column : 1)
                let origin = RecordOrigin(source: source, line: lineNumber, column: valueColumn)
                try expand(
                    RawRecord(
                        origin: origin, bytes: Array(bytes[valueStart..<valueEnd]),
                        element: .line(source: source, number: lineNumber, column: valueColumn, endOfInput: nil)),
                    body)
            }
            lineNumber += 1
            lineStart = lineEnd + 1
        }
    }

    /// Parses bytes holding one JSON value (or base64 + gzip of a whole payload) and unwraps it.
    private func expandValue(_ bytes: [UInt8], origin: RecordOrigin, depth: Int, _ body: (Item) throws -> Void) rethrows
    {
        if bytes.starts(with: EnvelopeKey.base64GzipPrefix) {
            try expandBase64Gzip(bytes, origin: origin, depth: depth, body)
            return
        }
        let document: JSONDocument
        do {
            document = try JSONParser.parse(bytes, limits: parserLimits)
        } catch {
            try body(
                .failed(
                    origin: origin,
                    failure: NormalizationFailure(
                        kind: .invalidJSON, detail: "invalid JSON: \(error.describe(in: bytes))"),
                    raw: bytes))
            return
        }
        try unwrap(document, document.root, origin: origin, depth: depth, body)
    }

    private func expandPayload(of raw: RawRecord, key: String, what: String, _ body: (Item) throws -> Void) rethrows {
        let document: JSONDocument
        do {
            document = try JSONParser.parse(raw.bytes, limits: parserLimits)
        } catch {
            try body(
                .failed(
                    origin: raw.origin,
                    failure: NormalizationFailure(
                        kind: .invalidJSON, detail: "invalid JSON: \(error.describe(in: raw.bytes))"),
                    raw: raw.bytes))
            return
        }
        try expandEmbedded(document, document.root, key: key, what: what, origin: raw.origin, depth: 0, body)
    }

    /// A record embedded as JSON text in a string member (`CloudTrailEvent`, `message`).
    private func expandEmbedded(
        _ document: JSONDocument, _ node: Int, key: String, what: String, origin: RecordOrigin, depth: Int,
        _ body: (Item) throws -> Void
    ) rethrows {
        // LookupEvents output of Insights events (`--event-category insight`) holds the event
        // objects themselves, with no `CloudTrailEvent` string.
        if key == EnvelopeKey.lookupEventPayload, document.kind(node) == .object, document.member(node, key) == nil {
            try unwrap(document, node, origin: origin, depth: depth + 1, body)
            return
        }
        guard document.kind(node) == .object, let payload = document.member(node, key),
            document.kind(payload) == .string
        else {
            try body(
                .failed(
                    origin: origin,
                    failure: NormalizationFailure(
                        kind: .invalidPayload, detail: "\(what) without a string '\(key)' member"),
                    raw: document.rawBytes(node)))
            return
        }
        try expandValue(Array(document.string(payload).utf8), origin: origin, depth: depth + 1, body)
    }

    private func expandBase64Gzip(_ bytes: [UInt8], origin: RecordOrigin, depth: Int, _ body: (Item) throws -> Void)
        rethrows
    {
        guard let compressed = Data(base64Encoded: Data(bytes), options: .ignoreUnknownCharacters) else {
            try body(
                .failed(
                    origin: origin,
                    failure: NormalizationFailure(
                        kind: .invalidPayload,
                        detail: "not valid base64 (expected a base64 gzip CloudWatch Logs payload)"),
                    raw: bytes))
            return
        }
        var inner: [UInt8] = []
        do {
            let decoder = try GzipDecoder()
            try decoder.decompress(Array(compressed), into: &inner)
            try decoder.finish()
        } catch {
            try body(
                .failed(
                    origin: origin,
                    failure: NormalizationFailure(
                        kind: .invalidPayload, detail: "base64 payload is not valid gzip: \(error)"),
                    raw: bytes))
            return
        }
        let reader = RecordReader(
            stream: InputByteStream(bytes: inner), source: origin.description, limits: readerLimits)
        while let record = reader.next() {
            try expand(record, body)
        }
    }

    /// Unwraps envelopes by content; what is left is a record.
    private func unwrap(
        _ document: JSONDocument, _ node: Int, origin: RecordOrigin, depth: Int, _ body: (Item) throws -> Void
    ) rethrows {
        switch document.kind(node) {
        case .array:
            var index = 0
            try document.forEachElement(node) { element in
                try unwrap(document, element, origin: origin.appending(key: "", index: index), depth: depth + 1, body)
                index += 1
            }
            return
        case .object:
            break
        default:
            try body(
                .failed(
                    origin: origin,
                    failure: NormalizationFailure(
                        kind: .notAnObject, detail: "expected a JSON object, found \(document.kindName(node))"),
                    raw: document.rawBytes(node)))
            return
        }
        var envelope: (key: String, array: Int)?
        document.forEachMember(node) { key, value in
            guard envelope == nil, document.kind(value) == .array else { return }
            let name = document.string(key)
            if EnvelopeKey.streamedArrays.contains(name) { envelope = (name, value) }
        }
        if let (key, array) = envelope {
            var control = false
            if key == EnvelopeKey.logEvents, let type = document.member(node, EnvelopeKey.messageType),
                document.kind(type) == .string
            {
                control = document.string(type) == EnvelopeKey.controlMessage
            }
            var index = 0
            try document.forEachElement(array) { element in
                let elementOrigin = origin.appending(key: key, index: index)
                index += 1
                switch EnvelopeKey.element(forArray: key, control: control) {
                case .value, .line, .lines:
                    try unwrap(document, element, origin: elementOrigin, depth: depth + 1, body)
                case .lookupEvent:
                    try expandEmbedded(
                        document, element, key: EnvelopeKey.lookupEventPayload, what: "LookupEvents entry",
                        origin: elementOrigin, depth: depth, body)
                case .logEvent(let isControl):
                    if isControl {
                        try body(.skipped(origin: elementOrigin, reason: .cloudWatchControlMessage))
                    } else {
                        try expandEmbedded(
                            document, element, key: EnvelopeKey.logEventPayload, what: "CloudWatch Logs log event",
                            origin: elementOrigin, depth: depth, body)
                    }
                }
            }
            return
        }
        if let detail = document.member(node, EnvelopeKey.eventBridgeDetail), document.kind(detail) == .object {
            if let typeNode = document.member(node, EnvelopeKey.eventBridgeDetailType),
                document.kind(typeNode) == .string
            {
                let detailType = document.string(typeNode)
                guard eventBridgeDetailTypes.contains(detailType) else {
                    try body(
                        .skipped(
                            origin: origin,
                            reason: SkipReason(
                                kind: .unhandledDetailType,
                                detail: "EventBridge detail-type '\(detailType)' is not a log these tables normalize")))
                    return
                }
            }
            try unwrap(document, detail, origin: origin, depth: depth + 1, body)
            return
        }
        try body(.record(origin: origin, document: document, node: node))
    }
}

extension JSONDocument {
    /// The source bytes of a node (for dead-letter output).
    func rawBytes(_ node: Int) -> [UInt8] {
        withRawBytes(node) { Array($0) }
    }
}
