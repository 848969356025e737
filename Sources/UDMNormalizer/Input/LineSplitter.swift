/// Splits one NDJSON line that did not parse as a single value: several values written with no
/// separator (as Firehose does), or a value followed by garbage, or a value the line break cuts.
enum LineSplitter {
    static func split(_ bytes: [UInt8], source: String, line: Int, column: Int, endOfInput: String?) -> [RawRecord] {
        var records: [RawRecord] = []
        var start = 0
        while true {
            while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            guard start < bytes.count else { break }
            let valueColumn = column + start
            let origin = valueColumn == 1 ? "\(source):\(line)" : "\(source):\(line):\(valueColumn)"
            let byte = bytes[start]
            if byte == 0x7B || byte == 0x5B {
                var scanner = JSONValueScanner(start: start)
                if case .complete(let end) = bytes.withUnsafeBufferPointer({ scanner.scan($0) }) {
                    records.append(RawRecord(origin: origin, bytes: Array(bytes[start..<end])))
                    start = end
                    continue
                }
                records.append(RawRecord(origin: origin, bytes: Array(bytes[start...]),
                                         failure: endOfInput ?? "truncated JSON: the line ends before the value that starts at column \(valueColumn) is closed"))
            } else if bytes[start...].starts(with: EnvelopeKey.base64GzipPrefix) {
                records.append(RawRecord(origin: origin, bytes: Array(bytes[start...])))
            } else {
                records.append(RawRecord(origin: origin, bytes: Array(bytes[start...]),
                                         failure: "not JSON: unexpected \(RecordReader.describe(byte)) at column \(valueColumn)"))
            }
            break
        }
        return records
    }
}
