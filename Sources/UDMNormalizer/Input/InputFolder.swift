import Foundation

/// The files a folder given as an input stands for, the same for the library
/// (``Normalizer/normalize(path:_:)-48z5r``) and the command line: every file below it, recursively, in
/// name order, except hidden entries and expectation files.
package enum InputFolder {
    /// The endings of the files beside a sample that say what it should give, as
    /// `udm-normalize test` reads them (`NAME.udm.ndjson`, `NAME.notes.txt`, `NAME.expect.kv`).
    package static let expectationSuffixes = [".udm.ndjson", ".notes.txt", ".expect.kv"]

    /// Whether a file named `name`, found inside a folder, is an expectation file or a folder's
    /// `README.md`: not a log, so skipped and counted, never read. Named as an input itself, such a
    /// file is read like any other.
    package static func isExpectationFile(_ name: String) -> Bool {
        name == "README.md" || expectationSuffixes.contains { name.hasSuffix($0) }
    }

    /// Whether `path` names a folder (following symbolic links).
    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return path != "-" && FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }

    /// The files to read below `folder`, in name order (a subfolder's files where its name sorts).
    ///
    /// - Throws: ``InputError`` when a folder cannot be listed, or when `folder` holds no file to
    ///   read (the reason says how many hidden and expectation files it left out).
    static func files(in folder: String) throws(InputError) -> [String] {
        var files: [String] = []
        var leftOut = 0
        try collect(folder, into: &files, leftOut: &leftOut)
        guard !files.isEmpty else {
            throw InputError(
                path: folder,
                reason: "the folder has no files to read"
                    + (leftOut > 0 ? " (\(leftOut) hidden or expectation files left out)" : ""))
        }
        return files
    }

    private static func collect(_ folder: String, into files: inout [String], leftOut: inout Int) throws(InputError) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw InputError(path: folder, reason: "cannot list the folder")
        }
        for name in names.sorted() {
            let path = (folder.hasSuffix("/") ? folder : folder + "/") + name
            if name.hasPrefix(".") {
                leftOut += 1
            } else if isFolder(path) {
                try collect(path, into: &files, leftOut: &leftOut)
            } else if isExpectationFile(name) {
                leftOut += 1
            } else {
                files.append(path)
            }
        }
    }
}
