/// The per-event output limits: the longest value written to one field and the most labels one
/// event gets. Counts what each event used and dropped.
struct OutputLimits {
    /// Longest value written to one UDM field, in bytes.
    var maxFieldBytes = Int.max
    /// Most labels one event gets.
    var maxLabels = Int.max
    private var labelCount = 0
    /// Labels refused because the event had `maxLabels` already.
    private(set) var labelsDropped = 0

    /// How many of `wanted` labels still fit under the per-event limit; the rest are counted as dropped.
    mutating func takeLabels(_ wanted: Int) -> Int {
        let allowed = max(0, min(wanted, maxLabels - labelCount))
        labelCount += allowed
        labelsDropped += wanted - allowed
        return allowed
    }

    /// `text` (of `length` bytes) cut to `maxFieldBytes` on a character boundary and marked as cut.
    func truncated(_ text: String, length: Int) -> String {
        var kept = Array(text.utf8.prefix(maxFieldBytes))
        // Cut on a character boundary: drop continuation bytes and an unfinished lead byte.
        while let last = kept.last, last & 0xC0 == 0x80 { kept.removeLast() }
        if let last = kept.last, last >= 0xC0 { kept.removeLast() }
        return String(decoding: kept, as: UTF8.self) + "…[truncated: \(length) bytes]"
    }
}
