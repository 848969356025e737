import Testing

@testable import UDMNormalizer

@Suite struct TimestampTests {
    @Test(arguments: [
        ("2022-05-10T13:36:55Z", "2022-05-10T13:36:55Z"),
        ("2024-06-03 15:23:22.000000000", "2024-06-03T15:23:22.000000000Z"),
        ("2025-02-19 20:13:49", "2025-02-19T20:13:49Z"),
        ("2017-12-18 21:28:11.551000+05:30", "2017-12-18T15:58:11.551000Z"),
        ("2020-02-29T23:30:00-01:00", "2020-03-01T00:30:00Z"),
        ("1969-12-31T23:59:59.5Z", "1969-12-31T23:59:59.5Z"),
        ("2026-01-01T00:00:00+0000", "2026-01-01T00:00:00Z"),
    ])
    func parsesAndWritesUTC(_ input: String, _ expected: String) {
        #expect(Timestamp(any: input)?.rfc3339 == expected)
    }

    /// The copy-as-is shortcut must accept exactly the texts that parse and print back unchanged.
    @Test(arguments: [
        "2022-05-10T13:36:55Z", "1969-12-31T23:59:59.5Z", "2024-02-29T00:00:00.123456789Z", "0001-01-01T00:00:00Z",
        "2022-05-10t13:36:55Z", "2022-05-10T13:36:55z", "2022-05-10 13:36:55Z", "2022-05-10T13:36:55",
        "2022-05-10T13:36:55.Z",
        "2022-05-10T13:36:60Z", "2021-02-29T00:00:00Z", "2022-05-10T13:36:55+00:00", "2022-05-10T13:36:55.1234567890Z",
        "2022-5-10T13:36:55Z", "20220-05-10T13:36:55Z", "2022-05-10T13:36:5xZ",
    ])
    func canonicalTextIsExactlyWhatPrintsBackUnchanged(_ input: String) {
        let canonical = Array(input.utf8).withUnsafeBytes { Timestamp.isCanonical($0) }
        #expect(canonical == (Timestamp(any: input)?.rfc3339 == input), "\(input)")
    }

    @Test(arguments: [
        "", "...", "redacted", "2022-13-01T00:00:00Z", "2021-02-29T00:00:00Z", "2022-05-10", "2022-05-10T25:00:00Z",
        "2022-05-10T13:36:55.1234567890Z", "2022-05-10T13:36:55Zjunk",
    ])
    func rejectsWhatIsNotATimestamp(_ input: String) {
        #expect(Timestamp(any: input) == nil)
    }

    @Test func epochSecondsAndMilliseconds() {
        #expect(Timestamp(any: "1652189815")?.rfc3339 == "2022-05-10T13:36:55Z")
        #expect(Timestamp(any: "1652189815123")?.rfc3339 == "2022-05-10T13:36:55.123Z")
        #expect(Timestamp(any: "1652189815.25")?.rfc3339 == "2022-05-10T13:36:55.25Z")
        #expect(Timestamp(any: "-5") == nil)
    }
}

@Suite struct IPAddressTests {
    @Test(arguments: [
        "192.0.2.1", "0.0.0.0", "255.255.255.255", "2001:db8::1", "::1", "::", "fe80::1%eth0", "::ffff:192.0.2.1",
        "2001:0db8:0000:0000:0000:ff00:0042:8329",
    ])
    func valid(_ text: String) { #expect(IPAddress.isValid(text)) }

    @Test(arguments: [
        "securityhub.amazonaws.com", "256.1.1.1", "1.2.3", "01.2.3.4", "2001:db8:::1", "1::2::3", ":1", "AWS Internal",
        "", "1.2.3.4.5", "2001:db8::g",
    ])
    func invalid(_ text: String) { #expect(!IPAddress.isValid(text)) }
}
