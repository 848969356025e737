import Foundation
import UDMNormalizer

#if canImport(Glibc)
    import Glibc
#endif

/// Which files the PATH arguments stand for: files as given (always read), folders walked
/// recursively in name order with `--include` / `--exclude` globs matched on the path below the
/// folder, hidden entries inside a folder skipped and counted, `-` for standard input.
struct InputSelection {
    var include: [String] = []
    var exclude: [String] = []

    /// The files to read, in order, and what was left out or could not be listed.
    struct Expansion {
        /// Paths to read, in order; a path with a problem stays in place so it is reported in order.
        var paths: [String] = []
        /// Why a path in `paths` cannot be read, by path, in plain words.
        var problems: [String: PathProblem] = [:]
        var hiddenSkipped = 0
        var excluded = 0
        /// Expected outputs and notes found inside folders (`InputFolder.isExpectationFile`), never read.
        var expectationFiles = 0
        /// A few paths below a folder that `--include` / `--exclude` left out, as they were matched.
        var excludedExamples: [String] = []

        /// Appends what another PATH stands for.
        mutating func add(_ other: Expansion) {
            paths += other.paths
            problems.merge(other.problems) { first, _ in first }
            hiddenSkipped += other.hiddenSkipped
            excluded += other.excluded
            expectationFiles += other.expectationFiles
            excludedExamples += other.excludedExamples.prefix(max(0, 3 - excludedExamples.count))
        }
    }

    func expand(_ arguments: [String]) -> Expansion {
        var result = Expansion()
        for argument in arguments.isEmpty ? ["-"] : arguments {
            var isDirectory: ObjCBool = false
            guard argument != "-", FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory),
                isDirectory.boolValue
            else {
                if argument != "-", let problem = PathProblem.reading(argument, as: .file) {
                    result.problems[argument] = problem
                }
                result.paths.append(argument)
                continue
            }
            var folder = Expansion()
            walk(argument, below: "", into: &folder)
            if folder.paths.isEmpty {
                // An empty folder stays in the list so that it is reported, not ignored.
                if folder.problems[argument] == nil {
                    folder.problems[argument] = PathProblem(
                        path: argument, reason: "the folder has no files to read\(leftOut(folder))")
                }
                folder.paths.append(argument)
            }
            result.add(folder)
        }
        return result
    }

    private func walk(_ folder: String, below relative: String, into result: inout Expansion) {
        let directory = relative.isEmpty ? folder : (folder.hasSuffix("/") ? folder : folder + "/") + relative
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            result.problems[directory] =
                PathProblem.reading(directory, as: .folder)
                ?? PathProblem(path: directory, reason: "cannot list the folder")
            result.paths.append(directory)
            return
        }
        for name in names.sorted() {
            if name.hasPrefix(".") {
                result.hiddenSkipped += 1
                continue
            }
            let below = relative.isEmpty ? name : relative + "/" + name
            let path = (folder.hasSuffix("/") ? folder : folder + "/") + below
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                // Listed but not there to read (a broken symbolic link): reported, never dropped.
                result.problems[path] =
                    PathProblem.reading(path, as: .file) ?? PathProblem(path: path, reason: "cannot be read")
                result.paths.append(path)
                continue
            }
            if isDirectory.boolValue {
                walk(folder, below: below, into: &result)
            } else if InputFolder.isExpectationFile(name) {
                result.expectationFiles += 1
            } else if selects(below) {
                result.paths.append(path)
            } else {
                result.excluded += 1
                if result.excludedExamples.count < 3 { result.excludedExamples.append(below) }
            }
        }
    }

    /// Why a folder gave no file, in words: what was left out and, when globs left files out, what
    /// the paths they were matched on look like, so a pattern written for another shape can be fixed.
    private func leftOut(_ result: Expansion) -> String {
        var parts: [String] = []
        if result.hiddenSkipped > 0 {
            parts.append("\(TableLoader.count(result.hiddenSkipped, "hidden file")) skipped")
        }
        if result.expectationFiles > 0 {
            parts.append("\(TableLoader.count(result.expectationFiles, "file")) excluded (expectation files)")
        }
        if result.excluded > 0 {
            let globs = (include.map { "--include '\($0)'" } + exclude.map { "--exclude '\($0)'" }).joined(
                separator: ", ")
            let examples = result.excludedExamples.map { "'\($0)'" }.joined(separator: ", ")
            parts.append(
                "\(TableLoader.count(result.excluded, "file")) left out by \(globs), which match the path below the "
                    + "folder (or the file name), such as \(examples)")
        }
        return parts.isEmpty ? "" : ": " + parts.joined(separator: "; ")
    }

    /// Whether a file at `relative` below a folder given as PATH is read.
    func selects(_ relative: String) -> Bool {
        if !include.isEmpty && !include.contains(where: { Self.matches($0, relative) }) { return false }
        return !exclude.contains { Self.matches($0, relative) }
    }

    /// Shell-style glob, `*` matching `/` too, so `*.md` matches `a/b.md`; a pattern also matches
    /// when it matches the file name alone.
    static func matches(_ pattern: String, _ relative: String) -> Bool {
        if fnmatch(pattern, relative, 0) == 0 { return true }
        let name = (relative as NSString).lastPathComponent
        return name != relative && fnmatch(pattern, name, 0) == 0
    }
}
