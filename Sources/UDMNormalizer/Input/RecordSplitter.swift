/// Cuts the bytes of one input into records, detecting the shape by content:
/// NDJSON (one value a line), one JSON value (pretty-printed or not), a CloudTrail S3 file
/// `{"Records":[…]}`, or a top-level JSON array.
struct RecordSplitter {
    var limits: JSONParser.Limits = .default

    func split(_ bytes: [UInt8], source: String) -> [InputRecord] {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        let lines = Self.lineRanges(bytes, from: start)
        let nonEmpty = lines.filter { !Self.isBlank(bytes[$0.range]) }
        guard let first = nonEmpty.first else { return [] }
        if nonEmpty.count > 1, (try? JSONParser.parse(Array(bytes[first.range]), limits: limits)) != nil {
            return nonEmpty.map { line in
                InputRecord(origin: "\(source):\(line.number)", content: .bytes(Array(bytes[line.range])))
            }
        }
        let whole = Array(bytes[start...])
        let document: JSONDocument
        do {
            document = try JSONParser.parse(whole, limits: limits)
        } catch {
            return [InputRecord(origin: "\(source):\(first.number)",
                                content: .unreadable(reason: "invalid JSON: \(error.describe(in: whole))", raw: whole))]
        }
        let root = document.root
        if document.kind(root) == .object, let records = document.member(root, "Records"), document.kind(records) == .array {
            var result: [InputRecord] = []
            var index = 0
            document.forEachElement(records) { element in
                result.append(InputRecord(origin: "\(source):Records[\(index)]", content: .node(document, element)))
                index += 1
            }
            return result
        }
        if document.kind(root) == .array {
            var result: [InputRecord] = []
            var index = 0
            document.forEachElement(root) { element in
                result.append(InputRecord(origin: "\(source):[\(index)]", content: .node(document, element)))
                index += 1
            }
            return result
        }
        return [InputRecord(origin: "\(source):\(first.number)", content: .node(document, root))]
    }

    private struct Line {
        var number: Int
        var range: Range<Int>
    }

    private static func lineRanges(_ bytes: [UInt8], from start: Int) -> [Line] {
        var lines: [Line] = []
        var lineStart = start
        var number = 1
        for index in start..<bytes.count where bytes[index] == 0x0A {
            lines.append(Line(number: number, range: lineStart..<index))
            number += 1
            lineStart = index + 1
        }
        if lineStart < bytes.count { lines.append(Line(number: number, range: lineStart..<bytes.count)) }
        return lines
    }

    private static func isBlank(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
