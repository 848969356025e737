import Foundation
import Testing

@testable import UDMNormalizer

/// The JSONTestSuite corpus (nst/JSONTestSuite `test_parsing`), vendored with its licence in
/// `Tests/Corpus/jsontestsuite` (the same files as `../shared/corpus/jsontestsuite`).
private let corpusDirectory = PackagePaths.vendoredCorpus.appendingPathComponent("jsontestsuite")

/// True when the corpus folder is present; the suite is reported as skipped otherwise.
private let corpusAvailable: Bool = {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: corpusDirectory.path, isDirectory: &isDirectory)
        && isDirectory.boolValue
}()

/// Every corpus file as (name, bytes), sorted by name for stable failure output.
private func corpusFiles() throws -> [(name: String, bytes: [UInt8])] {
    let names = try FileManager.default.contentsOfDirectory(atPath: corpusDirectory.path)
        .filter { $0.hasSuffix(".json") }
        .sorted()
    return try names.map { name in
        (name, [UInt8](try Data(contentsOf: corpusDirectory.appendingPathComponent(name))))
    }
}

/// Parses `bytes`, returning the document or the syntax error.
private func outcome(_ bytes: [UInt8]) -> Result<JSONDocument, JSONSyntaxError> {
    do {
        return .success(try JSONParser.parse(bytes))
    } catch {
        return .failure(error)
    }
}

/// Runs the parser over every file of nst/JSONTestSuite, skipped (visibly) when the corpus is absent.
@Suite(
    "JSONTestSuite conformance",
    .enabled(if: corpusAvailable, "JSONTestSuite corpus not found at Tests/Corpus/jsontestsuite — SKIPPED")
)
struct JSONTestSuiteConformanceTests {
    @Test func acceptsEveryYFile() throws {
        let files = try corpusFiles().filter { $0.name.hasPrefix("y_") }
        #expect(files.count >= 90, "only \(files.count) y_ files found")
        for file in files {
            if case .failure(let error) = outcome(file.bytes) {
                Issue.record("\(file.name) should parse but failed: \(error)")
            }
        }
    }

    @Test func rejectsEveryNFile() throws {
        let files = try corpusFiles().filter { $0.name.hasPrefix("n_") }
        #expect(files.count >= 180, "only \(files.count) n_ files found")
        for file in files {
            switch outcome(file.bytes) {
            case .success:
                Issue.record("\(file.name) should be rejected but parsed")
            case .failure(let error):
                #expect(error.offset >= 0 && error.offset <= file.bytes.count, "\(file.name): \(error)")
                #expect(!error.reason.isEmpty, "\(file.name)")
            }
        }
    }

    /// Implementation-defined cases: any outcome is allowed by the suite, but the documented policy is
    /// checked so a change in behaviour is noticed: bad UTF-8 and lone surrogates inside UTF-8 strings are
    /// accepted and flagged for repair, UTF-16 input is rejected, numbers are accepted as text.
    @Test func implementationDefinedFilesFollowPolicy() throws {
        let files = try corpusFiles().filter { $0.name.hasPrefix("i_") }
        #expect(files.count >= 30, "only \(files.count) i_ files found")
        for file in files {
            let result = outcome(file.bytes)
            if case .failure(let error) = result {
                #expect(error.offset >= 0 && error.offset <= file.bytes.count, "\(file.name): \(error)")
            }
            let isUTF16 = file.name.lowercased().contains("utf16") || file.name.contains("UTF-16")
            if isUTF16 {
                #expect(throws: JSONSyntaxError.self, "\(file.name)") { try result.get() }
            } else if file.name.hasPrefix("i_string_") || file.name.hasPrefix("i_object_key_") {
                let document = try #require(try? result.get(), "\(file.name) should be accepted with repair")
                let repaired = document.tape.contains { $0.flags & JSONNode.needsRepair != 0 }
                #expect(repaired, "\(file.name) should set needsRepair")
                for index in document.tape.indices where document.tape[index].kind == .string {
                    let decoded = document.string(index)
                    #expect(
                        decoded.contains("\u{FFFD}") == (document.tape[index].flags & JSONNode.needsRepair != 0),
                        "\(file.name)")
                }
            } else {
                #expect((try? result.get()) != nil, "\(file.name) should be accepted")
            }
        }
    }
}
