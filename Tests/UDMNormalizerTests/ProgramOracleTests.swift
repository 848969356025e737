import Foundation
import Testing

@testable import UDMNormalizer

/// The flat program against an oracle: on every sample and corpus record, each table's `@match`,
/// `@check`, `@dedupe_key`, exclusions, record conditions, value conditions and sources give the
/// answers the compiled model gives when evaluated directly (``ProgramOracle``).
@Suite(.enabled(if: PackagePaths.hasCorpus, "../shared/corpus is not beside the package: oracle test skipped"))
struct ProgramOracleTests {
    /// The records of the samples and of the corpus (every folder but the JSON parser suite), each
    /// as a parsed document and the node of the record: a line of NDJSON, a whole file, and the
    /// elements of the envelopes records come in.
    static func records() throws -> [(document: JSONDocument, root: Int)] {
        var files: [URL] = []
        for folder in ["cloudtrail", "guardduty"] {
            let directory = PackagePaths.samples.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            where name.hasSuffix(".json") {
                files.append(directory.appendingPathComponent(name))
            }
        }
        for folder in try FileManager.default.contentsOfDirectory(atPath: PackagePaths.corpus.path).sorted()
        where folder != "jsontestsuite" {
            let directory = PackagePaths.corpus.appendingPathComponent(folder)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { continue }
            for name in names.sorted() where name.hasSuffix(".json") || name.hasSuffix(".ndjson") {
                files.append(directory.appendingPathComponent(name))
            }
        }
        var records: [(JSONDocument, Int)] = []
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: file))
            var documents: [JSONDocument] = []
            if let whole = try? JSONParser.parse(bytes) {
                documents.append(whole)
            } else {
                for line in bytes.split(separator: UInt8(ascii: "\n")) {
                    if let document = try? JSONParser.parse(Array(line)) { documents.append(document) }
                }
            }
            for document in documents { collect(document, document.root, into: &records) }
        }
        return records
    }

    private static func collect(_ document: JSONDocument, _ node: Int, into records: inout [(JSONDocument, Int)]) {
        switch document.kind(node) {
        case .array:
            document.forEachElement(node) { collect(document, $0, into: &records) }
        case .object:
            records.append((document, node))
            for key in ["Records", "findings", "Findings", "Events", "detail"] {
                if let child = document.member(node, key) { collect(document, child, into: &records) }
            }
        default:
            break
        }
    }

    @Test(arguments: MappingSet.builtinProfileNames)
    func programAgreesWithTheOracle(profile: String) throws {
        let mappings = try MappingSet.builtin(profile: profile)
        let view = mappings.frozenProgram.view
        let records = try Self.records()
        print("program against oracle, profile \(profile): \(records.count) records")
        #expect(records.count >= 789, "samples and corpus hold 789 records and envelopes")
        var compared = 0
        for (document, root) in records {
            let oracle = ProgramOracle(document: document, root: root)
            let program = PathResolver(document: document, root: root, mappings: mappings)
            var mapper = RecordMapper(
                schema: mappings.schema, resolver: program, targetInstanceCount: mappings.targetInstanceCount,
                recordConditionCount: mappings.recordConditionCount)
            for file in mappings.files {
                let entry = try #require(mappings.frozenProgram.entry(of: file))
                let place = "\(file.name) on record \(compared)"
                #expect(
                    (file.match.map { oracle.holds($0) } ?? true)
                        == (entry.match < 0 || program.holds(entry.match, in: view)),
                    "@match of \(place)")
                #expect(file.checks.count == entry.checks.count, "@check lines of \(place)")
                for (check, lowered) in zip(file.checks, view.checks[entry.checks]) {
                    #expect(
                        check.conditions.allSatisfy { oracle.holds($0) }
                            == program.holds(lowered.condition, in: view),
                        "\(check.id) on record \(compared)")
                }
                let key = entry.dedupeKey >= 0 ? mapper.text(of: entry.dedupeKey, view) : nil
                #expect(
                    file.dedupeKey.flatMap { oracle.text($0) } == key.map { mapper.builder.string($0) },
                    "@dedupe_key of \(place)")
                #expect(file.excludedPaths.count == entry.exclusions.count, "exclusions of \(place)")
                for ((_, path), exclusion) in zip(file.excludedPaths, view.exclusions[entry.exclusions]) {
                    let expected = oracle.values(of: path)
                    var found: [[Int]] = []
                    program.forEachValue(of: view.paths[Int(exclusion.path)], in: view) { found.append([$0, $1]) }
                    #expect(expected == found, "exclusion \(path.text) of \(place)")
                }
                for (index, rule) in zip(mappings.program.ruleRange(of: file), file.rules) {
                    let lowered = mappings.program.rules[index]
                    let place = "\(rule.id) on record \(compared)"
                    for (position, condition) in rule.recordConditions.enumerated() {
                        let number = mappings.program.recordConditions[Int(lowered.recordConditionStart) + position]
                        #expect(
                            oracle.holds(condition) == program.holds(number.condition, in: view),
                            "record condition \(position) of \(place)")
                    }
                    let valueConditions = rule.stages.compactMap { stage -> Condition? in
                        if case .when(let condition) = stage { condition } else { nil }
                    }
                    let stageRange = Int(lowered.stageStart)..<Int(lowered.stageStart + lowered.stageCount)
                    let loweredValueConditions = mappings.program.stages[stageRange].compactMap { stage -> Int32? in
                        if case .when(let condition) = stage { condition } else { nil }
                    }
                    #expect(valueConditions.count == loweredValueConditions.count, "value conditions of \(place)")
                    var firstValue: Int?
                    if case .path(let path) = rule.source { firstValue = oracle.values(of: path).first?[0] }
                    for (condition, number) in zip(valueConditions, loweredValueConditions) {
                        for value in [nil, firstValue.map { ValueView.node($0) }] {
                            #expect(
                                oracle.holds(condition, value: value)
                                    == program.holds(number, in: view, value: value),
                                "value condition of \(place)")
                        }
                    }
                    let text = mapper.text(of: lowered.source, view).map { mapper.builder.string($0) }
                    #expect(oracle.text(rule.source) == text, "source text of \(place)")
                    if case .path(let path) = rule.source, case .path(let number) = view.sources[Int(lowered.source)] {
                        let expected = oracle.values(of: path)
                        var found: [[Int]] = []
                        program.forEachValue(of: view.paths[Int(number)], in: view) { found.append([$0, $1]) }
                        #expect(expected == found, "source values of \(place)")
                    }
                }
            }
            compared += 1
        }
        #expect(compared == records.count)
    }
}

/// The compiled model evaluated directly, as the engine did before the program ran everything: a
/// path's steps walked from the record's root (no prefix memo, no flat arrays), a condition and a
/// source expression evaluated on the tree. The program must give the same answers.
struct ProgramOracle {
    let document: JSONDocument
    let root: Int

    /// Every value of `path` with its fan-out index (the element number of its first `[*]`).
    func values(of path: SourcePath) -> [[Int]] {
        var found: [[Int]] = []
        walk(path.steps[...], from: root, fanIndex: 0, fanned: false) { found.append([$0, $1]) }
        return found
    }

    private func walk(
        _ steps: ArraySlice<SourcePath.Step>, from node: Int, fanIndex: Int, fanned: Bool, _ body: (Int, Int) -> Void
    ) {
        var current = node
        var rest = steps
        while let step = rest.first {
            rest = rest.dropFirst()
            switch step {
            case .each:
                guard document.kind(current) == .array else { return }
                var index = 0
                let remaining = rest
                document.forEachElement(current) { element in
                    walk(remaining, from: element, fanIndex: fanned ? fanIndex : index, fanned: true, body)
                    index += 1
                }
                return
            case .key(let key, let index, let alternate):
                switch document.kind(current) {
                case .object:
                    guard let found = member(current, key) ?? alternate.flatMap({ member(current, $0) }) else { return }
                    current = found
                case .array:
                    guard let index, let found = document.element(current, at: index) else { return }
                    current = found
                default:
                    return
                }
            case .select(let key, let value, let alternate):
                guard document.kind(current) == .array else { return }
                var match: Int?
                document.forEachElement(current) { element in
                    guard match == nil, document.kind(element) == .object,
                        let candidate = member(element, key) ?? alternate.flatMap({ member(element, $0) }),
                        document.kind(candidate) == .string, document.string(candidate) == value
                    else { return }
                    match = element
                }
                guard let match else { return }
                current = match
            }
        }
        body(current, fanIndex)
    }

    private func member(_ object: Int, _ key: [UInt8]) -> Int? {
        key.withUnsafeBytes { document.member(object, keyBytes: $0) }
    }

    /// The first value of `path`, nil when the record has none.
    private func value(of path: SourcePath) -> Int? { values(of: path).first?[0] }

    func holds(_ condition: Condition, value: ValueView? = nil) -> Bool {
        switch condition {
        case .exists(let path):
            guard let node = self.value(of: path) else { return false }
            return !document.isEmptyValue(node)
        case .missing(let path):
            guard let node = self.value(of: path) else { return true }
            return document.isEmptyValue(node)
        case .equals(let path, let values):
            guard let node = self.value(of: path) else { return false }
            return matches(node, values)
        case .notEquals(let path, let values):
            guard let node = self.value(of: path) else { return true }
            return !matches(node, values)
        case .compare(let path, let op, let limit):
            guard let node = self.value(of: path),
                document.kind(node) == .number || document.kind(node) == .string,
                let number = JSONNumber.double(document.scalarText(node))
            else { return false }
            switch op {
            case ">": return number > limit
            case ">=": return number >= limit
            case "<": return number < limit
            default: return number <= limit
            }
        case .consistsOf(let path, let characters):
            guard let node = self.value(of: path), document.kind(node) == .string, !document.isEmptyString(node)
            else { return false }
            return document.string(node).utf8.allSatisfy { characters.contains($0) }
        case .contains(let path, let needle):
            guard let node = self.value(of: path) else { return false }
            switch document.kind(node) {
            case .object, .array: return false
            default:
                let text = Array(document.scalarText(node).utf8)
                guard text.count >= needle.count else { return false }
                return needle.isEmpty
                    || (0...(text.count - needle.count)).contains {
                        text[$0..<($0 + needle.count)].elementsEqual(needle)
                    }
            }
        case .onlyKeys(let path, let names):
            guard let node = self.value(of: path), !document.isEmptyValue(node) else { return true }
            guard document.kind(node) == .object else { return false }
            var only = true
            document.forEachMember(node) { key, _ in
                if !names.values.contains(Array(document.string(key).utf8)) { only = false }
            }
            return only
        case .isIP: return value?.isIPAddress(in: document) ?? false
        case .isNotEmpty: return value?.isNotEmpty(in: document) ?? false
        case .isNotZero: return value?.isNotZero(in: document) ?? false
        case .not(let inner): return !holds(inner, value: value)
        case .and(let a, let b): return holds(a, value: value) && holds(b, value: value)
        case .or(let a, let b): return holds(a, value: value) || holds(b, value: value)
        }
    }

    private func matches(_ node: Int, _ values: ComparisonValues) -> Bool {
        switch document.kind(node) {
        case .object, .array: return false
        default: return values.values.contains(Array(document.scalarText(node).utf8))
        }
    }

    /// The expression's text (first values, no fan-out), or nil when a path is absent or empty.
    func text(_ source: CompiledSource) -> String? {
        switch source {
        case .path(let path):
            guard let node = value(of: path), !document.isEmptyValue(node) else { return nil }
            return document.scalarText(node)
        case .literal(let text):
            return text
        case .concatenation(let parts):
            var text = ""
            for part in parts {
                guard let piece = self.text(part) else { return nil }
                text += piece
            }
            return text
        case .firstNonEmpty(let parts):
            for part in parts { if let text = self.text(part) { return text } }
            return nil
        }
    }
}
