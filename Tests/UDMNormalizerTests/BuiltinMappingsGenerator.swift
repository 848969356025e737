import Foundation

/// Produces `BuiltinMappings+Generated.swift`, which embeds the text of every `Mappings/*.map`
/// file and of every profile's `Mappings/profiles/NAME/*.map`, so the library (and a CLI binary
/// copied elsewhere) needs no resource files at run time.
enum BuiltinMappingsGenerator {
    static let outputPath = PackagePaths.sources.appendingPathComponent("Mapping/BuiltinMappings+Generated.swift")

    static func generate() throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: PackagePaths.mappings.path)
            .filter { $0.hasSuffix(".map") }.sorted()
        var out = """
            // swift-format-ignore-file
            // Generated from Mappings/*.map by BuiltinMappingsGenerator (Tests/UDMNormalizerTests).
            // Do not edit; change the tables in Mappings/ and run: UDM_REGENERATE=1 swift test --filter BuiltinMappingsGeneratedFileTests

            /// The text of the built-in mapping tables, in file-name order.
            enum BuiltinMappings {
                static let files: [(name: String, text: String)] = [

            """
        for name in names {
            out += try entry(name: name, url: PackagePaths.mappings.appendingPathComponent(name), indent: "        ")
        }
        out += "    ]\n\n"
        out +=
            "    /// The built-in output profiles (`Mappings/profiles/NAME/`), in name order; each file named by its path under `Mappings/`.\n"
        out += "    static let profiles: [(name: String, files: [(name: String, text: String)])] = [\n"
        let profilesFolder = PackagePaths.mappings.appendingPathComponent("profiles")
        let profileNames = ((try? FileManager.default.contentsOfDirectory(atPath: profilesFolder.path)) ?? []).sorted()
        for profile in profileNames {
            let folder = profilesFolder.appendingPathComponent(profile)
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".map") }
                .sorted()
            guard !files.isEmpty else { continue }
            out += "        (\"\(profile)\", [\n"
            for name in files {
                out += try entry(
                    name: "profiles/\(profile)/\(name)", url: folder.appendingPathComponent(name),
                    indent: "            ")
            }
            out += "        ]),\n"
        }
        out += "    ]\n}\n"
        return out
    }

    private static func entry(name: String, url: URL, indent: String) throws -> String {
        let text = try PackagePaths.read(url)
        precondition(!text.contains("\"\"\"####"), "\(name) contains the raw-string delimiter")
        return "\(indent)(\"\(name)\", ####\"\"\"\n\(text.hasSuffix("\n") ? text : text + "\n")\"\"\"####),\n"
    }
}
