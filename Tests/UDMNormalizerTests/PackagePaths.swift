import Foundation

/// Locations of the package's own folders and of the shared reference data beside the package,
/// found from this file's path so tests work from any working directory.
enum PackagePaths {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let mappings = root.appendingPathComponent("Mappings")
    static let samples = root.appendingPathComponent("Samples")
    static let sources = root.appendingPathComponent("Sources/UDMNormalizer")
    /// `../shared`: reference data and the third-party corpus; absent on machines that only have the package.
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
    static let reference = shared.appendingPathComponent("reference")
    static let corpus = shared.appendingPathComponent("corpus")

    static var hasShared: Bool { FileManager.default.fileExists(atPath: reference.path) }
    static var hasCorpus: Bool { FileManager.default.fileExists(atPath: corpus.path) }
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
