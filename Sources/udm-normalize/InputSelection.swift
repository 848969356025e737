import Foundation

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
            let before = result.paths.count
            walk(argument, below: "", into: &result)
            if result.paths.count == before {
                // An empty folder stays in the list so that it is reported, not ignored.
                if result.problems[argument] == nil {
                    let left =
                        result.excluded + result.hiddenSkipped > 0 ? " (every file in it is hidden or excluded)" : ""
                    result.problems[argument] = PathProblem(
                        path: argument, reason: "the folder has no files to read\(left)")
                }
                result.paths.append(argument)
            }
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
            } else if selects(below) {
                result.paths.append(path)
            } else {
                result.excluded += 1
            }
        }
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
