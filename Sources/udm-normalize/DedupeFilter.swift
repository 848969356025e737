import UDMNormalizer

/// Remembers which records were seen in this run, by a 128-bit hash of log type and key, so
/// memory grows by 16 bytes a distinct record rather than by the length of its key.
struct DedupeFilter {
    private struct Fingerprint: Hashable {
        var high: UInt64
        var low: UInt64
    }

    private var seen = Set<Fingerprint>()

    /// True the first time a (log type, key) pair is offered.
    mutating func isFirst(logType: LogType?, key: String) -> Bool {
        var high: UInt64 = 0xCBF2_9CE4_8422_2325
        var low: UInt64 = 0x8422_2325_CBF2_9CE4
        for byte in (logType?.rawValue ?? "").utf8 + [0] + key.utf8 {
            high = (high ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            low = (low &+ UInt64(byte)) &* 0x9E37_79B9_7F4A_7C15
            low ^= low >> 29
        }
        return seen.insert(Fingerprint(high: high, low: low)).inserted
    }
}
