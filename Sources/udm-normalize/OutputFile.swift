import Foundation

/// A buffered output: standard output or a file created (truncated) at start.
///
/// Written with `write(2)` straight from the buffer: going through `FileHandle` copied every
/// output byte once more into a `Data` first.
final class OutputFile {
    private let descriptor: Int32
    private let closesOnDeinit: Bool
    /// The output as messages name it: `standard output`, or the option and the path.
    private let name: String
    private var buffer: [UInt8] = []

    static func standardOutput() -> OutputFile {
        OutputFile(descriptor: STDOUT_FILENO, closesOnDeinit: false, name: "standard output")
    }

    private init(descriptor: Int32, closesOnDeinit: Bool, name: String) {
        self.descriptor = descriptor
        self.closesOnDeinit = closesOnDeinit
        self.name = name
        buffer.reserveCapacity(1 << 17)
    }

    deinit {
        if closesOnDeinit { close(descriptor) }
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
        return OutputFile(descriptor: descriptor, closesOnDeinit: true, name: "\(option) \(path)")
    }

    func write(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    func write(_ text: String) { write(text.utf8) }

    /// Writes what is buffered. An output that cannot be written (a full disk, a closed pipe) ends
    /// the run with exit status 3, naming the output and the reason: going on would lose events.
    func flush() {
        guard !buffer.isEmpty else { return }
        let failure: Int32? = buffer.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        buffer.removeAll(keepingCapacity: true)
        if let failure {
            FileHandle.standardError.write(
                Data("udm-normalize: cannot write \(name): \(String(cString: strerror(failure)).lowercased())\n".utf8))
            exit(ExitStatus.pathUnusable.rawValue)
        }
    }
}
