import Foundation

/// Runs a folder of input / expected-output pairs against a set of tables: each `NAME.json`
/// (any input shape) with `NAME.udm.ndjson` beside it, one expected UDM event per line, in order.
/// Under a profile other than `reference`, the expected outputs are in the folder's subfolder named
/// after the profile (`DIR/google-secops/NAME.udm.ndjson`), beside the same inputs.
/// A mismatch is shown field by field: missing, unexpected, and changed values with the rule that
/// wrote them.
public enum SampleTestRunner {
    /// The result of one pair.
    public struct CaseResult: Sendable {
        public var name: String
        public var passed: Bool
        /// One block per differing event: `event N:` then `- expected …`, `+ actual … (rule)` lines.
        public var differences: [String]
    }

    public static func run(directory: String, normalizer: Normalizer) throws -> [CaseResult] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") }.sorted()
        guard !names.isEmpty else { throw InputError(path: directory, reason: "no *.json inputs in the folder") }
        let profile = normalizer.mappings.profile
        var expectedDirectory = directory
        if profile != MappingSet.referenceProfile {
            expectedDirectory = (directory as NSString).appendingPathComponent(profile)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: expectedDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw InputError(path: expectedDirectory, reason: "no expected outputs for profile '\(profile)' (a '\(profile)' folder of NAME.udm.ndjson files beside the inputs)")
            }
        }
        var results: [CaseResult] = []
        for name in names {
            let input = (directory as NSString).appendingPathComponent(name)
            let expectedPath = (expectedDirectory as NSString).appendingPathComponent(String(name.dropLast(5)) + ".udm.ndjson")
            guard let inputData = FileManager.default.contents(atPath: input) else {
                throw InputError(path: input, reason: "cannot read the file")
            }
            guard let expectedData = FileManager.default.contents(atPath: expectedPath) else {
                results.append(CaseResult(name: name, passed: false, differences: ["no expected output \((expectedPath as NSString).lastPathComponent)"]))
                continue
            }
            let expected = String(decoding: expectedData, as: UTF8.self).split(separator: "\n").map(String.init)
            let actual = normalizer.explain(input: Array(inputData), source: name).filter { $0.outcome == "normalized" }
            var differences: [String] = []
            if expected.count != actual.count {
                differences.append("expected \(expected.count) events, got \(actual.count)")
            }
            for index in 0..<min(expected.count, actual.count) {
                let want: FieldLines
                do { want = try FieldLines(json: expected[index]) } catch {
                    differences.append("event \(index + 1): the expected line is not JSON: \(error)")
                    continue
                }
                let got = FieldLines(actual[index])
                let missing = want.subtracting(got)
                let unexpected = got.subtracting(want)
                guard !missing.isEmpty || !unexpected.isEmpty else { continue }
                var block = ["event \(index + 1) (\(actual[index].origin)):"]
                for line in missing { block.append("  - \(line.line)") }
                for line in unexpected { block.append("  + \(line.line)   (\(line.rule))") }
                differences.append(block.joined(separator: "\n"))
            }
            results.append(CaseResult(name: name, passed: differences.isEmpty, differences: differences))
        }
        return results
    }
}
