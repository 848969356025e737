import Foundation

/// Refuses an output file that is one of the inputs: opening it for writing would empty the input
/// before it is read. Files are compared by device and inode, so another spelling of the path, a
/// symbolic or a hard link is caught; only regular files are compared (`/dev/null`,
/// `/dev/stdout`, pipes and terminals are never refused).
enum InputOutputOverlap {
    private struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// The usage error for the first output (`option`, `path`) that is one of `inputs` (expanded
    /// paths; `-` is standard input), or nil.
    static func check(outputs: [(option: String, path: String?)], inputs: [String]) -> UsageError? {
        var inputIdentities: [FileIdentity: String] = [:]
        for input in inputs {
            if let identity = input == "-" ? identity(descriptor: 0) : identity(path: input) {
                inputIdentities[identity] = input
            }
        }
        guard !inputIdentities.isEmpty else { return nil }
        for output in outputs {
            guard let path = output.path else { continue }
            // Foundation creates files at the lexically standardized path (`a/../b` is `b` even
            // when `a` does not exist), the kernel resolves the path as written: check both.
            let spellings = [path, URL(fileURLWithPath: path).standardizedFileURL.path]
            guard
                let input = spellings.lazy.compactMap({ identity(path: $0) }).compactMap({ inputIdentities[$0] }).first
            else { continue }
            let named = input == "-" ? "standard input" : "the input '\(input)'"
            return UsageError(
                message: "\(output.option) '\(path)' is \(named): writing it would destroy what is to be read")
        }
        return nil
    }

    private static func identity(path: String) -> FileIdentity? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return identity(status)
    }

    private static func identity(descriptor: Int32) -> FileIdentity? {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        return identity(status)
    }

    private static func identity(_ status: stat) -> FileIdentity? {
        guard status.st_mode & S_IFMT == S_IFREG else { return nil }
        return FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }
}
