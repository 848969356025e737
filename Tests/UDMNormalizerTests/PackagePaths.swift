import Foundation

/// Locations of the package's own folders and of the shared reference data beside the package,
/// found from this file's path so tests work from any working directory.
enum PackagePaths {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let mappings = root.appendingPathComponent("Mappings")
    static let samples = root.appendingPathComponent("Samples")
    static let sources = root.appendingPathComponent("Sources/UDMNormalizer")
    /// The real logs the tests need, vendored with their licences (`Tests/Corpus/SOURCES.md`), so
    /// the suite passes on a bare clone.
    static let vendoredCorpus = root.appendingPathComponent("Tests/Corpus")

    /// `../shared`: development reference data and the third-party corpus, not distributed, so
    /// absent on a fresh clone. `UDM_SHARED_DIR=PATH` looks for it elsewhere and
    /// `UDM_SHARED_DIR=none` hides it, so the suite runs as it does on a bare clone (CI does both).
    static let sharedSetting = ProcessInfo.processInfo.environment["UDM_SHARED_DIR"]
    static let sharedHidden = sharedSetting == "none"
    static let shared: URL =
        if let setting = sharedSetting, !setting.isEmpty, !sharedHidden {
            URL(fileURLWithPath: setting, relativeTo: root).standardizedFileURL
        } else {
            root.deletingLastPathComponent().appendingPathComponent("shared")
        }
    static let reference = shared.appendingPathComponent("reference")
    static let corpus = shared.appendingPathComponent("corpus")

    /// Whether `../shared/reference` may be read; tests that need it are skipped (and say so) when not.
    static var hasShared: Bool { !sharedHidden && FileManager.default.fileExists(atPath: reference.path) }
    /// Whether `../shared/corpus` may be read; tests that need it are skipped (and say so) when not.
    static var hasCorpus: Bool { !sharedHidden && FileManager.default.fileExists(atPath: corpus.path) }
    /// Set UDM_REGENERATE=1 to rewrite generated files and golden outputs instead of comparing.
    static var regenerate: Bool { ProcessInfo.processInfo.environment["UDM_REGENERATE"] == "1" }

    /// A new empty folder under the system's temporary directory; the caller removes it.
    static func temporaryDirectory(_ label: String = "udm") throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    static func read(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }
}
