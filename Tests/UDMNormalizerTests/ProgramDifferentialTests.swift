import Foundation
import Testing

@testable import UDMNormalizer

/// The flat program against the compiled evaluator it replaces: on every sample and corpus record,
/// each table's record conditions, value conditions and sources give the same answers both ways.
@Suite(.enabled(if: PackagePaths.hasCorpus, "../shared/corpus is not beside the package: differential test skipped"))
struct ProgramDifferentialTests {
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
    func programAgreesWithTheCompiledEvaluator(profile: String) throws {
        let mappings = try MappingSet.builtin(profile: profile)
        let view = mappings.frozenProgram.view
        let records = try Self.records()
        print("differential test, profile \(profile): \(records.count) records")
        #expect(records.count >= 789, "samples and corpus hold 789 records and envelopes")
        var compared = 0
        for (document, root) in records {
            let compiled = PathResolver(document: document, root: root, mappings: mappings)
            let program = PathResolver(document: document, root: root, mappings: mappings)
            var mapper = RecordMapper(
                schema: mappings.schema, resolver: program, targetInstanceCount: mappings.targetInstanceCount,
                recordConditionCount: mappings.recordConditionCount)
            for file in mappings.files {
                let entry = try #require(mappings.frozenProgram.entry(of: file))
                let place = "\(file.name) on record \(compared)"
                #expect(
                    (file.match?.holds(in: compiled) ?? true)
                        == (entry.match < 0 || program.holds(entry.match, in: view)),
                    "@match of \(place)")
                #expect(file.checks.count == entry.checks.count, "@check lines of \(place)")
                for (check, lowered) in zip(file.checks, view.checks[entry.checks]) {
                    #expect(
                        check.conditions.allSatisfy { $0.holds(in: compiled) }
                            == program.holds(lowered.condition, in: view),
                        "\(check.id) on record \(compared)")
                }
                let key = entry.dedupeKey >= 0 ? mapper.text(of: entry.dedupeKey, view) : nil
                #expect(
                    file.dedupeKey?.text(in: compiled) == key.map { mapper.builder.string($0) },
                    "@dedupe_key of \(place)")
                #expect(file.excludedPaths.count == entry.exclusions.count, "exclusions of \(place)")
                for ((_, path), exclusion) in zip(file.excludedPaths, view.exclusions[entry.exclusions]) {
                    var expected: [[Int]] = []
                    compiled.forEachValue(of: path) { expected.append([$0, $1]) }
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
                            condition.holds(in: compiled) == program.holds(number.condition, in: view),
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
                    if case .path(let path) = rule.source { firstValue = compiled.value(of: path) }
                    for (condition, number) in zip(valueConditions, loweredValueConditions) {
                        for value in [nil, firstValue.map { ValueView.node($0) }] {
                            #expect(
                                condition.holds(in: compiled, value: value)
                                    == program.holds(number, in: view, value: value),
                                "value condition of \(place)")
                        }
                    }
                    let text = mapper.text(of: lowered.source, view).map { mapper.builder.string($0) }
                    #expect(rule.source.text(in: compiled) == text, "source text of \(place)")
                    if case .path(let path) = rule.source, case .path(let number) = view.sources[Int(lowered.source)] {
                        var expected: [[Int]] = []
                        compiled.forEachValue(of: path) { expected.append([$0, $1]) }
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
