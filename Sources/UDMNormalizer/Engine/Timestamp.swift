/// A point in time as the output writes it: RFC 3339 in UTC, keeping the source's fractional digits.
///
/// Pure arithmetic (no Foundation calendars): parsing timestamps is on the per-record hot path,
/// and `DateFormatter` is both slow and locale-sensitive.
struct Timestamp: Sendable, Equatable {
    /// Whole seconds since 1970-01-01T00:00:00Z.
    var seconds: Int64
    /// The fractional digits as written in the source (`""`, `"170896"`, `"000000000"`), at most 9.
    var fraction: String

    /// RFC 3339 UTC, e.g. `2022-05-10T13:36:55Z` or `2024-06-03T15:23:22.000000000Z`.
    var rfc3339: String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let (y, m, d) = Self.civil(fromDays: days)
        var text = Self.pad(Int(y), 4) + "-" + Self.pad(m, 2) + "-" + Self.pad(d, 2)
        text +=
            "T" + Self.pad(secondOfDay / 3600, 2) + ":" + Self.pad(secondOfDay / 60 % 60, 2) + ":"
            + Self.pad(secondOfDay % 60, 2)
        if !fraction.isEmpty { text += "." + fraction }
        return text + "Z"
    }

    /// Parses `YYYY-MM-DD[T ]HH:MM[:SS][.fraction][Z|±HH:MM|±HHMM|±HH]`; no zone means UTC
    /// (CloudTrail exports and Python `str(datetime)` output omit it or use a space).
    init?(text: String) {
        var bytes = Array(text.utf8)[...]
        while bytes.last == 0x20 { bytes.removeLast() }
        func number(_ count: Int) -> Int? {
            guard bytes.count >= count else { return nil }
            var value = 0
            for byte in bytes.prefix(count) {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            bytes = bytes.dropFirst(count)
            return value
        }
        func skip(_ byte: UInt8) -> Bool {
            guard bytes.first == byte else { return false }
            bytes = bytes.dropFirst()
            return true
        }
        guard let year = number(4), skip(0x2D), let month = number(2), skip(0x2D), let day = number(2) else {
            return nil
        }
        guard bytes.first == 0x54 || bytes.first == 0x74 || bytes.first == 0x20 else { return nil }
        bytes = bytes.dropFirst()
        guard let hour = number(2), skip(0x3A), let minute = number(2) else { return nil }
        var second = 0
        if skip(0x3A) {
            guard let s = number(2) else { return nil }
            second = s
        }
        var fraction = ""
        if skip(0x2E) || skip(0x2C) {
            while let byte = bytes.first, byte >= 0x30 && byte <= 0x39 {
                fraction.append(Character(Unicode.Scalar(byte)))
                bytes = bytes.dropFirst()
            }
            guard !fraction.isEmpty, fraction.count <= 9 else { return nil }
        }
        var offsetSeconds = 0
        if skip(0x5A) || skip(0x7A) {
            // UTC
        } else if let sign = bytes.first, sign == 0x2B || sign == 0x2D {
            bytes = bytes.dropFirst()
            guard let oh = number(2) else { return nil }
            var om = 0
            if skip(0x3A) {
                guard let m = number(2) else { return nil }
                om = m
            } else if let m = number(2) {
                om = m
            }
            guard oh <= 23, om <= 59 else { return nil }
            offsetSeconds = (oh * 3600 + om * 60) * (sign == 0x2D ? -1 : 1)
        }
        guard bytes.isEmpty else { return nil }
        guard (1...12).contains(month), day >= 1, day <= Self.daysInMonth(year, month), hour <= 23, minute <= 59,
            second <= 60
        else { return nil }
        let days = Self.days(fromCivil: Int64(year), month, day)
        self.seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + min(second, 59)) - Int64(offsetSeconds)
        self.fraction = fraction
    }

    /// Epoch seconds or milliseconds (values above 10^11 are read as milliseconds: no log is dated after 5138).
    init?(epoch text: String) {
        guard let value = JSONNumber.double(text), value.isFinite, value >= 0 else { return nil }
        let isMillis = value >= 100_000_000_000
        let totalSeconds = isMillis ? value / 1000 : value
        guard totalSeconds < 253_402_300_800 else { return nil }  // year 10000
        self.seconds = Int64(totalSeconds.rounded(.down))
        if isMillis, let millis = JSONNumber.int64(text) {
            let rest = millis % 1000
            self.fraction = rest == 0 ? "" : Self.pad(Int(rest), 3)
        } else if !isMillis, let dot = text.firstIndex(of: "."), !text.contains("e"), !text.contains("E") {
            self.fraction = String(text[text.index(after: dot)...].prefix(9))
        } else {
            self.fraction = ""
        }
    }

    /// True when `bytes` are already what `rfc3339` would write for them — `YYYY-MM-DDTHH:MM:SS`,
    /// optional fraction of 1 to 9 digits, `Z`, every part in range — so they can be copied as they
    /// are (CloudTrail's `eventTime` always is; parsing and re-printing it was a hot-path cost).
    static func isCanonical(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let count = bytes.count
        guard count >= 20, count != 21, count <= 30, bytes[count - 1] == 0x5A else { return false }
        func digits(_ start: Int, _ length: Int) -> Int? {
            var value = 0
            for index in start..<start + length {
                let byte = bytes[index]
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A, bytes[16] == 0x3A,
            let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
            let hour = digits(11, 2), let minute = digits(14, 2), let second = digits(17, 2)
        else { return false }
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(year, month), hour <= 23, minute <= 59,
            second <= 59
        else { return false }
        if count > 20 {
            guard bytes[19] == 0x2E, digits(20, count - 21) != nil else { return false }
        }
        return true
    }

    /// Either form: text timestamps first, then epoch numbers.
    init?(any text: String) {
        if let parsed = Timestamp(text: text) {
            self = parsed
        } else if let parsed = Timestamp(epoch: text) {
            self = parsed
        } else {
            return nil
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm).
    private static func days(fromCivil year: Int64, _ month: Int, _ day: Int) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civil(fromDays days: Int64) -> (Int64, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = Int(doy - (153 * mp + 2) / 5 + 1)
        let m = Int(mp < 10 ? mp + 3 : mp - 9)
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
