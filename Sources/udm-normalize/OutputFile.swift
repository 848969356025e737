import Foundation

/// A buffered output: standard output or a file created (truncated) at start.
final class OutputFile {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    static func standardOutput() -> OutputFile { OutputFile(handle: .standardOutput) }

    init(handle: FileHandle) {
        self.handle = handle
        buffer.reserveCapacity(1 << 17)
    }

    /// Creates or truncates `path`; throws why not, in plain words, naming `option`. The path is
    /// opened in place (`open(2)`), never replaced: `FileManager.createFile` writes a new file and
    /// renames it over the path, which turns `/dev/null` or `/dev/stdout` into a regular file when
    /// run as root.
    static func create(_ path: String, option: String) throws(PathProblem) -> OutputFile {
        if var problem = PathProblem.writing(path) {
            problem.path = "\(option) \(problem.path)"
            throw problem
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw PathProblem(path: "\(option) \(path)", reason: String(cString: strerror(errno)).lowercased())
        }
        return OutputFile(handle: FileHandle(fileDescriptor: descriptor, closeOnDealloc: true))
    }

    func write(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    func write(_ text: String) { write(text.utf8) }

    func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
