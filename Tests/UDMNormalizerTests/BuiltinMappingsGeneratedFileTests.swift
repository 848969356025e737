import Foundation
import Testing

/// The embedded copy of `Mappings/` must match the files, or the library would ship stale tables.
@Suite struct BuiltinMappingsGeneratedFileTests {
    @Test func generatedFileMatchesMappingsFolder() throws {
        let expected = try BuiltinMappingsGenerator.generate()
        if PackagePaths.regenerate {
            try expected.write(to: BuiltinMappingsGenerator.outputPath, atomically: true, encoding: .utf8)
            return
        }
        let committed = try PackagePaths.read(BuiltinMappingsGenerator.outputPath)
        #expect(
            committed == expected,
            "Sources/UDMNormalizer/Mapping/BuiltinMappings+Generated.swift is stale: run UDM_REGENERATE=1 swift test --filter BuiltinMappingsGeneratedFileTests"
        )
    }
}
