import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Why a path cannot be used, in plain words, with what to do about it where there is something.
/// Every message about an input, a table or an output file is built from one of these.
struct PathProblem: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var advice: String?

    var description: String { "\(path): " + reason + (advice.map { " (\($0))" } ?? "") }

    enum Kind { case file, folder, fileOrFolder }

    /// The problem reading `path` as `kind`, or nil when it can be read.
    static func reading(_ path: String, as kind: Kind) -> PathProblem? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            var link = stat()
            if code == ENOENT, lstat(path, &link) == 0 {
                return PathProblem(
                    path: path, reason: "a symbolic link to nothing", advice: "its target was moved or deleted")
            }
            return fromErrno(code, path: path, writing: false)
        }
        let isFolder = (info.st_mode & S_IFMT) == S_IFDIR
        switch (kind, isFolder) {
        case (.file, true):
            return PathProblem(path: path, reason: "is a folder, not a file", advice: "give one file inside it")
        case (.folder, false): return PathProblem(path: path, reason: "is a file, not a folder")
        default: break
        }
        guard access(path, isFolder ? R_OK | X_OK : R_OK) == 0 else {
            return fromErrno(errno, path: path, writing: false)
        }
        return nil
    }

    /// The problem creating or truncating `path` for writing, or nil when it can be written.
    static func writing(_ path: String) -> PathProblem? {
        var info = stat()
        if stat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR {
                return PathProblem(path: path, reason: "is a folder", advice: "give a file name")
            }
            return access(path, W_OK) == 0 ? nil : fromErrno(errno, path: path, writing: true)
        }
        let folder = (path as NSString).deletingLastPathComponent
        let parent = folder.isEmpty ? "." : folder
        guard stat(parent, &info) == 0 else {
            return PathProblem(path: path, reason: "the folder '\(parent)' does not exist", advice: "create it first")
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            return PathProblem(path: path, reason: "'\(parent)' is a file, not a folder")
        }
        return access(parent, W_OK | X_OK) == 0
            ? nil : PathProblem(path: path, reason: "permission denied: cannot create a file in '\(parent)'")
    }

    private static func fromErrno(_ code: Int32, path: String, writing: Bool) -> PathProblem {
        switch code {
        case ENOENT:
            return PathProblem(
                path: path, reason: "no such file or folder", advice: "check the spelling, or the folder you run from")
        case EACCES, EPERM:
            return PathProblem(
                path: path, reason: "permission denied",
                advice: writing ? "choose a path you can write" : "check its permissions")
        case ENOTDIR: return PathProblem(path: path, reason: "a part of the path is a file, not a folder")
        case ELOOP: return PathProblem(path: path, reason: "too many symbolic links")
        default: return PathProblem(path: path, reason: String(cString: strerror(code)).lowercased())
        }
    }
}
