import Foundation
import Testing

@testable import UDMNormalizer

/// The parser reference's own sample: its log must give exactly its "Sample Parsing" listing,
/// compared as a multiset of `path = value` lines with each label's key and value kept together.
@Suite struct ReferenceSampleTests {
    static let input = PackagePaths.samples.appendingPathComponent("cloudtrail/reference-sample-describe-trails.json")
    /// The reference's listing, copied verbatim from its "Sample Parsing" block.
    static let listing = PackagePaths.samples.appendingPathComponent(
        "cloudtrail/reference-sample-describe-trails.reference-parse.txt")

    /// Lines the comparison leaves out, and why:
    /// - `metadata.ingested_timestamp` is set by Google at ingestion, never by a parser;
    /// - `metadata.product_version` is required on every CloudTrail event (from `eventVersion`)
    ///   although the reference's listing predates it.
    static let excluded = ["metadata.ingested_timestamp", "metadata.product_version"]

    /// Parses `path = value` lines into a sorted multiset; `X.key` + `X.value` pairs become one item.
    static func multiset(_ text: String) -> [String] {
        var items: [String] = []
        var pendingKey: (path: String, value: String)?
        for line in text.split(separator: "\n") {
            guard let eq = line.range(of: " = ") else { continue }
            let path = String(line[..<eq.lowerBound])
            let value = String(line[eq.upperBound...])
            if excluded.contains(path) { continue }
            if path.hasSuffix(".key") {
                pendingKey = (String(path.dropLast(4)), value)
                continue
            }
            if path.hasSuffix(".value"), let key = pendingKey, key.path == String(path.dropLast(6)) {
                items.append("\(key.path)[\(key.value)] = \(value)")
                pendingKey = nil
                continue
            }
            items.append("\(path) = \(value)")
        }
        return items.sorted()
    }

    @Test func referenceLogGivesTheReferenceParse() throws {
        var output = ""
        let bytes = Array(try Data(contentsOf: Self.input))
        Normalizer().normalize(input: bytes, source: "sample") { record in
            guard case .normalized(let event) = record.outcome else {
                Issue.record("the reference sample did not normalize: \(record.outcome)")
                return
            }
            output += event.keyValueText
        }
        let expected = Self.multiset(try PackagePaths.read(Self.listing))
        let actual = Self.multiset(output)
        #expect(expected.count == 29, "34 listed lines, five of them label key/value pairs")
        #expect(
            actual == expected,
            "missing: \(Set(expected).subtracting(actual).sorted()) extra: \(Set(actual).subtracting(expected).sorted())"
        )
        #expect(output.contains("metadata.product_version = \"1.08\""))
    }

    /// The committed listing must be the reference's block, unchanged.
    @Test(.enabled(if: PackagePaths.hasShared, "../shared (the parser reference) is not beside the package: skipped"))
    func committedListingIsTheReferenceBlock() throws {
        let seed = try PackagePaths.read(PackagePaths.shared.appendingPathComponent("seeds/003_d6ea9157af9d1cf1.txt"))
        let block = seed.components(separatedBy: "Sample Parsing")[1].components(separatedBy: "Parser Alerting")[0]
        let lines = block.split(separator: "\n").filter { $0.contains(" = ") }.joined(separator: "\n") + "\n"
        #expect(try PackagePaths.read(Self.listing) == lines)
        let log = seed.components(separatedBy: "Log Sample")[1].split(separator: "\n").first { $0.hasPrefix("{") }.map {
            String($0) + "\n"
        }
        #expect(try PackagePaths.read(Self.input) == log)
    }
}
