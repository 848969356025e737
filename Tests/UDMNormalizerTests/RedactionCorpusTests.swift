import Foundation
import Testing
import UDMNormalizer

/// Over every real log the project has (the samples, the vendored corpus, and `../shared/corpus`
/// when it is there): no output holds a value of 16 bytes or more that the raw input holds under a
/// redacted key.
@Suite struct RedactionCorpusTests {
    /// Placeholders AWS writes instead of a secret: they may pass through.
    static let placeholders: Set<String> = [
        "HIDDEN_DUE_TO_SECURITY_REASONS", "****", "<sensitiveDataRemoved>", "Value hidden due to security reasons.",
    ]

    static func normalized(_ name: String) -> String {
        String(name.lowercased().filter { $0 != "_" && $0 != "-" })
    }

    /// Values under a listed key, read from the raw text without the library: `"KEY": "VALUE"`
    /// pairs, also one level of escaping down (JSON text inside a string).
    static func secretValues(in text: String, keys: Set<String>) throws -> Set<String> {
        let pair = try NSRegularExpression(pattern: #""([A-Za-z0-9_\-]+)"\s*:\s*"((?:[^"\\]|\\.)*)""#)
        var values: Set<String> = []
        for candidate in [text, text.replacingOccurrences(of: #"\""#, with: "\"")] {
            let range = NSRange(candidate.startIndex..., in: candidate)
            for match in pair.matches(in: candidate, range: range) {
                guard let keyRange = Range(match.range(at: 1), in: candidate),
                    let valueRange = Range(match.range(at: 2), in: candidate),
                    keys.contains(normalized(String(candidate[keyRange])))
                else { continue }
                let value = String(candidate[valueRange])
                if value.utf8.count >= 16, !placeholders.contains(value) { values.insert(value) }
            }
        }
        return values
    }

    static func files() -> [URL] {
        var folders = [PackagePaths.samples, PackagePaths.vendoredCorpus.appendingPathComponent("cloudtrail")]
        if PackagePaths.hasCorpus {
            folders += ["cloudtrail", "guardduty", "envelopes"].map { PackagePaths.corpus.appendingPathComponent($0) }
        }
        var files: [URL] = []
        for folder in folders {
            let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                let name = url.lastPathComponent
                if (name.hasSuffix(".json") || name.hasSuffix(".ndjson")) && !name.hasSuffix(".udm.ndjson") {
                    files.append(url)
                }
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    @Test func noOutputHoldsAValueFoundUnderARedactedKey() throws {
        let keys = Set(MappingSet.builtin.redactionEntryNames.map(Self.normalized))
        var checked = 0
        for profile in ["reference", "google-secops"] {
            let normalizer = try Normalizer(profile: profile)
            for file in Self.files() {
                let data = try Data(contentsOf: file)
                let secrets = try Self.secretValues(in: String(decoding: data, as: UTF8.self), keys: keys)
                guard !secrets.isEmpty else { continue }
                var output: [String] = []
                normalizer.normalize(input: Array(data), source: file.lastPathComponent) { record in
                    if case .normalized(let event) = record.outcome {
                        output += [event.json, event.keyValueText] + event.diagnostics.map(\.description)
                    }
                }
                for explanation in normalizer.explain(input: Array(data), source: file.lastPathComponent) {
                    output.append(explanation.text)
                }
                let text = output.joined(separator: "\n")
                for secret in secrets {
                    checked += 1
                    #expect(!text.contains(secret), "\(profile): \(file.lastPathComponent) writes '\(secret)'")
                }
            }
        }
        #expect(checked >= 6, "the samples alone hold three session tokens, checked in two profiles")
        if !PackagePaths.hasCorpus {
            print("RedactionCorpusTests: ../shared/corpus absent; Samples/ and Tests/Corpus/ checked")
        }
    }
}
