#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Byte comparisons for conditions: `memcmp` and `memchr` where the generic `elementsEqual`
/// compared one byte per call.
enum ByteMatch {
    /// True when `a` and `b` hold the same bytes.
    @inline(__always)
    static func equal(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }

    /// True when `needle` occurs in `haystack` (an empty needle always does).
    static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: UnsafeRawBufferPointer) -> Bool {
        guard let needleBase = needle.baseAddress, !needle.isEmpty else { return true }
        guard let base = haystack.baseAddress, haystack.count >= needle.count else { return false }
        let lastStart = haystack.count - needle.count
        let first = Int32(needle[0])
        var from = 0
        while from <= lastStart {
            guard let found = memchr(base + from, first, lastStart - from + 1) else { return false }
            if memcmp(found, needleBase, needle.count) == 0 { return true }
            from = base.distance(to: UnsafeRawPointer(found)) + 1
        }
        return false
    }
}
