import Foundation

/// Produces `BuiltinMappings+Generated.swift`, which embeds the text of every `Mappings/*.map`
/// file so the library (and a CLI binary copied elsewhere) needs no resource files at run time.
enum BuiltinMappingsGenerator {
    static let outputPath = PackagePaths.sources.appendingPathComponent("Mapping/BuiltinMappings+Generated.swift")

    static func generate() throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: PackagePaths.mappings.path)
            .filter { $0.hasSuffix(".map") }.sorted()
        var out = """
        // Generated from Mappings/*.map by BuiltinMappingsGenerator (Tests/UDMNormalizerTests).
        // Do not edit; change the tables in Mappings/ and run: UDM_REGENERATE=1 swift test --filter BuiltinMappingsGeneratedFileTests

        /// The text of the built-in mapping tables, in file-name order.
        enum BuiltinMappings {
            static let files: [(name: String, text: String)] = [

        """
        for name in names {
            let text = try PackagePaths.read(PackagePaths.mappings.appendingPathComponent(name))
            precondition(!text.contains("\"\"\"####"), "\(name) contains the raw-string delimiter")
            out += "        (\"\(name)\", ####\"\"\"\n\(text.hasSuffix("\n") ? text : text + "\n")\"\"\"####),\n"
        }
        out += "    ]\n}\n"
        return out
    }
}
