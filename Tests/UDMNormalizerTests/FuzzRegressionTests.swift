import Foundation
import Testing
@testable import UDMNormalizer

/// Replays every input the fuzzers found (and the seeds kept beside them) through the reader and
/// the whole normalize path: each must finish, with every record accounted for.
@Suite struct FuzzRegressionTests {
    static let folder = PackagePaths.root.appendingPathComponent("Tests/Fuzz/regressions")

    static var inputs: [URL] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted().map { folder.appendingPathComponent($0) }
    }

    @Test func thereAreRegressionInputs() {
        #expect(Self.inputs.count >= 4)
    }

    @Test(arguments: inputs) func replays(_ input: URL) throws {
        let bytes = Array(try Data(contentsOf: input))
        do {
            let document = try JSONParser.parse(bytes)
            #expect(!document.nodes.isEmpty)
        } catch {
            #expect(error.offset >= 0 && error.offset <= bytes.count)
        }
        var read = 0, accounted = 0
        Normalizer(options: .init(trackCoverage: true)).normalize(input: bytes, source: input.lastPathComponent) { record in
            read += 1
            switch record.outcome {
            case .normalized(let event): if !event.jsonBytes.isEmpty { accounted += 1 }
            case .failed(let reason), .skipped(let reason): if !reason.isEmpty { accounted += 1 }
            }
        }
        #expect(read == accounted)
    }
}
