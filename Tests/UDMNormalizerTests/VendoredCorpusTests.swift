import Foundation
import Testing

/// The real logs vendored under `Tests/Corpus` may be redistributed: every data file is listed in
/// its folder's `SOURCES.md` under MIT, MIT-0 or Apache-2.0, with that licence's text beside it,
/// and is the same as the shared corpus's copy when that is there (folders assembled here from
/// published documentation have no such copy).
@Suite struct VendoredCorpusTests {
    static let allowedLicences = ["MIT", "MIT-0", "Apache-2.0"]
    static let documentation: Set<String> = ["SOURCES.md", "README.md"]
    /// Folders assembled in the repository from published documentation, not copied from the
    /// shared corpus: `labelled/` holds AWS's documented example records with their labels.
    static let assembledHere: Set<String> = ["labelled"]

    static var folders: [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: PackagePaths.vendoredCorpus.path)) ?? []
        return names.sorted().map { PackagePaths.vendoredCorpus.appendingPathComponent($0) }.filter {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0.path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }

    /// The cells of a Markdown table row, trimmed.
    static func cells(_ row: Substring) -> [String] {
        row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test func everyVendoredFileHasASourceAndAPermissiveLicence() throws {
        #expect(!Self.folders.isEmpty, "Tests/Corpus has no folder")
        for folder in Self.folders {
            let sources = try PackagePaths.read(folder.appendingPathComponent("SOURCES.md"))
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            let licenceTexts = names.filter { $0.hasPrefix("LICENSE") }
            let rows = sources.split(separator: "\n")
            let header = try #require(
                rows.first { $0.hasPrefix("| file |") }, "\(folder.lastPathComponent)/SOURCES.md has no table")
            let licenceColumn = try #require(Self.cells(header).firstIndex(of: "licence"), "no licence column")
            for name in names where !Self.documentation.contains(name) && !name.hasPrefix("LICENSE") {
                let row = try #require(
                    rows.first { row in
                        guard let listed = Self.cells(row).first?.trimmingCharacters(in: ["`"]) else { return false }
                        return listed == name || (listed.hasPrefix("*") && name.hasSuffix(listed.dropFirst()))
                    },
                    "\(folder.lastPathComponent)/\(name) is not in its SOURCES.md table")
                let licence = try #require(Self.cells(row).dropFirst(licenceColumn).first)
                let spdx = try #require(licence.split(separator: " ").first.map(String.init))
                #expect(
                    Self.allowedLicences.contains(spdx),
                    "\(folder.lastPathComponent)/\(name) is under \(licence), which may not be vendored")
                #expect(
                    licenceTexts.contains { $0.contains(spdx) },
                    "\(folder.lastPathComponent) has no LICENSE-\(spdx) text for \(name)")
            }
        }
    }

    @Test(.enabled(if: PackagePaths.hasCorpus, "../shared/corpus is not beside the package: copies not compared"))
    func vendoredFilesAreTheSharedCorpusFiles() throws {
        for folder in Self.folders where !Self.assembledHere.contains(folder.lastPathComponent) {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
            where !Self.documentation.contains(name) && !name.hasPrefix("LICENSE") {
                let shared = PackagePaths.corpus.appendingPathComponent("\(folder.lastPathComponent)/\(name)")
                #expect(
                    try Data(contentsOf: folder.appendingPathComponent(name)) == Data(contentsOf: shared),
                    "Tests/Corpus/\(folder.lastPathComponent)/\(name) differs from ../shared/corpus")
            }
        }
    }
}
