import Foundation

/// Runs a folder of cases against a set of tables. A case is an input `NAME.json` (any input
/// shape) with one or more expectations beside it, the conventions of the package's own samples:
/// - `NAME.udm.ndjson`: the expected UDM events, one a line, in order, compared field by field;
/// - `NAME.notes.txt`: the expected failures, skips and notes, one a line
///   (`NAME.json:LINE: error: REASON`: the file name alone, so a renamed or copied folder of
///   cases still passes); with
///   `NAME.udm.ndjson` and no notes file, no notes are expected, and the other way round;
/// - `NAME.expect.kv`: `path = "value"` lines (as the key-value output prints them) that must each
///   be present in the case's events, for asserting a subset of fields.
/// Under a profile other than `reference`, the expectations are in the folder's subfolder named
/// after the profile (`DIR/google-secops/NAME.udm.ndjson`), beside the same inputs.
/// A mismatch is shown field by field: missing, unexpected, and changed values with the rule that wrote them.
public enum SampleTestRunner {
    /// The result of one case.
    public struct CaseResult: Sendable {
        /// The case's input file name (`console-login-success.json`).
        public var name: String
        /// Whether every expectation of the case held.
        public var passed: Bool
        /// One block per difference: `event N:` then `- expected …`, `+ actual … (rule)` lines.
        public var differences: [String]
        /// Expected-output files rewritten by `update` (file names).
        public var updated: [String] = []
    }

    /// Runs every case of `directory`; with `update`, rewrites the `.udm.ndjson` and `.notes.txt`
    /// files of failing cases to what the tables now produce (`.expect.kv` files are the author's
    /// and are never rewritten).
    ///
    /// ```swift
    /// let results = try SampleTestRunner.run(directory: "Samples/cloudtrail", normalizer: Normalizer())
    /// for failure in results where !failure.passed { print(failure.name, failure.differences) }
    /// ```
    ///
    /// - Parameters:
    ///   - directory: The folder of cases; every `*.json` file in it is a case's input.
    ///   - normalizer: The tables (and profile, which chooses the expectation folder) to test.
    ///   - update: Rewrite the expected outputs of failing cases.
    /// - Returns: One result per case, in file-name order.
    /// - Throws: ``InputError`` when the folder cannot be listed, holds no inputs, lacks the
    ///   profile's expectation folder, or an input cannot be read.
    public static func run(directory: String, normalizer: Normalizer, update: Bool = false) throws -> [CaseResult] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") }
                .sorted()
        } catch {
            throw InputError(path: directory, reason: "cannot list the folder")
        }
        guard !names.isEmpty else { throw InputError(path: directory, reason: "no NAME.json inputs in the folder") }
        let profile = normalizer.mappings.profile
        var expectedDirectory = directory
        if profile != MappingSet.referenceProfile {
            expectedDirectory = (directory as NSString).appendingPathComponent(profile)
            var isDirectory: ObjCBool = false
            if update, !FileManager.default.fileExists(atPath: expectedDirectory) {
                try? FileManager.default.createDirectory(atPath: expectedDirectory, withIntermediateDirectories: true)
            }
            guard FileManager.default.fileExists(atPath: expectedDirectory, isDirectory: &isDirectory),
                isDirectory.boolValue
            else {
                throw InputError(
                    path: expectedDirectory,
                    reason:
                        "no expected outputs for profile '\(profile)' (a '\(profile)' folder of NAME.udm.ndjson files beside the inputs; --update writes them)"
                )
            }
        }
        var results: [CaseResult] = []
        for name in names {
            results.append(
                try runCase(
                    name, in: directory, expectedIn: expectedDirectory, normalizer: normalizer, update: update))
        }
        return results
    }

    private static func runCase(
        _ name: String, in directory: String, expectedIn expectedDirectory: String, normalizer: Normalizer,
        update: Bool
    ) throws -> CaseResult {
        func sibling(_ suffix: String) -> String {
            (expectedDirectory as NSString).appendingPathComponent(String(name.dropLast(5)) + suffix)
        }
        func read(_ path: String) -> String? {
            FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
        }
        let inputPath = (directory as NSString).appendingPathComponent(name)
        guard let inputData = FileManager.default.contents(atPath: inputPath) else {
            throw InputError(path: inputPath, reason: "cannot read the file")
        }
        let eventsPath = sibling(".udm.ndjson")
        let notesPath = sibling(".notes.txt")
        let kvPath = sibling(".expect.kv")
        let expectedEvents = read(eventsPath)
        let expectedNotes = read(notesPath)
        let expectedKV = read(kvPath)
        let input = Array(inputData)
        // Origins name the file alone: expectations hold whatever the folder is called.
        let source = name
        let produced = output(of: input, source: source, normalizer: normalizer)
        guard expectedEvents != nil || expectedNotes != nil || expectedKV != nil else {
            return CaseResult(
                name: name, passed: false,
                differences: [
                    "no expectation: add \((eventsPath as NSString).lastPathComponent), \((notesPath as NSString).lastPathComponent) or \((kvPath as NSString).lastPathComponent) (or run with --update)"
                ],
                updated: update ? write(produced, eventsPath: eventsPath, notesPath: notesPath) : [])
        }
        var differences: [String] = []
        let comparesWhole = expectedEvents != nil || expectedNotes != nil
        if comparesWhole {
            let expected = (expectedEvents ?? "").split(separator: "\n").map(String.init)
            let actual = normalizer.explain(input: input, source: source).filter(\.isNormalized)
            differences += eventDifferences(expected: expected, actual: actual)
            differences += lineDifferences("notes", expected: expectedNotes ?? "", actual: produced.notes)
        }
        if let expectedKV {
            let lines = Set(produced.keyValue.split(separator: "\n").map { String($0) })
            let missing = expectedKV.split(separator: "\n").map { String($0).trimmingSpaces() }.filter {
                !$0.isEmpty && !$0.hasPrefix("#") && !lines.contains($0)
            }
            if !missing.isEmpty {
                differences.append(
                    "\((kvPath as NSString).lastPathComponent): not in any event:\n"
                        + missing.map { "  - \($0)" }.joined(separator: "\n"))
            }
        }
        var result = CaseResult(name: name, passed: differences.isEmpty, differences: differences)
        if update, !result.passed, comparesWhole {
            result.updated = write(produced, eventsPath: eventsPath, notesPath: notesPath)
        }
        return result
    }

    /// What a case's expected-output files hold: the events as NDJSON (`NAME.udm.ndjson`) and
    /// key-value lines, and the failures, skips and notes (`NAME.notes.txt`) as
    /// `ORIGIN: error|skipped|note: …` lines. The golden tests of the package write the same.
    public struct Output: Sendable {
        /// The UDM events as NDJSON, one compact event a line, each line ending with a newline.
        public var events: String
        /// The events as `path = "value"` lines, the key-value output's form.
        public var keyValue: String
        /// `ORIGIN: error: REASON`, `ORIGIN: skipped: REASON` and `ORIGIN: note: RULE: MESSAGE`
        /// lines, in input order, each ending with a newline.
        public var notes: String
    }

    /// Normalizes `input` (named `source` in origins) and renders it as the expected-output files hold it.
    ///
    /// - Parameters:
    ///   - input: The input's bytes, in any shape the reader knows.
    ///   - source: The name origins start with (`console-login.json` gives `console-login.json:1`).
    ///   - normalizer: The tables to normalize with.
    public static func output(of input: [UInt8], source: String, normalizer: Normalizer) -> Output {
        var events: [UInt8] = []
        var keyValue = ""
        var notes = ""
        normalizer.normalize(input: input, source: source) { record in
            switch record.outcome {
            case .normalized(let event):
                event.appendJSON(to: &events)
                events.append(UInt8(ascii: "\n"))
                keyValue += event.keyValueText
                for diagnostic in event.diagnostics { notes += "\(record.origin): note: \(diagnostic)\n" }
            case .failed(let failure): notes += "\(record.origin): error: \(failure)\n"
            case .skipped(let reason): notes += "\(record.origin): skipped: \(reason)\n"
            }
        }
        return Output(events: String(decoding: events, as: UTF8.self), keyValue: keyValue, notes: notes)
    }

    /// Writes the expected-output files (an empty one is removed, as the samples keep them); returns the names written.
    private static func write(_ produced: Output, eventsPath: String, notesPath: String) -> [String] {
        var written: [String] = []
        for (path, text) in [(eventsPath, produced.events), (notesPath, produced.notes)] {
            if text.isEmpty {
                if FileManager.default.fileExists(atPath: path),
                    (try? FileManager.default.removeItem(atPath: path)) != nil
                {
                    written.append((path as NSString).lastPathComponent + " (removed)")
                }
            } else if (try? text.write(toFile: path, atomically: true, encoding: .utf8)) != nil {
                written.append((path as NSString).lastPathComponent)
            }
        }
        return written
    }

    private static func eventDifferences(expected: [String], actual: [RecordExplanation]) -> [String] {
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
        return differences
    }

    /// Lines expected and missing (`-`) or produced and not expected (`+`), as multisets.
    private static func lineDifferences(_ what: String, expected: String, actual: String) -> [String] {
        var remaining: [Substring: Int] = [:]
        for line in expected.split(separator: "\n") { remaining[line, default: 0] += 1 }
        var unexpected: [Substring] = []
        for line in actual.split(separator: "\n") {
            if let count = remaining[line], count > 0 { remaining[line] = count - 1 } else { unexpected.append(line) }
        }
        let missing = expected.split(separator: "\n").filter { line in
            guard let count = remaining[line], count > 0 else { return false }
            remaining[line] = count - 1
            return true
        }
        guard !missing.isEmpty || !unexpected.isEmpty else { return [] }
        return ["\(what):\n" + (missing.map { "  - \($0)" } + unexpected.map { "  + \($0)" }).joined(separator: "\n")]
    }
}
