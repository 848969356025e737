/// Cuts one JSON value that is too large to be a record into the records of its envelope arrays
/// (`Records`, `findings`, `Findings`, `Events`, `logEvents`, or the elements of a top-level array),
/// reading it a chunk at a time. Other members are skipped without being held, except
/// `messageType`, which says whether CloudWatch log events are control messages.
final class EnvelopeStreamer {
    private enum State {
        case open
        case member
        case array(key: String?, index: Int)
        case done
    }

    private var state = State.open
    /// Next byte to read, as an index into the reader's buffer.
    private var position: Int
    /// The reader must keep the buffer from here on (the start of a record being cut).
    private(set) var keepFrom: Int
    private let origin: String
    private var control = false
    /// Whether an envelope array was found; a large value without one is a single oversized record.
    private var foundEnvelope = false
    /// The value's first bytes, kept for the failure report of a large value without an envelope.
    private let head: [UInt8]

    init(start: Int, origin: String, reader: RecordReader) {
        position = start
        keepFrom = start
        self.origin = origin
        head = Array(reader.bytes[start..<min(reader.count, start + reader.maxRecordBytes)])
    }

    func shift(by count: Int) {
        position -= count
        keepFrom -= count
    }

    private enum Failure: Error {
        case truncated
        case syntax(String)
    }

    /// Makes progress: emits records into the reader, or ends (cleanly or with the rest as a failure).
    func step(_ reader: RecordReader) {
        do {
            try advance(reader)
        } catch {
            switch error {
            case .truncated:
                reader.failFrom(position, origin: origin, reason: reader.endReason.map { "truncated: \($0)" } ?? "truncated: the input ends inside the JSON value that starts at \(origin)")
            case .syntax(let reason):
                reader.failFrom(position, origin: origin, reason: "invalid JSON inside the value that starts at \(origin): \(reason)")
            }
        }
    }

    private func advance(_ reader: RecordReader) throws(Failure) {
        switch state {
        case .done:
            reader.moveCursor(to: position)
            reader.endStreaming()
            if !foundEnvelope {
                reader.emit(RawRecord(origin: origin, bytes: head,
                                      failure: "record larger than the \(reader.maxRecordBytes)-byte limit, with no Records/findings/Events/logEvents array to split it by (the first \(head.count) bytes are kept here)"))
            }
        case .open:
            let byte = try peek(reader)
            position += 1
            keepFrom = position
            state = byte == 0x5B ? .array(key: nil, index: 0) : .member
            foundEnvelope = byte == 0x5B
        case .member:
            let byte = try peekAfterComma(reader)
            if byte == 0x7D {
                position += 1
                state = .done
                return
            }
            guard byte == 0x22 else { throw .syntax("expected a member name, found \(RecordReader.describe(byte))") }
            let key = try readString(reader)
            guard try peek(reader) == 0x3A else { throw .syntax("expected ':' after \"\(key)\"") }
            position += 1
            let valueStart = try peek(reader)
            if valueStart == 0x5B, EnvelopeKey.streamedArrays.contains(key) {
                foundEnvelope = true
                position += 1
                keepFrom = position
                state = .array(key: key, index: 0)
            } else if key == EnvelopeKey.messageType, valueStart == 0x22 {
                control = try readString(reader) == EnvelopeKey.controlMessage
            } else {
                try skipValue(reader)
            }
        case .array(let key, let index):
            let byte = try peekAfterComma(reader)
            if byte == 0x5D {
                position += 1
                state = key == nil ? .done : .member
                return
            }
            let elementOrigin = "\(origin):\(key ?? "")[\(index)]"
            let element = key.map { EnvelopeKey.element(forArray: $0, control: control) } ?? .value
            try cutElement(reader, origin: elementOrigin, element: element)
            state = .array(key: key, index: index + 1)
        }
    }

    /// The next byte that is not whitespace, after the separating comma if there is one.
    private func peekAfterComma(_ reader: RecordReader) throws(Failure) -> UInt8 {
        let byte = try peek(reader)
        guard byte == 0x2C else { return byte }
        position += 1
        return try peek(reader)
    }

    /// The next byte that is not whitespace, reading more input as needed.
    private func peek(_ reader: RecordReader) throws(Failure) -> UInt8 {
        while true {
            while position < reader.count {
                let byte = reader.byte(at: position)
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    position += 1
                } else {
                    return byte
                }
            }
            keepFrom = position
            guard reader.more() else { throw .truncated }
        }
    }

    /// Reads a string's content (escapes left as written: member names of interest have none).
    private func readString(_ reader: RecordReader) throws(Failure) -> String {
        position += 1
        keepFrom = position
        var escaped = false
        while true {
            while position < reader.count {
                let byte = reader.byte(at: position)
                position += 1
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 {
                    let value = String(decoding: reader.bytes[keepFrom..<(position - 1)], as: UTF8.self)
                    keepFrom = position
                    return value
                }
                if position - keepFrom > reader.maxRecordBytes { throw .syntax("a member name longer than the record limit") }
            }
            guard reader.more() else { throw .truncated }
        }
    }

    /// Skips a string without holding it, however long it is.
    private func skipString(_ reader: RecordReader) throws(Failure) {
        position += 1
        var escaped = false
        while true {
            while position < reader.count {
                let byte = reader.byte(at: position)
                position += 1
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 {
                    keepFrom = position
                    return
                }
            }
            keepFrom = position
            guard reader.more() else { throw .truncated }
        }
    }

    /// Skips a member value of any kind without keeping it.
    private func skipValue(_ reader: RecordReader) throws(Failure) {
        let first = try peek(reader)
        switch first {
        case 0x22:
            try skipString(reader)
        case 0x7B, 0x5B:
            var scanner = JSONValueScanner(start: position)
            while true {
                let result = reader.bytes.withUnsafeBufferPointer { scanner.scan($0) }
                if case .complete(let end) = result {
                    position = end
                    keepFrom = end
                    return
                }
                position = scanner.position
                keepFrom = position
                let before = position
                guard reader.more() else { throw .truncated }
                scanner.shift(by: before - position)
            }
        default:
            while true {
                while position < reader.count {
                    let byte = reader.byte(at: position)
                    if byte == 0x2C || byte == 0x7D || byte == 0x5D || byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                        keepFrom = position
                        return
                    }
                    position += 1
                }
                keepFrom = position
                guard reader.more() else { throw .truncated }
            }
        }
    }

    /// Cuts one array element into a record; an element over the size limit becomes a failed record.
    private func cutElement(_ reader: RecordReader, origin: String, element: RawRecord.Element) throws(Failure) {
        let first = try peek(reader)
        guard first == 0x7B || first == 0x5B else {
            let start = position
            keepFrom = start
            try skipValue(reader)
            reader.emit(RawRecord(origin: origin, bytes: Array(reader.bytes[start..<position]), element: element,
                                  failure: "expected a JSON object, found \(RecordReader.describe(first))"))
            return
        }
        keepFrom = position
        var scanner = JSONValueScanner(start: position)
        var oversized: [UInt8]?
        var total = 0
        while true {
            let result = reader.bytes.withUnsafeBufferPointer { scanner.scan($0) }
            if case .complete(let end) = result {
                if oversized == nil, end - keepFrom > reader.maxRecordBytes {
                    oversized = Array(reader.bytes[keepFrom..<(keepFrom + reader.maxRecordBytes)])
                }
                if let kept = oversized {
                    total += end - keepFrom
                    reader.emit(RawRecord(origin: origin, bytes: kept, element: element,
                                          failure: "record larger than the \(reader.maxRecordBytes)-byte limit (\(total) bytes; the first \(kept.count) are kept here)"))
                } else {
                    reader.emit(RawRecord(origin: origin, bytes: Array(reader.bytes[keepFrom..<end]), element: element))
                }
                position = end
                keepFrom = end
                return
            }
            if oversized == nil, scanner.position - keepFrom > reader.maxRecordBytes {
                oversized = Array(reader.bytes[keepFrom..<(keepFrom + reader.maxRecordBytes)])
            }
            if oversized != nil {
                // Stop holding the element: count it and let the reader drop what was read.
                total += scanner.position - keepFrom
                keepFrom = scanner.position
            }
            let before = keepFrom
            guard reader.more() else {
                position = scanner.position
                throw .truncated
            }
            scanner.shift(by: before - keepFrom)
            position = scanner.position
        }
    }
}
