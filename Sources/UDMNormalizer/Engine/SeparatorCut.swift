/// The `| after_last`, `| after_first` and `| before_first` stages: a value cut at a separator.
///
/// The search runs on UTF-8 bytes: the generic collection search over `String` cost tens of
/// thousands of instructions per value, more than the rest of the rule. A UTF-8 separator can only
/// match at a character boundary of valid UTF-8, so the cut never splits a character.
enum SeparatorCut {
    /// The text after the last occurrence of `separator` (occurrences counted left to right without
    /// overlap); the whole text when it has none or the separator is empty.
    static func afterLast(_ text: String, _ separator: String) -> String {
        cut(text, separator) { bytes, needle in
            var last: Range<Int>?
            var from = 0
            while let found = firstMatch(of: needle, in: bytes, from: from) {
                last = found
                from = found.upperBound
            }
            return last.map { (nil, $0.upperBound) }
        }
    }

    /// The text after the first occurrence of `separator`; the whole text when it has none.
    static func afterFirst(_ text: String, _ separator: String) -> String {
        cut(text, separator) { bytes, needle in firstMatch(of: needle, in: bytes, from: 0).map { (nil, $0.upperBound) }
        }
    }

    /// The text before the first occurrence of `separator`; the whole text when it has none.
    static func beforeFirst(_ text: String, _ separator: String) -> String {
        cut(text, separator) { bytes, needle in firstMatch(of: needle, in: bytes, from: 0).map { ($0.lowerBound, nil) }
        }
    }

    /// `text` cut to what `locate` picks: (end, start) byte offsets, nil for "keep that side".
    private static func cut(
        _ text: String, _ separator: String, _ locate: ([UInt8], [UInt8]) -> (end: Int?, start: Int?)?
    ) -> String {
        guard !separator.isEmpty else { return text }
        let bytes = Array(text.utf8)
        guard let (end, start) = locate(bytes, Array(separator.utf8)) else { return text }
        return String(decoding: bytes[(start ?? 0)..<(end ?? bytes.count)], as: UTF8.self)
    }

    private static func firstMatch(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Range<Int>? {
        guard needle.count <= bytes.count - start else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], bytes[index..<index + needle.count].elementsEqual(needle) {
                return index..<index + needle.count
            }
            index += 1
        }
        return nil
    }
}
