import Foundation
import Testing

@testable import UDMNormalizer

/// Workers running at the same time get normalizers over their own compiled tables, and those
/// tables give the same events as the ones they were copied from.
@Suite struct WorkerNormalizersTests {
    /// The golden samples' inputs (CloudTrail and GuardDuty).
    static var sampleInputs: [[UInt8]] {
        ["cloudtrail", "guardduty"].flatMap { folder -> [[UInt8]] in
            let url = PackagePaths.samples.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            return names.filter { $0.hasSuffix(".json") }.sorted().compactMap {
                FileManager.default.contents(atPath: url.appendingPathComponent($0).path).map { [UInt8]($0) }
            }
        }
    }

    /// Every record of every sample as (origin, rendered event or failure), in order.
    static func outcomes(_ normalizer: Normalizer) -> [String] {
        var lines: [String] = []
        for (index, input) in sampleInputs.enumerated() {
            normalizer.normalize(input: input, source: "sample-\(index)") { record in
                switch record.outcome {
                case .normalized(let event):
                    lines.append(record.origin + " " + String(decoding: event.jsonBytes, as: UTF8.self))
                case .failed(let failure): lines.append(record.origin + " failed " + failure.detail)
                case .skipped(let reason): lines.append(record.origin + " skipped " + reason)
                }
            }
        }
        return lines
    }

    @Test(arguments: ["reference", "google-secops"])
    func privateTablesShareNoCompiledObjectAndGiveTheSameEvents(profile: String) throws {
        let normalizer = try Normalizer(profile: profile)
        let copy = normalizer.withPrivateTables()
        #expect(copy.mappings !== normalizer.mappings)
        #expect(copy.mappings.profile == profile)
        #expect(copy.mappings.fingerprint == normalizer.mappings.fingerprint)
        #expect(copy.mappings.files.count == normalizer.mappings.files.count)
        for (mine, theirs) in zip(copy.mappings.files, normalizer.mappings.files) {
            #expect(mine !== theirs)
            #expect(mine.rules.count == theirs.rules.count)
            #expect(zip(mine.rules, theirs.rules).allSatisfy { $0 !== $1 && $0.id == $1.id })
        }
        #expect(copy.mappings.lookupTables.map(\.name) == normalizer.mappings.lookupTables.map(\.name))
        let expected = Self.outcomes(normalizer)
        #expect(expected.count > 20)
        #expect(Self.outcomes(copy) == expected)
    }

    @Test func tablesLoadedFromTextAreCopiedWithTheirTexts() throws {
        let tables = try MappingSet.builtin.adding(
            tableText: """
                @log_type AWS_CLOUDTRAIL
                requestParameters.bucketName -> target.resource.name
                """, name: "site.map")
        let copy = tables.privateCopy()
        #expect(copy !== tables)
        #expect(copy.fingerprint == tables.fingerprint)
        #expect(copy.fileNames == tables.fileNames)
        #expect(copy.files.flatMap(\.rules).map(\.id) == tables.files.flatMap(\.rules).map(\.id))
    }

    @Test func aWorkerRunningBesideAnotherGetsItsOwnTablesAndGivesThemBack() {
        let normalizer = Normalizer()
        let workers = WorkerNormalizers(normalizer)
        // The first worker takes the normalizer it was given; a second at the same time compiles its own.
        let (first, second) = workers.withNormalizer { outer in
            workers.withNormalizer { inner in (outer.mappings, inner.mappings) }
        }
        #expect(first === normalizer.mappings)
        #expect(second !== normalizer.mappings)
        // Both were given back: two workers at once again use the same two, compiling nothing new.
        let again = workers.withNormalizer { outer in
            workers.withNormalizer { inner in [ObjectIdentifier(outer.mappings), ObjectIdentifier(inner.mappings)] }
        }
        #expect(Set(again) == [ObjectIdentifier(first), ObjectIdentifier(second)])
    }
}
